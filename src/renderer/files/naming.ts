/**
 * The DOM-free parts of scenario files in the page: file names, the size check made before a file is
 * read, the text Save writes, share links, and the file keys. Tested in node (naming.test.ts).
 */
import { limits } from '../../shared/limits';
import type { Scenario } from '../../shared/scenario';

export const scenarioExtension = '.descent.json';
/** The one-part extension the desktop app saves and the installers associate (src/main/scenario-files.ts). */
export const scenarioAltExtension = '.descent';

/** Beyond this a link may be cut short by browsers, chat programs and servers. */
export const maxShareableLink = 8000;

/** `My bowl: Adam!` → `my-bowl-adam.descent.json`; a name with nothing usable → `untitled.descent.json`. */
export function fileNameFor(scenarioName: string): string {
  const slug = scenarioName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents, once decomposed
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80)
    .replace(/[-.]+$/, '');
  return `${slug || 'untitled'}${scenarioExtension}`;
}

/** The text Save writes: two-space JSON and a final newline, the way the examples are written. */
export function scenarioFileText(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

/** Refuses a file by its size before it is read: one problem line naming the limit, or null when it fits. */
export function sizeProblem(bytes: number): string | null {
  if (bytes <= limits.maxScenarioBytes) return null;
  return `(scenario): the file is ${formatBytes(bytes)}; the limit for a scenario file is ${formatBytes(limits.maxScenarioBytes)} (${limits.maxScenarioBytes} bytes)`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1048576) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${+(bytes / 1048576).toFixed(1)} MiB`;
}

/** A link to the page that opens `scenario`: the page's address without its query, and `?scenario=`. */
export function scenarioLink(page: { origin: string; pathname: string }, scenario: Scenario): string {
  return `${page.origin}${page.pathname}?scenario=${encodeURIComponent(JSON.stringify(scenario))}`;
}

export function linkTooLong(link: string): boolean {
  return link.length > maxShareableLink;
}

export type FileAction = 'open' | 'save' | 'save-as';

/** Ctrl/Cmd+O open, Ctrl/Cmd+S save, Ctrl/Cmd+Shift+S save as; anything else (the lab's own keys) is not ours. */
export function fileActionFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): FileAction | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'o' && !event.shiftKey) return 'open';
  if (key === 's') return event.shiftKey ? 'save-as' : 'save';
  return null;
}
