import type { FastifyInstance } from 'fastify';

/**
 * Raw produce bodies: `curl -d 'hello'` sends application/x-www-form-urlencoded, and the
 * record must be exactly `hello`, so form bodies are taken as text, not decoded.
 * Octet-stream bodies stay bytes. (text/plain and JSON are Fastify's own parsers.)
 */
export function contentParsers(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, body);
  });
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });
}
