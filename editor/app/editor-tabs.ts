/**
 * The tabs (World | Textures | Cutscene | Play | Exports): a tab shows every element whose
 * `data-tab-panel` lists it, in all three columns, and hides the others. Listeners hear which tab
 * opened and which closed (the Play tab opens its stream only while it is shown).
 */

export type TabName = 'world' | 'textures' | 'cutscene' | 'play' | 'exports';

type Listener = (opened: TabName, closed: TabName) => void;

let current: TabName = 'world';
const listeners = new Set<Listener>();

export function currentTab(): TabName {
  return current;
}

export function showTab(tab: TabName): void {
  const closed = current;
  current = tab;
  for (const button of document.querySelectorAll<HTMLElement>('[data-tab]')) button.setAttribute('aria-selected', String(button.dataset.tab === tab));
  for (const panel of document.querySelectorAll<HTMLElement>('[data-tab-panel]')) {
    const shown = (panel.dataset.tabPanel ?? '').split(' ').includes(tab);
    // #compare stays hidden until there is something to compare.
    if (panel.id === 'compare') panel.hidden = !shown || !panel.childElementCount;
    else panel.hidden = !shown;
  }
  document.body.dataset.tab = tab;
  if (closed !== tab) for (const listener of listeners) listener(tab, closed);
}

export function onTabChange(listener: Listener): void {
  listeners.add(listener);
}

export function mountTabs(): void {
  for (const button of document.querySelectorAll<HTMLElement>('[data-tab]')) button.addEventListener('click', () => showTab(button.dataset.tab as TabName));
  showTab('world');
}
