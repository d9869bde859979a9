// Fetch (key 1), versions 0-13 — FetchRequest.json / FetchResponse.json. v13 names topics by id, not
// name (@platformatic/kafka's consumer fetches only at v13+); ids resolve through the store's TopicMeta.id.
// Serves whole stored batches as raw byte slices (v4+ clients read them as they are); v0-1 get magic 0
// message sets and v2-3 magic 1, down-converted. Long-poll: when fewer than min_bytes are ready, the request
// parks until an append to one of its partitions (PartitionLog.onAppend) brings enough, max_wait_ms passes,
// or the connection closes; no polling loop. Fetch sessions are not kept (session id 0 always); with no
// transactions, last_stable_offset is the high watermark and aborted_transactions is empty.
import { ErrorCode } from '../errors.ts';
import type { PartitionLog } from '../log/types.ts';
import type { FetchableTopicResponse, FetchRequest, FetchResponse, FetchResponsePartitionData } from '../protocol/generated/messages.ts';
import { downConvert } from '../records/down-convert.ts';
import type { RequestContext } from '../server/context.ts';
import { defineHandler } from '../server/registry.ts';
import { errorCodeOf } from './data-util.ts';

// Kafka's fetch.max.bytes default: one response never grows past this, whatever the client asks.
const MAX_RESPONSE_BYTES = 55 * 1024 * 1024;
// A parked fetch never waits longer than this (clients ask for at most seconds).
const MAX_WAIT_MS = 60_000;

interface Target {
  readonly topic: string;
  /** Set when the request named the topic by id (v13+); echoed back, and UNKNOWN_TOPIC_ID when it matches no topic. */
  readonly topicId?: string;
  readonly partition: number;
  readonly offset: bigint;
  readonly maxBytes: number;
  readonly log: PartitionLog | undefined;
}

function targetsOf(request: FetchRequest, ctx: RequestContext): Target[] {
  const out: Target[] = [];
  const byId = ctx.apiVersion >= 13;
  for (const t of request.topics) {
    const topicId = byId ? t.topicId : undefined;
    const topic = topicId === undefined ? (t.topic ?? '') : (ctx.broker.store.getTopicById(topicId)?.name ?? '');
    for (const p of t.partitions) {
      const log = topic === '' ? undefined : ctx.broker.store.partition(topic, p.partition);
      out.push({ topic, topicId, partition: p.partition, offset: p.fetchOffset, maxBytes: Math.max(0, p.partitionMaxBytes), log });
    }
  }
  return out;
}

function emptyPartition(partitionIndex: number, errorCode: number, log?: PartitionLog): FetchResponsePartitionData {
  const hw = log ? log.logEndOffset() : -1n;
  return {
    partitionIndex, errorCode, highWatermark: hw, lastStableOffset: hw, logStartOffset: log ? log.logStartOffset() : -1n,
    abortedTransactions: [], preferredReadReplica: -1, records: Buffer.alloc(0),
  };
}

async function collect(targets: readonly Target[], responseMaxBytes: number, ctx: RequestContext): Promise<{ response: FetchResponse; bytes: number }> {
  const magic = ctx.apiVersion <= 1 ? 0 : ctx.apiVersion <= 3 ? 1 : undefined;
  let bytes = 0;
  const responses: FetchableTopicResponse[] = [];
  for (const t of targets) {
    let topic = responses[responses.length - 1];
    if (!topic || topic.topic !== t.topic || topic.topicId !== t.topicId) responses.push((topic = { topic: t.topic, topicId: t.topicId, partitions: [] }));
    if (!t.log) {
      const unknown = t.topicId !== undefined && t.topic === '' ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      topic.partitions.push(emptyPartition(t.partition, unknown));
      continue;
    }
    const room = Math.min(t.maxBytes, responseMaxBytes - bytes);
    // Once something was read, a partition gets a batch only if it fits; the first partition with data
    // always gets at least one whole batch, so a batch bigger than every limit can still be consumed.
    if (bytes > 0 && room <= 0) {
      topic.partitions.push(emptyPartition(t.partition, ErrorCode.NONE, t.log));
      continue;
    }
    try {
      const hw = t.log.logEndOffset();
      let read = await t.log.read(t.offset, Math.max(room, 1));
      // Only the first partition with data may go past the limits (its first batch); later ones must fit.
      if (bytes > 0 && read.bytes > room) read = { chunks: [], bytes: 0 };
      const records = read.chunks.length === 0 ? Buffer.alloc(0) : magic === undefined ? read.chunks : downConvert(read.chunks, magic, t.offset);
      bytes += read.bytes;
      topic.partitions.push({ ...emptyPartition(t.partition, ErrorCode.NONE, t.log), highWatermark: hw, lastStableOffset: hw, records });
    } catch (err) {
      topic.partitions.push(emptyPartition(t.partition, errorCodeOf(err, ctx, { topic: t.topic, partition: t.partition, offset: t.offset }), t.log));
    }
  }
  return { response: { throttleTimeMs: 0, errorCode: ErrorCode.NONE, sessionId: 0, responses }, bytes };
}

/**
 * Waits until the logs grew by `needed` bytes past `baseline` (their sizes before the first read, so an
 * append that landed while it read counts at once), maxWaitMs passed, or the connection closed.
 */
export function waitForData(logs: readonly Pick<PartitionLog, 'sizeBytes' | 'onAppend'>[], baseline: readonly number[], needed: number, maxWaitMs: number, ctx: Pick<RequestContext, 'connection'>): Promise<void> {
  return new Promise<void>((resolve) => {
    const cleanups: Array<() => void> = [];
    let finished = false;
    const done = (): void => {
      if (finished) return;
      finished = true;
      for (const c of cleanups) c();
      resolve();
    };
    const timer = setTimeout(done, Math.min(maxWaitMs, MAX_WAIT_MS));
    cleanups.push(() => clearTimeout(timer));
    cleanups.push(ctx.connection.onClose(done));
    const onAppend = (): void => {
      let grown = 0;
      logs.forEach((l, i) => (grown += Math.max(0, l.sizeBytes() - (baseline[i] ?? 0))));
      if (grown >= needed) done();
    };
    for (const l of logs) cleanups.push(l.onAppend(onAppend));
    onAppend();
  });
}

export const fetchHandler = defineHandler('Fetch', {
  minVersion: 0,
  maxVersion: 13,
  async handle(request, ctx) {
    const targets = targetsOf(request, ctx);
    const logs = targets.flatMap((t) => (t.log ? [t.log] : []));
    const sizesBeforeRead = logs.map((l) => l.sizeBytes());
    const responseMaxBytes = Math.min(ctx.apiVersion >= 3 ? Math.max(request.maxBytes ?? MAX_RESPONSE_BYTES, 1) : MAX_RESPONSE_BYTES, MAX_RESPONSE_BYTES);
    const first = await collect(targets, responseMaxBytes, ctx);
    const minBytes = Math.max(request.minBytes, 0);
    const hasError = first.response.responses.some((t) => t.partitions.some((p) => p.errorCode !== ErrorCode.NONE));
    if (first.bytes >= minBytes || request.maxWaitMs <= 0 || hasError || ctx.connection.closed) return first.response;
    if (logs.length === 0) return first.response;
    await waitForData(logs, sizesBeforeRead, minBytes - first.bytes, request.maxWaitMs, ctx);
    return (await collect(targets, responseMaxBytes, ctx)).response;
  },
});
