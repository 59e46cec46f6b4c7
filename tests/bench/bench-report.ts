/**
 * Shared pieces of the benchmarks: medians, a description of the machine, and writing one suite's
 * section of BENCHMARKS.md between its markers (other suites' sections are left as they are).
 */
import { cpus, totalmem } from 'node:os';
import { readFile, rename, writeFile } from 'node:fs/promises';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function machine(): string {
  const cpu = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}-${process.arch}`;
}

export function table(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Writes `body` between `<!-- bench:SUITE -->` and `<!-- /bench:SUITE -->`, replacing what was there.
 * A new section goes right before the section `place.before` or right after `place.after` when that
 * one exists, else at the end. Written to a temp name and renamed.
 */
export async function writeSection(file: string, suite: string, body: string, place: { before?: string; after?: string } = {}): Promise<void> {
  const start = `<!-- bench:${suite} -->`;
  const end = `<!-- /bench:${suite} -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  let text = await readFile(file, 'utf8').catch(() => '# Benchmarks\n\nWritten by `npm run bench`. Timings are medians; each figure is measured next to its baseline in the same run.\n');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const before = place.before ? text.indexOf(`<!-- bench:${place.before} -->`) : -1;
  const afterEnd = place.after ? `<!-- /bench:${place.after} -->` : '';
  const after = place.after ? text.indexOf(afterEnd) : -1;
  if (from >= 0 && to > from) text = text.slice(0, from) + block + text.slice(to + end.length);
  else if (before >= 0) text = `${text.slice(0, before)}${block}\n\n${text.slice(before)}`;
  else if (after >= 0) text = `${text.slice(0, after + afterEnd.length)}\n\n${block}${text.slice(after + afterEnd.length)}`;
  else text = `${text.trimEnd()}\n\n${block}\n`;
  const temp = `${file}.tmp-${process.pid}`;
  await writeFile(temp, text);
  await rename(temp, file);
}
