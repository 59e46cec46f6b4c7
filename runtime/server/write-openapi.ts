/**
 * `npm run openapi`: writes runtime/openapi.json from the route declarations (api-routes.ts), the
 * same document the server answers at GET /api/openapi.json. A test fails when the committed file
 * is not current.
 */
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../store/atomic-files.ts';
import { ALL_ROUTES } from './api-routes.ts';
import { buildOpenApiDocument } from './openapi.ts';

export const OPENAPI_FILE = fileURLToPath(new URL('../openapi.json', import.meta.url));

export function openApiText(): string {
  return `${JSON.stringify(buildOpenApiDocument(ALL_ROUTES), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFileAtomic(OPENAPI_FILE, openApiText());
  process.stderr.write(`Wrote ${OPENAPI_FILE}\n`);
}
