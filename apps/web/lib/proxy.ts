/**
 * The pure half of the console's `/api/*` proxy to the gateway (app/api/[...path]/route.ts):
 * where a request goes and which headers cross. Kept apart so it is testable without Next.
 */

export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:8080';
export const API_PREFIX = '/api';

// Hop-by-hop headers (RFC 9110 §7.6.1) plus the ones fetch recomputes. accept-encoding is
// dropped so the gateway answers uncompressed: undici would inflate a compressed body but
// keep the content-encoding header, and SSE must not sit in a compressor's buffer.
const REQUEST_DROP = new Set([
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer',
  'transfer-encoding', 'upgrade', 'host', 'content-length', 'accept-encoding', 'expect',
]);
const RESPONSE_DROP = new Set([
  'connection', 'keep-alive', 'transfer-encoding', 'content-encoding', 'content-length', 'trailer', 'upgrade',
]);

/** The gateway base URL, read on every request so one build serves any gateway. */
export function gatewayBase(env: Record<string, string | undefined> = process.env): string {
  const raw = env.GATEWAY_URL?.trim() || DEFAULT_GATEWAY_URL;
  return raw.replace(/\/+$/, '');
}

/**
 * `/api/topics/a%2Fb?x=1` → `<gateway>/topics/a%2Fb?x=1`. The raw pathname is kept (not the
 * decoded route params) so percent-encoded characters reach the gateway as sent.
 */
export function upstreamUrl(base: string, pathname: string, search: string): string {
  const rest = pathname.startsWith(API_PREFIX) ? pathname.slice(API_PREFIX.length) : pathname;
  const path = rest === '' ? '/' : rest.startsWith('/') ? rest : `/${rest}`;
  return `${base}${path}${search}`;
}

export function forwardRequestHeaders(incoming: Headers, forwardedHost: string | null, proto: string): Headers {
  const out = new Headers();
  incoming.forEach((value, key) => {
    if (!REQUEST_DROP.has(key.toLowerCase())) out.set(key, value);
  });
  if (forwardedHost) out.set('x-forwarded-host', forwardedHost);
  out.set('x-forwarded-proto', proto);
  return out;
}

export function forwardResponseHeaders(upstream: Headers): Headers {
  const out = new Headers();
  upstream.forEach((value, key) => {
    if (!RESPONSE_DROP.has(key.toLowerCase())) out.append(key, value);
  });
  if ((upstream.get('content-type') ?? '').startsWith('text/event-stream')) {
    // no-transform keeps Next's gzip (and any proxy) from buffering the stream.
    out.set('cache-control', 'no-cache, no-transform');
    out.set('x-accel-buffering', 'no');
  }
  return out;
}

/** The gateway's problem body for when the console cannot reach the gateway at all. */
export function unreachableBody(base: string, cause: unknown): { error: { code: string; message: string; details: unknown } } {
  const reason = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
  return {
    error: {
      code: 'GATEWAY_UNREACHABLE',
      message: `The console cannot reach the gateway at ${base}. Is it running?`,
      details: { gateway: base, reason },
    },
  };
}

/**
 * Forward one request to the gateway and stream its answer back: method, headers, body,
 * status. A closed browser tab aborts the upstream request too (ending an SSE reader).
 */
export async function proxyToGateway(request: Request, base: string): Promise<Response> {
  const url = new URL(request.url);
  const target = upstreamUrl(base, url.pathname, url.search);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers: forwardRequestHeaders(request.headers, request.headers.get('host'), url.protocol.replace(':', '')),
      body: hasBody ? request.body : null,
      // Streaming a request body needs half duplex in Node's fetch (not yet in RequestInit's type).
      ...(hasBody ? { duplex: 'half' } : {}),
      redirect: 'manual',
      cache: 'no-store',
      signal: request.signal,
    } as RequestInit);
  } catch (error) {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    return Response.json(unreachableBody(base, error), { status: 502 });
  }
  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: forwardResponseHeaders(upstream.headers),
  });
}
