/** `worldsmith serve`: flags checked, the server up on the port it prints, worlds kept in the store, Ctrl-C shuts it down with exit 0. */
import { readdir, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.ts';
import { cli, scratchDir } from '../helpers/cli-harness.ts';

describe('worldsmith serve', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeAll(async () => {
    dir = await scratchDir();
  });
  afterAll(async () => dir.remove());

  it('refuses bad flags with exit code 2 and a reason', async () => {
    expect((await cli(['serve', '--help'])).out).toContain('Example');
    const badSource = await cli(['serve', '--source', 'dreams']);
    expect(badSource.code).toBe(2);
    expect(badSource.err).toContain('--source must be auto, model or render');
    expect((await cli(['serve', '--port', '70000'])).code).toBe(2);
    expect((await cli(['serve', '--world', join(dir.path, 'missing.json')])).code).toBe(2);
    const empty = await cli(['serve', '--prompt', '', '--store', join(dir.path, 'empty')]);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('The prompt is empty');
    await writeFile(join(dir.path, 'a-file'), '');
    const store = await cli(['serve', '--port', '0', '--store', join(dir.path, 'a-file', 'store')]);
    expect(store.code).toBe(1);
    expect(store.err).toMatch(/The store .* cannot be used \(ENOTDIR\)/);
    // The browser cutscene jobs would film with is checked at start, not at the first job.
    const browser = await cli(['serve', '--port', '0', '--store', join(dir.path, 'browser-store'), '--browser', join(dir.path, 'no-chromium')]);
    expect(browser.code).not.toBe(0);
    expect(browser.err).toMatch(/no-chromium \(from --browser\) is not an executable file/);
  });

  it('serves the HTTP API on the port it prints, keeps its worlds in the store, and stops on Ctrl-C', async () => {
    const controller = new AbortController();
    let err = '';
    let announce: (url: string) => void;
    const listening = new Promise<string>((resolve) => (announce = resolve));
    const stderr = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
    const store = join(dir.path, 'store');
    const done = runCli(['serve', '--port', '0', '--host', '127.0.0.1', '--store', store, '--no-model', '--prompt', 'a small island', '--seed', '3'], {
      out: () => undefined,
      err: (t) => {
        err += t;
        const m = /listening on (http:\/\/[\d.:]+)/.exec(err);
        if (m) announce(m[1]);
      },
      stderr,
      signal: controller.signal,
    });
    const url = await listening;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const worlds = (await (await fetch(`${url}/api/worlds`)).json()) as { worlds: Array<{ id: string; seed: number }> };
    expect(worlds.worlds).toHaveLength(1);
    expect(worlds.worlds[0].seed).toBe(3);
    expect(await readdir(join(store, 'worlds'))).toEqual([worlds.worlds[0].id]);
    controller.abort();
    expect(await done).toBe(0);
    expect(err).toContain('shutting down');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  // Last: a failed start shuts down this process's Colyseus matchmaker.
  it('says so, and exits, when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    const result = await cli(['serve', '--port', String(port), '--host', '127.0.0.1', '--store', join(dir.path, 'store'), '--no-model']);
    taken.close();
    expect(result.code).toBe(1);
    expect(result.err).toContain(`Cannot listen on 127.0.0.1:${port}: the port is in use`);
  });
});
