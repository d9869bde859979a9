import type { FastifyInstance } from 'fastify';

const METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';
/** How long a browser may reuse a preflight answer. */
const PREFLIGHT_MAX_AGE_S = '600';

/**
 * CORS for the configured browser origins (`*` allows any): a few lines in one synchronous hook.
 * @fastify/cors, used before, copied its options and resolved the origin through callbacks on every
 * request, about 4% of the gateway's CPU under single-record POSTs, for what a Set lookup answers.
 * Registered before authentication, so a preflight (which carries no credentials) is answered first.
 */
export function cors(app: FastifyInstance, origins: readonly string[]): void {
  const anyOrigin = origins.includes('*');
  const allowed = new Set(origins);
  app.addHook('onRequest', (request, reply, done) => {
    // The answer depends on Origin, so caches must keep one copy per Origin (Fetch standard, "CORS protocol and HTTP caches").
    reply.header('vary', 'Origin');
    const origin = request.headers.origin;
    if (origin === undefined || !(anyOrigin || allowed.has(origin))) return done();
    reply.header('access-control-allow-origin', anyOrigin ? '*' : origin);
    if (request.method !== 'OPTIONS' || request.headers['access-control-request-method'] === undefined) return done();
    // A preflight: answered here, whatever the path.
    void reply
      .header('access-control-allow-methods', METHODS)
      .header('access-control-allow-headers', request.headers['access-control-request-headers'] ?? '')
      .header('access-control-max-age', PREFLIGHT_MAX_AGE_S)
      .code(204)
      .send();
  });
  // OPTIONS that is not an allowed preflight: an empty 204 without CORS headers, which a browser refuses.
  app.options('*', { schema: { hide: true } }, async (_request, reply) => reply.code(204).send());
}
