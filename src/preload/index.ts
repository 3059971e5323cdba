/**
 * The sandboxed preload: the page sees only these few read-only facts, never Node or ipcRenderer itself.
 * (A sandboxed preload may use contextBridge and `process.platform` / `process.versions`, not `require('fs')`.)
 */
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('descentDesktop', {
  platform: process.platform,
  versions: { electron: process.versions.electron },
});
