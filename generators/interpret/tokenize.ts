/**
 * Splits the cleaned prompt into words, numbers, clock times and breaks, each with its offsets
 * into the text. Hyphens join nothing ("snow-capped" is "snow capped"); punctuation is a break
 * that ends a negation's scope and a noun phrase. Anything else (emoji, symbols) is skipped.
 */

export type TokenKind = 'word' | 'number' | 'time' | 'break';

export interface Token {
  kind: TokenKind;
  /** The text as it appears in the prompt. */
  text: string;
  /** The form the lexicon is searched with ("&" reads as "and"). */
  norm: string;
  start: number;
  end: number;
  /** Position in the token list. */
  index: number;
  /** For numbers, the value; for clock times, the hour (18:30 → 18.5). */
  value?: number;
}

const TOKEN_PATTERN =
  /(?<time>(?<!\d)\d{1,2}:\d{2}(?!\d))|(?<number>\d+(?:\.\d+)?)|(?<word>[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*)|(?<amp>&)|(?<break>[.,;:!?()[\]{}"…–—|/]+)/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const start = match.index;
    const raw = match[0];
    const groups = match.groups ?? {};
    const base = { text: raw, start, end: start + raw.length, index: tokens.length };
    if (groups.time !== undefined) {
      const [h, m] = raw.split(':').map(Number);
      // "25:00" and "18:75" are no time of day; the binder reports them.
      tokens.push({ ...base, kind: 'time', norm: raw, value: h <= 24 && m < 60 ? h + m / 60 : Number.NaN });
    } else if (groups.number !== undefined) {
      tokens.push({ ...base, kind: 'number', norm: raw, value: Number(raw) });
    } else if (groups.word !== undefined) {
      tokens.push({ ...base, kind: 'word', norm: raw });
    } else if (groups.amp !== undefined) {
      tokens.push({ ...base, kind: 'word', norm: 'and' });
    } else {
      tokens.push({ ...base, kind: 'break', norm: raw });
    }
  }
  return tokens;
}
