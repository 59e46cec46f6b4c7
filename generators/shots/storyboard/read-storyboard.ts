/**
 * Untrusted storyboard text → the segments that become shots, or a StoryboardError.
 *
 * The world interpreter's `cleanPrompt` does the cleaning (control characters refused, NFKC, lower
 * case, accents folded, whitespace collapsed, cut at 2000 characters); line breaks are turned into
 * ';' first, since here a new line starts a new shot. Segments end at ';', at a sentence end
 * ('.', '!' or '?' before a space or the end — "5.5 seconds" stays whole) and at ", then".
 */
import { cleanPrompt } from '../../interpret/clean-prompt.ts';
import { PromptError } from '../../interpret/prompt-error.ts';
import { StoryboardError, type StoryboardErrorCode } from './storyboard-error.ts';

export interface StoryboardSegment {
  /** The segment as read (cleaned, lower case, trimmed). */
  text: string;
  /** Offset of the segment in the cleaned storyboard. */
  start: number;
}

export interface ReadStoryboard {
  /** The cleaned storyboard, one line, what offsets index into. */
  text: string;
  segments: StoryboardSegment[];
  notes: string[];
}

const EXAMPLE = '"wide establishing shot of the valley at dawn; follow the knight to the tower"';

const CODES: Record<string, StoryboardErrorCode> = {
  PROMPT_NOT_TEXT: 'STORYBOARD_NOT_TEXT',
  PROMPT_EMPTY: 'STORYBOARD_EMPTY',
  PROMPT_CONTROL_CHARACTER: 'STORYBOARD_CONTROL_CHARACTER',
};

export function readStoryboard(input: unknown): ReadStoryboard {
  if (typeof input !== 'string') {
    const got = input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input === 'object' ? 'an object' : `a ${typeof input}`;
    throw new StoryboardError(
      'STORYBOARD_NOT_TEXT',
      `A storyboard must be text, but got ${got}. Pass the shots as a string, e.g. ${EXAMPLE}; for bytes from a file, decode them first with buffer.toString("utf8").`,
    );
  }
  let cleaned: { text: string; notes: string[] };
  try {
    cleanPrompt(input); // refusals (empty, control characters) report offsets into the text as given
    cleaned = cleanPrompt(input.replace(/\r\n|\r|\n/g, ' ; '));
  } catch (error) {
    if (error instanceof PromptError && CODES[error.code]) {
      const code = CODES[error.code];
      const message =
        code === 'STORYBOARD_EMPTY'
          ? `The storyboard is empty. Write the shots separated by ';' or new lines, e.g. ${EXAMPLE}.`
          : error.message.replace(/prompt/g, 'storyboard').replace(/Prompts are/, 'Storyboards are');
      throw new StoryboardError(code, message, { cause: error });
    }
    throw error;
  }
  const segments: StoryboardSegment[] = [];
  const boundary = /\s*(?:;|[.!?]+(?=\s|$)|,\s*(?:and\s+)?then\b)\s*/g;
  let from = 0;
  const push = (end: number) => {
    const raw = cleaned.text.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (/[\p{L}\p{N}]/u.test(text)) segments.push({ text, start: from + lead });
  };
  for (const match of cleaned.text.matchAll(boundary)) {
    push(match.index);
    from = match.index + match[0].length;
  }
  push(cleaned.text.length);
  if (segments.length === 0) {
    throw new StoryboardError(
      'STORYBOARD_NO_SHOTS',
      `The storyboard "${cleaned.text}" holds no words to make a shot from. Describe each shot in words, separated by ';', e.g. ${EXAMPLE}.`,
    );
  }
  return { text: cleaned.text, segments, notes: cleaned.notes.map((n) => n.replace(/prompt/g, 'storyboard')) };
}
