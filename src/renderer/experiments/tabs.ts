/**
 * The experiments under the views (issue 8): one tab each, only one open at a time, all closed by default
 * so the plain lab stays uncluttered. A tab's content is mounted once, the first time it is opened.
 */
import { element } from '../dom';
import type { MountContext } from '../mounts';

export interface ExperimentTab {
  /** Stable id: the tab button's `data-testid` is `experiment-tab-${id}`, its panel's `experiment-${id}`. */
  id: string;
  title: string;
  /** Builds the tab's content into `panel`; called once, on first open. */
  mount(panel: HTMLElement, context: MountContext): { opened?(): void; closed?(): void } | void;
}

export interface ExperimentsHandle {
  /** Opens a tab by id (closing the open one); null closes all. */
  open(id: string | null): void;
  readonly openId: string | null;
}

export function mountTabs(container: HTMLElement, context: MountContext, tabs: readonly ExperimentTab[]): ExperimentsHandle {
  const bar = element('div', undefined, 'experiments-tabs');
  bar.setAttribute('role', 'tablist');
  const panels = element('div', undefined, 'experiments-panels');
  container.replaceChildren(bar, panels);

  const mounted = new Map<string, { opened?(): void; closed?(): void }>();
  const buttons = new Map<string, HTMLButtonElement>();
  const panelOf = new Map<string, HTMLElement>();
  let openId: string | null = null;

  for (const tab of tabs) {
    const button = element('button', tab.title, 'experiments-tab');
    button.type = 'button';
    button.setAttribute('role', 'tab');
    button.setAttribute('aria-selected', 'false');
    button.dataset.testid = `experiment-tab-${tab.id}`;
    button.addEventListener('click', () => open(openId === tab.id ? null : tab.id));
    const panel = element('section', undefined, 'experiment-panel');
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-label', tab.title);
    panel.dataset.testid = `experiment-${tab.id}`;
    panel.hidden = true;
    bar.append(button);
    panels.append(panel);
    buttons.set(tab.id, button);
    panelOf.set(tab.id, panel);
  }

  function open(id: string | null): void {
    if (id === openId) return;
    if (openId) {
      mounted.get(openId)?.closed?.();
      panelOf.get(openId)!.hidden = true;
      buttons.get(openId)!.setAttribute('aria-selected', 'false');
    }
    openId = id !== null && panelOf.has(id) ? id : null;
    if (!openId) return;
    const tab = tabs.find((t) => t.id === openId)!;
    const panel = panelOf.get(openId)!;
    if (!mounted.has(openId)) mounted.set(openId, tab.mount(panel, context) ?? {});
    panel.hidden = false;
    buttons.get(openId)!.setAttribute('aria-selected', 'true');
    mounted.get(openId)?.opened?.();
  }

  return {
    open,
    get openId() {
      return openId;
    },
  };
}
