/**
 * interpretPrompt: a sentence in, a valid WorldSpec and an account of how it was read out.
 *
 *   clean → tokenize → match phrases → bind (readings, negation, modifiers) → claims
 *   → settle (priorities, conflict rules, implied settings) → WorldSpecInput → parseWorldSpec
 *
 * Deterministic: the same prompt and seed give deep-equal output; without a seed the seed is a
 * hash of the cleaned prompt. Nothing here reads the clock or a random source.
 */
import { MAX_SEED, seedFromText } from '../seed/derive-seed.ts';
import { parseWorldSpec, type WorldSpec, type WorldSpecInput } from '../spec/index.ts';
import { bindMentions } from './bind-mentions.ts';
import { cleanPrompt } from './clean-prompt.ts';
import { buildExplanation, type Explanation } from './explanation.ts';
import { finishItems } from './finish-items.ts';
import { pierImplications } from './implied-settings.ts';
import { matchPhrases } from './match-phrases.ts';
import { mentionClaims } from './mention-claims.ts';
import { buildMentions, Neighbourhood } from './mentions.ts';
import { PromptError } from './prompt-error.ts';
import type { Resolution } from './resolve-claims.ts';
import { settleValues } from './settle-world.ts';
import { tokenize } from './tokenize.ts';
import { buildSpecInput } from './build-spec-input.ts';

export interface InterpretOptions {
  /** The world seed, an integer 0 … 4294967295. Absent: a hash of the cleaned prompt. */
  seed?: number;
}

export interface Interpretation {
  /** The complete, validated spec. */
  spec: WorldSpec;
  /** What the prompt set: the partial spec a designer would edit (parseWorldSpec(input) is `spec`). */
  input: WorldSpecInput;
  explanation: Explanation;
}

export function interpretPrompt(prompt: unknown, options?: InterpretOptions): Interpretation {
  const seedOption = validateOptions(options);
  const cleaned = cleanPrompt(prompt);
  const seed = seedOption ?? seedFromText(cleaned.text);

  const tokens = tokenize(cleaned.text);
  const mentions = buildMentions(tokens, matchPhrases(tokens, cleaned.text));
  const nb = new Neighbourhood(tokens, mentions);
  const bound = bindMentions(nb);
  const outcome = mentionClaims(bound, nb);
  const items = finishItems(outcome);

  const placePiers = (r: Resolution) => {
    const has = (path: string) => ((r.values.get(path) as number | undefined) ?? 0) > 0;
    return items.structures
      .filter((s) => s.type === 'pier' && !s.placement)
      .flatMap((pier) => {
        const { placement, claims } = pierImplications(has('/water/lakes'), has('/water/sea'), has('/water/rivers'));
        pier.placement = placement;
        return claims;
      });
  };
  const settled = settleValues(outcome.claims, placePiers);
  const input = buildSpecInput(seed, cleaned.text, settled, items);
  const spec = parseWorldSpec(input, { source: 'the interpreted prompt' });

  const explanation = buildExplanation({
    prompt: cleaned.text,
    seed: { value: seed, source: seedOption === undefined ? 'prompt-hash' : 'option' },
    tokens,
    bound,
    outcome,
    settled,
    items,
    conflicts: [...outcome.conflicts, ...items.conflicts, ...settled.conflicts],
    notes: [...cleaned.notes, ...settled.notes],
  });
  return { spec, input, explanation };
}

function validateOptions(options: unknown): number | undefined {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new PromptError(
      'PROMPT_BAD_OPTIONS',
      `Options must be an object like { seed: 42 }, but got ${Array.isArray(options) ? 'an array' : typeof options}.`,
    );
  }
  const seed = (options as { seed?: unknown }).seed;
  if (seed === undefined) return undefined;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new PromptError(
      'PROMPT_BAD_SEED',
      `options.seed must be a whole number from 0 to ${MAX_SEED}, but got ${typeof seed === 'number' ? String(seed) : typeof seed}. ` +
        'Leave it out to derive the seed from the prompt.',
    );
  }
  return seed;
}
