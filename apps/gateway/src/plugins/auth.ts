import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../config.ts';
import { HttpError } from '../errors.ts';

const RANK: Record<Role, number> = { read: 0, produce: 1, admin: 2 };
const PUBLIC_PREFIXES = ['/health', '/ready', '/docs', '/openapi.json'];

function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const apiKey = request.headers['x-api-key'];
  if (typeof apiKey === 'string') return apiKey;
  // EventSource cannot send headers: streams may carry the key in the query string.
  if (request.url.includes('/stream')) {
    const query = request.query as Record<string, unknown> | undefined;
    if (typeof query?.apiKey === 'string') return query.apiKey;
  }
  return undefined;
}

function lookup(keys: ReadonlyMap<string, Role>, presented: string): { role: Role; index: number } | undefined {
  const given = Buffer.from(presented);
  let index = 0;
  for (const [key, role] of keys) {
    const expected = Buffer.from(key);
    if (expected.length === given.length && timingSafeEqual(expected, given)) return { role, index };
    index++;
  }
  return undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's identity for rate limiting: its API key's index; empty without a key (then its IP counts). */
    clientId: string;
  }
}

/** Optional bearer API keys with roles: read < produce < admin. Health, readiness and docs stay public. */
export function authentication(app: FastifyInstance): void {
  const keys = app.config.apiKeys;
  app.decorateRequest('clientId', '');
  // Without keys every route is open: no hook at all, rather than one that returns on every request.
  if (keys.size === 0) return;
  app.addHook('onRequest', async (request) => {
    if (request.method === 'OPTIONS') return;
    const path = request.url.split('?')[0] ?? '';
    if (PUBLIC_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return;
    const presented = presentedKey(request);
    if (!presented) {
      throw new HttpError(401, 'GATEWAY_UNAUTHORIZED', 'An API key is required (Authorization: Bearer <key>)', {
        headers: { 'www-authenticate': 'Bearer' },
      });
    }
    const found = lookup(keys, presented);
    if (!found) throw new HttpError(401, 'GATEWAY_UNAUTHORIZED', 'Unknown API key', { headers: { 'www-authenticate': 'Bearer' } });
    const { role, index } = found;
    request.clientId = `key#${index}`;
    const needed: Role = request.routeOptions.config.role ?? 'read';
    if (RANK[role] < RANK[needed]) {
      throw new HttpError(403, 'GATEWAY_FORBIDDEN', `This API key has role "${role}"; this route needs "${needed}"`);
    }
  });
}
