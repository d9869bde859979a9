// ListOffsets (key 2), versions 0-5 — ListOffsetsRequest.json / ListOffsetsResponse.json.
// timestamp -1 = latest (log end, which is also the high watermark here), -2 = earliest (log start),
// otherwise the first offset whose batch max timestamp is at or after it, via the time index.
// v0 answers in the old layout: a list of up to max_num_offsets offsets, newest first.
import { ErrorCode, KafkaError } from '../errors.ts';
import type { PartitionLog } from '../log/types.ts';
import type { ListOffsetsPartition, ListOffsetsPartitionResponse } from '../protocol/generated/messages.ts';
import type { RequestContext } from '../server/context.ts';
import { defineHandler } from '../server/registry.ts';
import { errorCodeOf, partitionOrThrow } from './data-util.ts';

const LATEST = -1n;
const EARLIEST = -2n;

async function lookup(log: PartitionLog, timestamp: bigint): Promise<{ offset: bigint; timestamp: bigint }> {
  if (timestamp === LATEST) return { offset: log.logEndOffset(), timestamp: -1n };
  if (timestamp === EARLIEST) return { offset: log.logStartOffset(), timestamp: -1n };
  if (timestamp < 0n) throw new KafkaError('INVALID_REQUEST', `unsupported timestamp ${timestamp}`);
  const found = await log.offsetForTimestamp(timestamp);
  return found ? { offset: found.offset, timestamp: found.timestampMs } : { offset: -1n, timestamp: -1n };
}

async function answer(topic: string, p: ListOffsetsPartition, ctx: RequestContext): Promise<ListOffsetsPartitionResponse> {
  const v0 = ctx.apiVersion === 0;
  try {
    const log = partitionOrThrow(ctx.broker.store, topic, p.partitionIndex);
    const found = await lookup(log, p.timestamp);
    if (v0) {
      const max = p.maxNumOffsets ?? 1;
      let offsets: bigint[] = [];
      if (p.timestamp === LATEST) offsets = log.logStartOffset() < found.offset ? [found.offset, log.logStartOffset()] : [found.offset];
      else if (found.offset >= 0n) offsets = [found.offset];
      return { partitionIndex: p.partitionIndex, errorCode: ErrorCode.NONE, oldStyleOffsets: offsets.slice(0, Math.max(0, max)) };
    }
    return { partitionIndex: p.partitionIndex, errorCode: ErrorCode.NONE, timestamp: found.timestamp, offset: found.offset, leaderEpoch: 0 };
  } catch (err) {
    const errorCode = errorCodeOf(err, ctx, { topic, partition: p.partitionIndex });
    return v0 ? { partitionIndex: p.partitionIndex, errorCode, oldStyleOffsets: [] } : { partitionIndex: p.partitionIndex, errorCode, timestamp: -1n, offset: -1n, leaderEpoch: -1 };
  }
}

export const listOffsetsHandler = defineHandler('ListOffsets', {
  minVersion: 0,
  maxVersion: 5,
  async handle(request, ctx) {
    const topics = await Promise.all(
      request.topics.map(async (t) => ({ name: t.name, partitions: await Promise.all(t.partitions.map((p) => answer(t.name, p, ctx))) })),
    );
    return { throttleTimeMs: 0, topics };
  },
});
