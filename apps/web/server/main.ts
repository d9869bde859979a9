/**
 * The console's production server: Next's request handler, with the build's static files served
 * precompressed from memory in front of it (static-assets.ts). Used by `npm start` and the Docker
 * image alike; configured as Next's standalone server is, by PORT and HOSTNAME.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { createStaticHandler } from './static-assets';

// This file runs as dist/server.mjs; the app (with .next/) is the folder above.
const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? '127.0.0.1';

function fail(message: string): never {
  console.error(`brook console: ${message}`);
  process.exit(1);
}

if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a port number, got ${process.env.PORT}`);

// The configuration the build resolved, as Next's own standalone server passes it: the standalone
// tree has no next.config.ts, and elsewhere this spares compiling it on every start.
let buildConfig: unknown;
try {
  buildConfig = (JSON.parse(readFileSync(path.join(appDir, '.next', 'required-server-files.json'), 'utf8')) as { config: unknown }).config;
} catch (err) {
  fail(`no console build in ${path.join(appDir, '.next')} (run \`npm run build -w @brook/web\`): ${(err as Error).message}`);
}
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(buildConfig);
(process.env as Record<string, string>).NODE_ENV = 'production';

const app = next({ dev: false, dir: appDir, hostname, port });
const serveStatic = createStaticHandler(path.join(appDir, '.next', 'static'));

await app.prepare();
const handle = app.getRequestHandler();
const server = http.createServer((req, res) => {
  if (serveStatic(req, res)) return;
  handle(req, res).catch((err: unknown) => {
    console.error('brook console: request failed', err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

server.on('error', (err: NodeJS.ErrnoException) => {
  fail(err.code === 'EADDRINUSE' ? `port ${port} on ${hostname} is already in use` : err.message);
});
server.listen(port, hostname, () => {
  console.log(`brook console: listening on http://${hostname}:${port}`);
});

function stop() {
  server.close();
  // Open keep-alive and SSE connections would hold close() open; the process is done anyway.
  server.closeAllConnections();
  void app.close().finally(() => process.exit(0));
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
