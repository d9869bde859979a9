import { routes, SSE_CONTENT_TYPE } from '@brook/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../errors.ts';
import { decodeCursor } from '../kafka/cursor.ts';
import { compileFilter } from '../kafka/fetcher.ts';
import { EARLIEST_TIMESTAMP, type WireMessage } from '../kafka/wire.ts';
import { streamGroup } from './stream-group.ts';
import { routeConfig, routeSchema } from './route.ts';

/**
 * ListOffsets by time may answer a batch's base offset: until a partition shows a record at or
 * after the asked time, its older records are skipped (only at the start of each partition).
 */
function sinceFilter(filter: ((m: WireMessage) => boolean) | undefined, from: string | undefined, active: boolean) {
  if (!active || from === undefined || !/^\d+$/.test(from)) return filter;
  const since = Number(from);
  const reached = new Set<number>();
  return (message: WireMessage, partition?: number): boolean => {
    const key = partition ?? -1;
    if (!reached.has(key)) {
      if (Number(message.timestamp) < since) return false;
      reached.add(key);
    }
    return !filter || filter(message);
  };
}

export const streamRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(routes.stream.url, { schema: routeSchema(routes.stream), config: routeConfig(routes.stream) }, async (request, reply) => {
    const { name } = request.params;
    const query = request.query;
    const lastEventId = request.headers['last-event-id'];
    const cursorText = typeof lastEventId === 'string' && lastEventId !== '' ? lastEventId : query.cursor;
    app.streams.reserve();

    let stream;
    try {
      stream = await app.streams.topicStream(name);
    } catch (error) {
      // 204 tells EventSource to stop reconnecting: the topic is gone.
      if (error instanceof HttpError && error.code === 'GATEWAY_TOPIC_NOT_FOUND') return reply.status(204).send(null);
      throw error;
    }
    const meta = stream.meta;
    if (query.partition !== undefined && !meta.partitions.some((p) => p.partitionId === query.partition)) {
      throw new HttpError(404, 'GATEWAY_PARTITION_NOT_FOUND', `Topic "${name}" has no partition ${query.partition} (it has ${meta.partitions.length})`);
    }
    const scoped = query.partition === undefined ? meta : { ...meta, partitions: meta.partitions.filter((p) => p.partitionId === query.partition) };

    let start: Map<number, number> | undefined;
    if (cursorText !== undefined) {
      const cursor = decodeCursor(cursorText, name);
      const earliest = await app.metadata.offsets([scoped], EARLIEST_TIMESTAMP);
      start = new Map(scoped.partitions.map((p) => [p.partitionId, cursor.offsets.get(p.partitionId) ?? earliest.get(name)?.get(p.partitionId) ?? 0]));
    } else if (query.from === 'earliest') {
      const earliest = await app.metadata.offsets([scoped], EARLIEST_TIMESTAMP);
      start = new Map(scoped.partitions.map((p) => [p.partitionId, earliest.get(name)?.get(p.partitionId) ?? 0]));
    } else if (query.from !== undefined && query.from !== 'latest') {
      const byTime = await app.metadata.offsets([scoped], Number(query.from));
      start = new Map(scoped.partitions.map((p) => [p.partitionId, byTime.get(name)?.get(p.partitionId) ?? -1]));
      for (const [p, offset] of start) if (offset < 0) start.set(p, stream.live.get(p) ?? 0);
    }

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': `${SSE_CONTENT_TYPE}; charset=utf-8`,
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write(': stream open\n\n');
    const filter = sinceFilter(compileFilter(query), query.from, cursorText === undefined);
    if (query.group !== undefined) {
      streamGroup(app, { topic: name, group: query.group, partition: query.partition, filter, response: raw, fromBeginning: query.from === 'earliest' });
      return;
    }
    await app.streams.open(stream, { topic: name, partition: query.partition, start, filter, response: raw });
  });
};
