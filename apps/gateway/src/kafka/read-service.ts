import type { KafkaRecord, ReadMessagesQuery, ReadMessagesResponse } from '@brook/contract';
import { HttpError } from '../errors.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { compileFilter, fetchFrom, toRecord, type FetchedPartition } from './fetcher.ts';
import type { KafkaService } from './kafka-service.ts';
import type { MetadataService, TopicMeta } from './metadata.ts';
import { EARLIEST_TIMESTAMP, LATEST_TIMESTAMP, type WireMessage } from './wire.ts';

/** Fetch rounds per page: filters that match little stop here instead of scanning a whole topic. */
const MAX_ROUNDS = 8;

interface Lane {
  partition: number;
  start: number;
  earliest: number;
  latest: number;
  buffer: WireMessage[];
  /** Next offset after everything fetched so far. */
  fetchedTo: number;
}

export function partitionNotFound(topic: string, partition: number, count: number): HttpError {
  return new HttpError(404, 'GATEWAY_PARTITION_NOT_FOUND', `Topic "${topic}" has no partition ${partition} (it has ${count})`);
}

/**
 * Stateless reads: positions come from the query (offset, timestamp, earliest/latest or a
 * cursor), records from Fetch requests sent directly to partition leaders. No consumer group
 * is joined and nothing is committed, so a page answers in one or two round trips.
 */
export class ReadService {
  constructor(
    private readonly kafka: KafkaService,
    private readonly metadata: MetadataService,
  ) {}

  async read(topic: string, query: ReadMessagesQuery): Promise<ReadMessagesResponse> {
    const limit = query.limit ?? 100;
    const maxBytes = query.maxBytes ?? 1_048_576;
    const meta = await this.metadata.cachedTopic(topic, 2000);
    const selected = this.selectPartitions(meta, query.partition);
    const [earliest, latest] = await Promise.all([
      this.metadata.offsets([selected], EARLIEST_TIMESTAMP),
      this.metadata.offsets([selected], LATEST_TIMESTAMP),
    ]);
    const low = (p: number): number => earliest.get(topic)?.get(p) ?? 0;
    const high = (p: number): number => latest.get(topic)?.get(p) ?? 0;
    const starts = await this.startOffsets(selected, query, limit, low, high);

    const lanes: Lane[] = selected.partitions.map((p) => {
      const start = Math.min(Math.max(starts.get(p.partitionId) ?? low(p.partitionId), low(p.partitionId)), high(p.partitionId));
      return { partition: p.partitionId, start, earliest: low(p.partitionId), latest: high(p.partitionId), buffer: [], fetchedTo: start };
    });
    const filter = compileFilter(query);
    // ListOffsets by time may answer a batch's base offset: skip that batch's older records here.
    const since = query.cursor === undefined && query.offset === undefined && query.from !== undefined && /^\d+$/.test(query.from) ? Number(query.from) : undefined;
    const matches = (m: WireMessage): boolean => (since === undefined || Number(m.timestamp) >= since) && (!filter || filter(m));
    const newest = query.from === 'latest' && query.cursor === undefined && query.offset === undefined;
    // Every record fetched is shown unless filters (or a start time) drop some: then decode no
    // more than a page per partition and round; otherwise scan up to maxBytes for matches.
    const maxRecords = filter === undefined && since === undefined ? limit : undefined;

    // maxBytes bounds the whole page's scan, not each round: memory stays bounded whatever the filters.
    let scanned = 0;
    for (let round = 0; round < MAX_ROUNDS && scanned < maxBytes; round++) {
      const open = lanes.filter((l) => l.fetchedTo < l.latest);
      if (round === 0 && open.length === 0 && (query.timeoutMs ?? 0) > 0) {
        // Caught up and asked to wait: one long-poll on the streaming connections.
        scanned += await this.fetchRound(selected, lanes, maxBytes, query.timeoutMs ?? 0, maxRecords);
        break;
      }
      if (open.length === 0) break;
      const buffered = lanes.reduce((n, l) => n + l.buffer.filter(matches).length, 0);
      if (!newest && buffered >= limit) break;
      scanned += await this.fetchRound(selected, open, maxBytes - scanned, 0, maxRecords);
    }

    const chosen = newest ? takeNewest(lanes, limit, matches) : takeOldest(lanes, limit, matches);
    const records: KafkaRecord[] = chosen.records.map(({ partition, message }) => toRecord(topic, partition, message));
    const next = new Map<number, number>();
    const prev = new Map<number, number>();
    let hasPrev = false;
    for (const lane of lanes) {
      const nextOffset = chosen.next.get(lane.partition) ?? lane.start;
      next.set(lane.partition, nextOffset);
      const pageStart = newest ? (chosen.first.get(lane.partition) ?? nextOffset) : lane.start;
      prev.set(lane.partition, Math.max(lane.earliest, pageStart - limit));
      if (pageStart > lane.earliest) hasPrev = true;
    }
    return {
      topic,
      records,
      nextCursor: encodeCursor(topic, next),
      prevCursor: hasPrev ? encodeCursor(topic, prev) : null,
      partitions: lanes.map((l) => ({ partition: l.partition, nextOffset: next.get(l.partition) ?? l.start, earliestOffset: l.earliest, latestOffset: l.latest })),
    };
  }

  private selectPartitions(meta: TopicMeta, partition: number | undefined): TopicMeta {
    if (partition === undefined) return meta;
    const match = meta.partitions.find((p) => p.partitionId === partition);
    if (!match) throw partitionNotFound(meta.name, partition, meta.partitions.length);
    return { ...meta, partitions: [match] };
  }

