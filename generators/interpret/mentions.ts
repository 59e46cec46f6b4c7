/**
 * Mentions are what the binder works on: every phrase match, plus every bare number and clock
 * time (which the lexicon cannot list). This file also answers the neighbourhood questions the
 * binder asks: what noun phrase follows a word, what sits right before it, which clause it is in.
 */
import { STOPWORDS, type LexiconEntry, type NumberEntry, type TermEntry } from './lexicon/index.ts';
import type { PhraseMatch } from './match-phrases.ts';
import type { Token } from './tokenize.ts';

export interface Mention extends PhraseMatch {
  id: number;
  /** For a clock time token ("18:30"): the hour. */
  clockHour?: number;
  /** Which clause (between punctuation) the mention is in. */
  clause: number;
}

export function buildMentions(tokens: readonly Token[], matches: readonly PhraseMatch[]): Mention[] {
  const clauseOf = clauseIndexes(tokens);
  const byStart = new Map(matches.map((m) => [m.from, m]));
  const mentions: Mention[] = [];
  for (let i = 0; i < tokens.length;) {
    const match = byStart.get(i);
    if (match) {
      mentions.push({ id: mentions.length, ...match, clause: clauseOf[i] });
      i = match.to;
      continue;
    }
    const token = tokens[i];
    const base = {
      id: mentions.length,
      from: i,
      to: i + 1,
      phrase: token.text,
      start: token.start,
      end: token.end,
      plural: false,
      clause: clauseOf[i],
    };
    if (token.kind === 'number') mentions.push({ ...base, readings: [digitEntry(token.value ?? 0)] });
    else if (token.kind === 'time') mentions.push({ ...base, readings: [], clockHour: token.value });
    i++;
  }
  return mentions;
}

function digitEntry(value: number): NumberEntry {
  return { role: 'number', concept: `number:${value}`, value, explicit: true, phrases: [] };
}

function clauseIndexes(tokens: readonly Token[]): number[] {
  let clause = 0;
  return tokens.map((t) => (t.kind === 'break' ? ++clause : clause));
}

/** No noun phrase runs longer than this; the cap keeps a 2000-character list of words linear. */
const MAX_PHRASE_MENTIONS = 6;

/** Neighbourhood look-ups over one prompt's mentions. */
export class Neighbourhood {
  private readonly atToken = new Map<number, Mention>();

  constructor(
    readonly tokens: readonly Token[],
    readonly mentions: readonly Mention[],
  ) {
    for (const m of mentions) this.atToken.set(m.from, m);
  }

  /**
   * The mentions right after `m` that form one noun phrase with it: "dense [temperate forest]",
   * "few [dead] [trees]". Unknown words ("rice") pass through; a stopword, punctuation or a
   * negation ends it.
   */
  phraseAfter(m: Mention): Mention[] {
    const run: Mention[] = [];
    let t = m.to;
    while (t < this.tokens.length && run.length < MAX_PHRASE_MENTIONS) {
      const next = this.atToken.get(t);
      if (next) {
        if (next.readings.some((r) => r.role === 'negation')) break;
        run.push(next);
        t = next.to;
        continue;
      }
      const token = this.tokens[t];
      if (token.kind === 'word' && !STOPWORDS.has(token.norm)) {
        t++;
        continue;
      }
      break;
    }
    return run;
  }

  /** The mention that starts at token `t`, if one does. */
  at(t: number): Mention | undefined {
    return this.atToken.get(t);
  }

  /** The mention that ends right where `m` starts, with nothing between. */
  justBefore(m: Mention): Mention | undefined {
    const before = this.mentions[m.id - 1];
    return before && before.to === m.from ? before : undefined;
  }

  /** The mention that starts right where `m` ends. */
  justAfter(m: Mention): Mention | undefined {
    const after = this.mentions[m.id + 1];
    return after && after.from === m.to ? after : undefined;
  }

  inClause(m: Mention): Mention[] {
    return this.mentions.filter((other) => other.clause === m.clause && other !== m);
  }

  /** "bridge of stone": the mention two back, when "of" sits between. */
  ofBefore(m: Mention): Mention | undefined {
    const of = this.tokens[m.from - 1];
    if (!of || of.norm !== 'of') return undefined;
    const before = this.mentions[m.id - 1];
    return before && before.to === m.from - 1 ? before : undefined;
  }
}

/** The reading of a mention that names a thing (term, structure or character), if any. */
export function thingReading(readings: readonly LexiconEntry[]): LexiconEntry | undefined {
  return readings.find((r) => r.role === 'term' || r.role === 'structure' || r.role === 'character');
}

export function isNounReading(entry: LexiconEntry | undefined): boolean {
  if (!entry) return false;
  if (entry.role === 'structure' || entry.role === 'character') return true;
  return entry.role === 'term' && (entry.kind ?? 'noun') === 'noun';
}

export function asTerm(entry: LexiconEntry | undefined): TermEntry | undefined {
  return entry?.role === 'term' ? entry : undefined;
}
