import { dehydrate, QueryClient, type DehydratedState } from '@tanstack/react-query';
import { createBrookClient } from '@brook/contract/client';
import { gatewayBase } from '../proxy.ts';
import { makeQueries, type Queries } from './queries.ts';

/** A page never waits longer than this for the gateway: past it, the browser fetches itself. */
const PREFETCH_TIMEOUT_MS = 2_500;

function serverQueries(): Queries {
  const client = createBrookClient({
    baseUrl: gatewayBase(),
    fetch: (input, init) => fetch(input, { ...init, cache: 'no-store', signal: AbortSignal.timeout(PREFETCH_TIMEOUT_MS) }),
  });
  return makeQueries(client);
}

/**
 * Server prefetch (STYLE.md's data layer): fetch what the page shows first from the gateway
 * and hand it to the browser's cache, so the HTML already holds the data. Failures are left
 * out (never dehydrated): the browser then fetches and shows the gateway's error itself.
 */
export async function prefetch(run: (q: Queries, client: QueryClient) => Promise<void>[]): Promise<DehydratedState> {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: false } } });
  await Promise.all(run(serverQueries(), client));
  return dehydrate(client);
}

/** Next's searchParams object as URLSearchParams (repeated keys keep their first value). */
export function toSearchParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params.set(key, first);
  }
  return params;
}