  private async startOffsets(
    meta: TopicMeta,
    query: ReadMessagesQuery,
    limit: number,
    low: (p: number) => number,
    high: (p: number) => number,
  ): Promise<Map<number, number>> {
    const starts = new Map<number, number>();
    if (query.cursor !== undefined) {
      const cursor = decodeCursor(query.cursor, meta.name);
      for (const p of meta.partitions) starts.set(p.partitionId, cursor.offsets.get(p.partitionId) ?? low(p.partitionId));
      return starts;
    }
    if (query.offset !== undefined) {
      for (const p of meta.partitions) {
        if (query.offset > high(p.partitionId)) {
          throw new HttpError(400, 'GATEWAY_INVALID_OFFSET', `Offset ${query.offset} is past the end of partition ${p.partitionId} (next offset ${high(p.partitionId)})`, {
            details: { partition: p.partitionId, offset: query.offset, latestOffset: high(p.partitionId) },
          });
        }
        starts.set(p.partitionId, query.offset);
      }
      return starts;
    }
    const from = query.from ?? 'earliest';
    if (from === 'earliest') {
      for (const p of meta.partitions) starts.set(p.partitionId, low(p.partitionId));
    } else if (from === 'latest') {
      for (const p of meta.partitions) starts.set(p.partitionId, Math.max(low(p.partitionId), high(p.partitionId) - limit));
    } else {
      const byTime = await this.metadata.offsets([meta], Number(from));
      for (const p of meta.partitions) {
        const offset = byTime.get(meta.name)?.get(p.partitionId) ?? -1;
        starts.set(p.partitionId, offset < 0 ? high(p.partitionId) : offset);
      }
    }
    return starts;
  }

  /** One Fetch round for these lanes; returns the bytes of the records it buffered. */
  private async fetchRound(meta: TopicMeta, lanes: Lane[], maxBytes: number, waitMs: number, maxRecords: number | undefined): Promise<number> {
    const positions = new Map(lanes.map((l) => [l.partition, l.fetchedTo]));
    const run = (cluster: Parameters<typeof fetchFrom>[0]): Promise<Map<number, FetchedPartition>> =>
      fetchFrom(cluster, meta, positions, { maxWaitMs: waitMs, maxBytes, maxRecords });
    const fetched = waitMs > 0 ? await this.kafka.withStreamer(run) : await this.kafka.withReader(run);
    let bytes = 0;
    for (const lane of lanes) {
      const data = fetched.get(lane.partition);
      if (!data) continue;
      lane.buffer.push(...data.messages);
      for (const m of data.messages) bytes += (m.key?.length ?? 0) + (m.value?.length ?? 0);
      lane.fetchedTo = Math.max(lane.fetchedTo, data.next);
      lane.latest = Math.max(lane.latest, data.highWatermark);
    }
    return bytes;
  }
}

interface Chosen {
  records: Array<{ partition: number; message: WireMessage }>;
  /** Next offset per partition after what the page consumed. */
  next: Map<number, number>;
  /** First offset per partition the page returned. */
  first: Map<number, number>;
}

/**
 * Oldest first: repeatedly take the partition head with the smallest timestamp, so each
 * partition contributes a prefix of what was fetched and its next offset stays exact.
 */
function takeOldest(lanes: Lane[], limit: number, matches: (m: WireMessage) => boolean): Chosen {
  const heads = lanes.map(() => 0);
  const chosen: Chosen = { records: [], next: new Map(), first: new Map() };
  for (const lane of lanes) chosen.next.set(lane.partition, lane.start);
  while (chosen.records.length < limit) {
    let best = -1;
    for (let i = 0; i < lanes.length; i++) {
      const message = (lanes[i] as Lane).buffer[heads[i] as number];
      if (!message) continue;
      const bestMessage = best === -1 ? undefined : (lanes[best] as Lane).buffer[heads[best] as number];
      if (!bestMessage || Number(message.timestamp) < Number(bestMessage.timestamp)) best = i;
    }
    if (best === -1) break;
    const lane = lanes[best] as Lane;
    const message = lane.buffer[heads[best] as number] as WireMessage;
    heads[best] = (heads[best] as number) + 1;
    chosen.next.set(lane.partition, Number(message.offset) + 1);
    if (matches(message)) {
      chosen.records.push({ partition: lane.partition, message });
      if (!chosen.first.has(lane.partition)) chosen.first.set(lane.partition, Number(message.offset));
    }
  }
  // A partition whose whole buffer was consumed continues after everything fetched.
  lanes.forEach((lane, i) => {
    if (heads[i] === lane.buffer.length) chosen.next.set(lane.partition, lane.fetchedTo);
  });
  return chosen;
}

/** Newest last `limit` matching records across partitions (suffixes), returned oldest first. */
function takeNewest(lanes: Lane[], limit: number, matches: (m: WireMessage) => boolean): Chosen {
  const tails = lanes.map((l) => l.buffer.length - 1);
  const picked: Array<{ partition: number; message: WireMessage }> = [];
  const first = new Map<number, number>();
  while (picked.length < limit) {
    let best = -1;
    for (let i = 0; i < lanes.length; i++) {
      const message = (lanes[i] as Lane).buffer[tails[i] as number];
      if (!message) continue;
      const bestMessage = best === -1 ? undefined : (lanes[best] as Lane).buffer[tails[best] as number];
      if (!bestMessage || Number(message.timestamp) >= Number(bestMessage.timestamp)) best = i;
    }
    if (best === -1) break;
    const lane = lanes[best] as Lane;
    const message = lane.buffer[tails[best] as number] as WireMessage;
    tails[best] = (tails[best] as number) - 1;
    first.set(lane.partition, Number(message.offset));
    if (matches(message)) picked.push({ partition: lane.partition, message });
  }
  picked.reverse();
  const next = new Map(lanes.map((l) => [l.partition, l.fetchedTo]));
  return { records: picked, next, first };
}
