/**
 * The page's entry: for now, lists the built-in presets by group. Built with DOM APIs and textContent only,
 * so no preset text can ever be parsed as HTML.
 */
import { presets, type Preset } from '../shared/presets';

/** What the desktop preload exposes; absent when the page runs in a plain browser. */
interface DescentDesktop {
  readonly platform: string;
  readonly versions: { readonly electron: string };
}

const groupTitles: Record<Preset['group'], string> = {
  notebooks: 'From the notebooks',
  surfaces: 'Surfaces',
};

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function renderPresets(container: HTMLElement, list: readonly Preset[]): void {
  const groups = new Map<Preset['group'], Preset[]>();
  for (const preset of list) {
    const members = groups.get(preset.group) ?? [];
    members.push(preset);
    groups.set(preset.group, members);
  }
  for (const [group, members] of groups) {
    const section = element('section', undefined, 'preset-group');
    section.append(element('h2', groupTitles[group] ?? group));
    const items = element('ul');
    for (const preset of members) {
      const item = element('li');
      item.dataset.preset = preset.name;
      item.title = preset.lesson;
      item.append(element('span', preset.title, 'preset-title'), element('code', preset.name, 'preset-name'));
      items.append(item);
    }
    section.append(items);
    container.append(section);
  }
}

const container = document.getElementById('presets');
if (container) renderPresets(container, presets);

const runtime = document.getElementById('runtime');
const desktop = (window as Window & { descentDesktop?: DescentDesktop }).descentDesktop;
if (runtime) {
  runtime.textContent = desktop
    ? `Desktop app · Electron ${desktop.versions.electron} on ${desktop.platform}`
    : 'Running in your browser';
}
