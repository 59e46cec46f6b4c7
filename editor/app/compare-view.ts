/**
 * The compare view (`#compare`) after a regenerate: the previous version's preview snapshot beside
 * the new one, and every spec field that changed (path: old → new).
 */
import { h } from './element.ts';
import { formatSpecValue, type SpecChange } from './spec-diff.ts';

export function renderCompare(panel: HTMLElement, before: { image: string | null; worldId: string | null }, after: { image: string | null; worldId: string }, changes: SpecChange[]): void {
  const figure = (label: string, image: string | null, worldId: string | null, cls: string) =>
    h('figure', { class: cls }, image ? h('img', { src: image, alt: `${label} preview` }) : h('div', { class: 'muted' }, 'no snapshot'), h('figcaption', {}, `${label} · ${worldId ?? '—'}`));
  panel.replaceChildren(
    figure('before', before.image, before.worldId, 'compare-before'),
    figure('after', after.image, after.worldId, 'compare-after'),
    h(
      'div',
      { class: 'stack', style: { minHeight: '0' } },
      h('h2', {}, `${changes.length} field${changes.length === 1 ? '' : 's'} changed`),
      h(
        'ul',
        { class: 'changes' },
        ...changes.map((c) => h('li', { dataset: { changedPath: c.path } }, `${c.path}: `, h('span', { class: 'old' }, formatSpecValue(c.before)), ' → ', h('span', { class: 'new' }, formatSpecValue(c.after)))),
      ),
    ),
  );
  panel.hidden = document.body.dataset.tab !== 'world';
}
