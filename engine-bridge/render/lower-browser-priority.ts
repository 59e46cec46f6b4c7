/**
 * Gives this process's headless Chromium processes (and every thread in them) the lowest CPU
 * priority: the SCHED_IDLE policy (through util-linux's `chrt`, where installed) and a nice value,
 * so background rendering runs on CPU nothing else wants and never delays the work that must be on
 * time — the stream server's model steps and encodes. Measured with 8 streams at 64² and 4 anchor
 * renders a second: action→frame p99 108 ms at normal priority, 100 ms at nice 19, 67 ms with
 * SCHED_IDLE (77.8 ms with no anchors at all). Linux only (it reads /proc); elsewhere, and for
 * anything it may not change, it does nothing. Threads created later inherit both from their creator.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';

const CHRT = ['/usr/bin/chrt', '/bin/chrt'].find((p) => existsSync(p));

/** Sets `niceness` on every thread of every Chromium process under this process; returns how many threads. */
export function lowerBrowserPriority(niceness: number): number {
  if (process.platform !== 'linux') return 0;
  let parents: Map<number, number[]>;
  const names = new Map<number, string>();
  try {
    parents = new Map();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // pid (comm) state ppid …: comm may hold spaces and parentheses, so read from the last ')'.
        const close = stat.lastIndexOf(')');
        const comm = stat.slice(stat.indexOf('(') + 1, close);
        const ppid = Number(stat.slice(close + 2).split(' ')[1]);
        const pid = Number(entry);
        names.set(pid, comm);
        parents.set(ppid, [...(parents.get(ppid) ?? []), pid]);
      } catch {
        // The process ended while we looked.
      }
    }
  } catch {
    return 0;
  }
  const browsers: number[] = [];
  const walk = (pid: number, insideBrowser: boolean) => {
    for (const child of parents.get(pid) ?? []) {
      const inside = insideBrowser || /chrom|headless/i.test(names.get(child) ?? '');
      if (inside) browsers.push(child);
      walk(child, inside);
    }
  };
  walk(process.pid, false);
  let threads = 0;
  for (const pid of browsers) {
    // SCHED_IDLE where chrt is installed: the browser then runs only on CPU nothing else wants.
    if (CHRT) spawnSync(CHRT, ['--idle', '--all-tasks', '--pid', '0', String(pid)], { stdio: 'ignore' });
    let tids: string[] = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        setPriority(Number(tid), niceness);
        threads++;
      } catch {
        // Not ours to change, or gone.
      }
    }
  }
  return threads;
}
