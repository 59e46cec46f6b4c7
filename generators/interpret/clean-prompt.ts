/**
 * Turns untrusted input into the text the interpreter reads, or refuses it with a PromptError.
 *
 * Order matters: the control-character check runs on the input as given, so the index it reports
 * is one the caller can find; then NFKC (full-width letters, ligatures and odd spaces become
 * plain ones), lower case, accents folded (é → e, ß → ss), whitespace collapsed, and finally the
 * cut to MAX_PROMPT_CHARS at a word boundary. Every step is linear, so a 100 000-character
 * prompt costs a few milliseconds before it is cut.
 */
import { PromptError } from './prompt-error.ts';

export const MAX_PROMPT_CHARS = 2000;

export interface CleanPrompt {
  /** The text read: normalised, lower case, at most MAX_PROMPT_CHARS characters. */
  text: string;
  notes: string[];
}

export function cleanPrompt(input: unknown): CleanPrompt {
  if (typeof input !== 'string') {
    throw new PromptError(
      'PROMPT_NOT_TEXT',
      `A prompt must be text, but got ${describeType(input)}. Pass the sentence as a string, e.g. interpretPrompt("a misty pine valley at dawn")` +
        (isBytes(input) ? '; for bytes from a file, decode them first with buffer.toString("utf8").' : '.'),
    );
  }
  refuseControlCharacters(input);
  const notes: string[] = [];
  const folded = foldAccents(input.normalize('NFKC').toLowerCase())
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  if (folded.length === 0) {
    throw new PromptError(
      'PROMPT_EMPTY',
      input.length === 0
        ? 'The prompt is empty. Describe a world in a sentence, e.g. "a misty pine valley with a river at dawn".'
        : `The prompt holds only whitespace or invisible characters (${input.length} of them). Describe a world in a sentence, e.g. "a misty pine valley with a river at dawn".`,
    );
  }
  const text = truncateAtWord(folded, MAX_PROMPT_CHARS);
  if (text.length < folded.length) {
    const where =
      folded[text.length] === ' ' ? 'cut at the last word boundary before it' : 'cut inside a word, as none ended near the limit';
    notes.push(
      `The prompt was ${folded.length} characters long; only the first ${text.length} were read ` +
        `(the limit is ${MAX_PROMPT_CHARS}; ${where}).`,
    );
  }
  return { text, notes };
}

/**
 * C0/C1 control characters other than tab, newline and carriage return; U+FFFD, which stands for
 * bytes that were not valid UTF-8; and lone surrogates, which are not text at all.
 */
function refuseControlCharacters(input: string): void {
  for (let i = 0; i < input.length; i++) {
    const unit = input.charCodeAt(i);
    const isControl = (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) || (unit >= 0x7f && unit <= 0x9f);
    if (isControl) {
      const name = unit === 0 ? 'a NUL character' : `the control character ${codePoint(unit)}`;
      throw new PromptError(
        'PROMPT_CONTROL_CHARACTER',
        `The prompt holds ${name} at index ${i} (after "${context(input, i)}"). ` +
          'Prompts are plain text: remove control characters (only tab, newline and carriage return are allowed), or check that the input was not binary data.',
      );
    }
    if (unit === 0xfffd) {
      throw new PromptError(
        'PROMPT_CONTROL_CHARACTER',
        `The prompt holds the replacement character U+FFFD at index ${i} (after "${context(input, i)}"), which stands for bytes that were not valid UTF-8. ` +
          'Re-save the source as UTF-8, or decode it with the encoding it was written in.',
      );
    }
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const pairs = unit <= 0xdbff && i + 1 < input.length && isLowSurrogate(input.charCodeAt(i + 1));
      if (pairs) {
        i++;
        continue;
      }
      throw new PromptError(
        'PROMPT_CONTROL_CHARACTER',
        `The prompt holds a lone surrogate ${codePoint(unit)} at index ${i} (after "${context(input, i)}"): half of a character, not text. ` +
          'Check how the string was built or decoded; a prompt must be well-formed Unicode.',
      );
    }
  }
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Folds Latin diacritics (é → e) but leaves the marks other scripts need (Devanagari vowel signs). */
function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/[ßæœøłđðþı]/g, (ch) => LETTER_FOLDS[ch] ?? ch);
}

const LETTER_FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Cut at the last space at or before `limit`; a single huge word is cut at `limit`, never inside a surrogate pair. */
function truncateAtWord(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const space = text.lastIndexOf(' ', limit);
  let cut = space > limit / 2 ? space : limit;
  if (cut > 0 && isLowSurrogate(text.charCodeAt(cut))) cut--;
  return text.slice(0, cut).trimEnd();
}

function codePoint(unit: number): string {
  return `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
}

function context(input: string, index: number): string {
  const before = input.slice(Math.max(0, index - 20), index).replace(/[\u0000-\u001f\u007f-\u009f\ufffd\ud800-\udfff]/g, '?');
  return index > 20 ? `…${before}` : before;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (isBytes(value)) return `bytes (a ${value.constructor.name} of ${value.byteLength} bytes)`;
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function isBytes(value: unknown): value is Uint8Array | ArrayBuffer {
  return value instanceof Uint8Array || value instanceof ArrayBuffer;
}
