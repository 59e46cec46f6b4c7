/** node:util parseArgs with its errors turned into UsageErrors that point at `--help`. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<T extends Options>(verb: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional.*$/s, '').replace(/\.$/, '');
    throw new UsageError(`${message}. See \`worldsmith ${verb} --help\`.`, verb);
  }
}

/** An integer flag within a range, or undefined when absent. */
export function integerFlag(verb: string, name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${value}").`, verb);
  }
  return Number(value);
}

/** A `--size WIDTHxHEIGHT` flag in pixels. */
export function sizeFlag(verb: string, text: string): [number, number] {
  const match = /^(\d+)x(\d+)$/i.exec(text.trim());
  if (!match) throw new UsageError(`--size must be WIDTHxHEIGHT in pixels, e.g. 1280x720 (got "${text}").`, verb);
  return [Number(match[1]), Number(match[2])];
}
