/**
 * The explanation panel (`#explanation`): the prompt with the phrases the interpreter understood
 * marked (and the words it did not), then what each phrase set, what was implied, how conflicts
 * were settled and the notes — with the server's own explanationText folded underneath.
 */
import type { Explanation, Interpretation } from './api-types.ts';
import { h } from './element.ts';
import { formatSpecValue } from './spec-diff.ts';

function markedPrompt(explanation: Explanation): HTMLElement {
  const text = explanation.prompt;
  const spans = explanation.matches
    .filter((m) => typeof m.start === 'number' && typeof m.end === 'number')
    .map((m) => ({ start: m.start!, end: m.end!, title: `${m.concept}: ${m.sets.map((s) => `${s.path} ${s.atLeast ? '≥' : '='} ${formatSpecValue(s.value)}`).join(', ')}`, unused: false }));
  const unusedWords = new Set(explanation.unused.map((u) => u.word.toLowerCase()));
  const out = h('div', { class: 'prompt-marked' });
  let at = 0;
  const plain = (segment: string) => {
    // Words the interpreter did not understand, marked too.
    for (const part of segment.split(/(\p{L}[\p{L}'-]*)/u)) {
      if (unusedWords.has(part.toLowerCase())) out.append(h('mark', { class: 'unused', title: 'not understood' }, part));
      else if (part) out.append(part);
    }
  };
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    plain(text.slice(at, span.start));
    out.append(h('mark', { title: span.title }, text.slice(span.start, span.end)));
    at = span.end;
  }
  plain(text.slice(at));
  return out;
}

export function renderExplanation(panel: HTMLElement, interpretation: Interpretation): void {
  const { explanation, explanationText } = interpretation;
  const sets = (list: Explanation['matches'][number]['sets']) =>
    list.map((s, i) => h('span', {}, i ? ', ' : '', h('code', {}, s.path), ` ${s.atLeast ? '≥' : '='} `, h('code', {}, formatSpecValue(s.value))));
  const parts: Array<HTMLElement | null> = [
    markedPrompt(explanation),
    h('div', { class: 'muted' }, `seed ${explanation.seed.value} (${explanation.seed.source === 'option' ? 'given' : 'from the prompt'})`),
    explanation.matches.length
      ? h('ul', { class: 'matches' }, ...explanation.matches.map((m) => h('li', {}, h('span', { class: 'phrase' }, `“${m.phrase}”`), ` → ${m.concept}: `, ...sets(m.sets), m.note ? h('div', { class: 'muted' }, m.note) : null)))
      : h('p', { class: 'muted' }, 'No phrase matched: the defaults apply.'),
    explanation.implied.length ? h('div', {}, h('h2', {}, 'Implied'), h('ul', {}, ...explanation.implied.map((i) => h('li', {}, h('code', {}, i.path), ' = ', h('code', {}, formatSpecValue(i.value)), h('span', { class: 'muted' }, ` — ${i.because}`))))) : null,
    explanation.unused.length ? h('div', {}, h('h2', {}, 'Not understood'), h('p', {}, explanation.unused.map((u) => u.word).join(', '))) : null,
    explanation.conflicts.length ? h('div', {}, h('h2', {}, 'Conflicts'), h('ul', {}, ...explanation.conflicts.map((c) => h('li', {}, h('b', {}, c.rule), ` ${c.detail}`)))) : null,
    explanation.notes.length ? h('div', {}, h('h2', {}, 'Notes'), h('ul', {}, ...explanation.notes.map((n) => h('li', {}, n)))) : null,
    h('details', {}, h('summary', { class: 'muted' }, 'as text'), h('pre', { class: 'explanation-text' }, explanationText)),
  ];
  panel.replaceChildren(...parts.filter((part): part is HTMLElement => part !== null));
}
