import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

export const CONSOLE_DIST = fileURLToPath(new URL('../../../../console/dist', import.meta.url));

/** Content types of the built front-end files (console and fan pages). */
export const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// The console renders fan- and operator-written text; a strict policy is the second line of defence
// against XSS (antd injects styles at runtime, hence 'unsafe-inline' for styles only). Images may also come
// from where WeChat hosts article images (the article editor shows them).
function consoleHeaders(imageOrigins: readonly string[]): Record<string, string> {
  return {
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: ${imageOrigins.join(' ')}; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'`.replace('  ', ' '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
  };
}

/**
 * Serves the built console (apps/console/dist): files by path, hashed assets cached forever, and
 * index.html for every other page path so client-side routes work on reload. API and webhook paths keep
 * their JSON 404.
 */
export function serveConsole(app: FastifyInstance, options: { imageOrigins?: readonly string[]; dist?: string } = {}): void {
  const dist = options.dist ?? CONSOLE_DIST;
  const CONSOLE_HEADERS = consoleHeaders(options.imageOrigins ?? []);
  const index = join(dist, 'index.html');
  app.setNotFoundHandler((request, reply) => {
    const path = decodeURIComponent((request.url.split('?')[0] ?? '/'));
    const isPage = request.method === 'GET' || request.method === 'HEAD';
    if (!isPage || /^\/(api|wx|h5|healthz)(\/|$)/.test(path)) {
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: path } });
    }
    if (!existsSync(index)) {
      return reply.code(503).type('text/plain; charset=utf-8').send('The console is not built yet: run `npm run build` (npm start does it for you).');
    }
    const file = normalize(join(dist, path));
    if (file.startsWith(dist + sep) && existsSync(file) && statSync(file).isFile()) {
      const immutable = path.startsWith('/assets/');
      return reply
        .headers(CONSOLE_HEADERS)
        .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
        .type(STATIC_TYPES[extname(file)] ?? 'application/octet-stream')
        .send(readFileSync(file));
    }
    return reply.headers(CONSOLE_HEADERS).header('cache-control', 'no-cache').type(STATIC_TYPES['.html']!).send(readFileSync(index));
  });
}
