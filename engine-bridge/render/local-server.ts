/**
 * A throwaway HTTP server on 127.0.0.1 (an ephemeral port) that serves the render page and the
 * world to headless Chromium. WebGL and WebCodecs want a real origin (a secure context), which
 * `about:blank` and file URLs are not; loopback is. It serves only the files it was given.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedFile {
  type: string;
  body: Uint8Array | string;
}

export interface LocalServer {
  origin: string;
  close(): Promise<void>;
}

export async function serveFiles(files: ReadonlyMap<string, ServedFile>): Promise<LocalServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = files.get(path);
    if (!file || request.method !== 'GET') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' });
    response.end(file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
