// Small pieces shared by the group coordinator handlers (FindCoordinator ... OffsetDelete).
import type { RequestContext } from '../server/context.ts';

/** The client's address as Kafka reports it in DescribeGroups (InetAddress.toString: "/127.0.0.1"). */
export function clientHost(ctx: RequestContext): string {
  // remoteAddress is "host:port" (IPv6 as "[addr]:port"): Kafka shows the address alone.
  const address = ctx.connection.remoteAddress.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  return `/${address.replace(/^::ffff:/, '')}`;
}

/** Groups request entries by topic, keeping first-seen topic order (Kafka responses are per topic). */
export function byTopic<T extends { topic: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    let list = out.get(item.topic);
    if (!list) out.set(item.topic, (list = []));
    list.push(item);
  }
  return out;
}
