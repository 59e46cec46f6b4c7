/**
 * A throwaway HTTP server on 127.0.0.1 (an ephemeral port) that serves the render page and the
 * world to headless Chromium. WebGL and WebCodecs want a real origin (a secure context), which
 * `about:blank` and file URLs are not; loopback is. It serves only the files it was given, and
 * takes POSTs only at the upload paths it was given (the video page sends its finished MP4, or raw
 * frames, this way: binary, without base64 through the DevTools protocol).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedFile {
  type: string;
  body: Uint8Array | string;
}

export interface UploadPath {
  /** The largest body accepted, in bytes; a larger one is answered 413. */
  maxBytes: number;
  /** Takes one body; the page's request is answered when this settles (its back-pressure). */
  receive(body: Buffer): void | Promise<void>;
}

export interface LocalServer {
  origin: string;
  close(): Promise<void>;
}

export async function serveFiles(files: ReadonlyMap<string, ServedFile>, uploads: ReadonlyMap<string, UploadPath> = new Map()): Promise<LocalServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const upload = uploads.get(path);
    if (request.method === 'POST' && upload) {
      const chunks: Buffer[] = [];
      let length = 0;
      request.on('data', (chunk: Buffer) => {
        length += chunk.length;
        if (length > upload.maxBytes) {
          response.writeHead(413).end();
          request.destroy();
          return;
        }
        chunks.push(chunk);
      });
      request.on('end', () => {
        Promise.resolve()
          .then(() => upload.receive(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length)))
          .then(
            () => response.writeHead(204).end(),
            (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.message : String(error)),
          );
      });
      return;
    }
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
