import type { KafkaRecord } from '@brook/contract';
import { decodeData, decodeHeaders } from './codec.ts';
import { fetchSelected, speaksFetchV11 } from './fetch-wire.ts';
import type { TopicMeta } from './metadata.ts';
import { ISOLATION_READ_UNCOMMITTED, type WireCluster, type WireMessage } from './wire.ts';

export interface FetchedPartition {
  partition: number;
  /** Records at or after the requested offset, in offset order (control records dropped). */
  messages: WireMessage[];
  /** Next offset to read after what was fetched (the requested one when nothing came). */
  next: number;
  highWatermark: number;
}

/**
 * One Fetch per partition leader, from explicit offsets, outside any consumer group.
 * Brokers return whole batches, so records before the requested offset are dropped here
 * (without decoding them when the broker speaks Fetch v11), and with `maxRecords` no more than
 * that many per partition are decoded; `next` then follows the last record returned.
 */
export async function fetchFrom(
  cluster: WireCluster,
  meta: TopicMeta,
  positions: Map<number, number>,
  options: { maxWaitMs: number; maxBytes: number; minBytes?: number; maxRecords?: number | undefined },
): Promise<Map<number, FetchedPartition>> {
  const byLeader = new Map<number, Array<{ partition: number; fetchOffset: string; maxBytes: number }>>();
  for (const p of meta.partitions) {
    const offset = positions.get(p.partitionId);
    if (offset === undefined || p.leader < 0) continue;
    let list = byLeader.get(p.leader);
    if (!list) byLeader.set(p.leader, (list = []));
    list.push({ partition: p.partitionId, fetchOffset: String(offset), maxBytes: options.maxBytes });
  }
  const result = new Map<number, FetchedPartition>();
  await Promise.all(
    [...byLeader].map(async ([nodeId, partitions]) => {
      const broker = await cluster.findBroker({ nodeId });
      const request = {
        isolationLevel: ISOLATION_READ_UNCOMMITTED,
        maxWaitTime: options.maxWaitMs,
        minBytes: options.minBytes ?? 1,
        maxBytes: options.maxBytes,
        topics: [{ topic: meta.name, partitions }],
      };
      if (speaksFetchV11(broker)) {
        // Only the records from each position on, and no more than a page needs, are decoded.
        const responses = await fetchSelected(broker, request, { from: (_topic, partition) => positions.get(partition) ?? 0, maxRecords: options.maxRecords });
        for (const response of responses) {
          for (const data of response.partitions) {
            const start = positions.get(data.partition) ?? 0;
            const next = data.lastOffset >= 0 ? Math.max(start, data.lastOffset + 1) : start;
            result.set(data.partition, { partition: data.partition, messages: data.messages, next, highWatermark: Number(data.highWatermark) });
          }
        }
        return;
      }
      const { responses } = await broker.fetch(request);
      for (const response of responses) {
        for (const data of response.partitions) {
          const start = positions.get(data.partition) ?? 0;
          const messages = data.messages.filter((m) => !m.isControlRecord && Number(m.offset) >= start);
          const last = data.messages[data.messages.length - 1];
          const next = last ? Math.max(start, Number(last.offset) + 1) : start;
          result.set(data.partition, { partition: data.partition, messages, next, highWatermark: Number(data.highWatermark) });
        }
      }
    }),
  );
  return result;
}

export function toRecord(topic: string, partition: number, message: WireMessage): KafkaRecord {
  const key = decodeData(message.key);
  const value = decodeData(message.value);
  const headers = decodeHeaders(message.headers);
  let size = (message.key?.length ?? 0) + (message.value?.length ?? 0);
  for (const [name, raw] of Object.entries(message.headers ?? {})) {
    for (const v of Array.isArray(raw) ? raw : [raw]) size += name.length + (v?.length ?? 0);
  }
  return {
    topic,
    partition,
    offset: Number(message.offset),
    timestamp: Number(message.timestamp),
    key: key.data,
    keyEncoding: key.encoding,
    value: value.data,
    valueEncoding: value.encoding,
    headers,
    sizeBytes: size,
  };
}

export interface RecordFilter {
  key?: string | undefined;
  valueContains?: string | undefined;
  header?: string | undefined;
}

/** Filters compare texts: the key as UTF-8 (or base64 when binary), the value's raw text. */
export function compileFilter(filter: RecordFilter): ((message: WireMessage) => boolean) | undefined {
  const { key, valueContains, header } = filter;
  if (key === undefined && valueContains === undefined && header === undefined) return undefined;
  const eq = header?.indexOf('=') ?? -1;
  const headerName = header === undefined ? undefined : eq === -1 ? header : header.slice(0, eq);
  const headerValue = header === undefined || eq === -1 ? undefined : header.slice(eq + 1);
  return (message) => {
    if (key !== undefined && (message.key === null || message.key.toString('utf8') !== key)) return false;
    if (valueContains !== undefined && (message.value === null || !message.value.toString('utf8').includes(valueContains))) return false;
    if (headerName !== undefined) {
      const raw = message.headers?.[headerName];
      if (raw === undefined) return false;
      if (headerValue !== undefined) {
        const values = Array.isArray(raw) ? raw : [raw];
        if (!values.some((v) => v !== null && v.toString('utf8') === headerValue)) return false;
      }
    }
    return true;
  };
}
