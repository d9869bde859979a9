import type { NextRequest } from 'next/server';
import {
  forwardRequestHeaders,
  forwardResponseHeaders,
  gatewayBase,
  unreachableBody,
  upstreamUrl,
} from '@/lib/proxy';

/**
 * Every `/api/*` request goes to the gateway as is: method, headers, body, and a streamed
 * answer (SSE passes through chunk by chunk). The gateway URL is read per request from
 * GATEWAY_URL, so the browser never needs to know where the gateway is.
 */
export const dynamic = 'force-dynamic';

async function proxy(request: NextRequest): Promise<Response> {
  const base = gatewayBase();
  const target = upstreamUrl(base, request.nextUrl.pathname, request.nextUrl.search);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const proto = request.nextUrl.protocol.replace(':', '');
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers: forwardRequestHeaders(request.headers, request.headers.get('host'), proto),
      body: hasBody ? request.body : null,
      // Streaming a request body needs half duplex in Node's fetch.
      ...(hasBody ? { duplex: 'half' } : {}),
      redirect: 'manual',
      cache: 'no-store',
      // A closed browser tab ends the upstream request too (and with it the SSE reader).
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

export const GET = proxy;
export const HEAD = proxy;
export const POST = proxy;
export const PUT = proxy;
export const PATCH = proxy;
export const DELETE = proxy;
export const OPTIONS = proxy;
