/**
 * Progress for people: on a terminal, one bar redrawn in place; otherwise (logs, CI), one line per
 * finished stage. Always on stderr, so stdout stays clean for `--json`.
 */
import type { ProgressEvent } from '../generators/world/progress.ts';

export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr): { update: (e: ProgressEvent) => void; end: () => void } {
  const tty = stream.isTTY === true;
  let lastDraw = 0;
  let drawn = false;
  return {
    update(event) {
      const finished = event.finished === true;
      if (tty) {
        const now = performance.now();
        if (!finished && now - lastDraw < 80) return;
        lastDraw = now;
        const share = Math.min(1, event.done / Math.max(1, event.total));
        const width = 24;
        const filled = Math.round(share * width);
        const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
        stream.write(`\r\x1b[2K${event.stage.padEnd(10)} ${bar} ${String(Math.round(share * 100)).padStart(3)}%  ${formatMs(event.ms)}`);
        drawn = true;
      } else if (finished) {
        stream.write(`${event.stage.padEnd(10)} done in ${formatMs(event.ms)}\n`);
      }
    },
    end() {
      if (tty && drawn) stream.write('\r\x1b[2K');
    },
  };
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
