import { gatewayBase, proxyToGateway } from '@/lib/proxy';

/**
 * Every `/api/*` request goes to the gateway as is, and its answer streams back (SSE chunk
 * by chunk). GATEWAY_URL is read per request, so one build serves any gateway and the
 * browser never needs to know where the gateway is.
 */
export const dynamic = 'force-dynamic';

function handle(request: Request): Promise<Response> {
  return proxyToGateway(request, gatewayBase());
}

export const GET = handle;
export const HEAD = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
export const OPTIONS = handle;
