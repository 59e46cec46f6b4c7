/**
 * The prompt interpreter: a sentence in, a WorldSpec and an explanation out. See README.md.
 */
export { interpretPrompt, type InterpretOptions, type Interpretation } from './interpret-prompt.ts';
export { formatExplanation, type Explanation } from './explanation.ts';
export { PromptError, PROMPT_ERROR_CODES, type PromptErrorCode } from './prompt-error.ts';
export { MAX_PROMPT_CHARS } from './clean-prompt.ts';
export { CONFLICT_RULES, type ConflictRuleId } from './conflict-rules.ts';
export { PRIORITIES, type Priority } from './claims.ts';
export { LEXICON, LEXICON_DOMAINS } from './lexicon/index.ts';
