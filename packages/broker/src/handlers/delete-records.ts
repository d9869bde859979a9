// DeleteRecords (key 21), versions 0-1 — DeleteRecordsRequest.json / DeleteRecordsResponse.json.
// Moves each partition's log start offset (persisted; whole segments below it are deleted at once).
// offset -1 means "up to the high watermark"; past the log end is OFFSET_OUT_OF_RANGE.
import { ErrorCode } from '../errors.ts';
import type { DeleteRecordsPartitionResult } from '../protocol/generated/messages.ts';
import type { RequestContext } from '../server/context.ts';
import { defineHandler } from '../server/registry.ts';
import { errorCodeOf, partitionOrThrow } from './data-util.ts';

async function deleteOne(topic: string, partitionIndex: number, offset: bigint, ctx: RequestContext): Promise<DeleteRecordsPartitionResult> {
  try {
    const log = partitionOrThrow(ctx.broker.store, topic, partitionIndex);
    const lowWatermark = await log.deleteRecordsBefore(offset === -1n ? log.logEndOffset() : offset);
    return { partitionIndex, lowWatermark, errorCode: ErrorCode.NONE };
  } catch (err) {
    return { partitionIndex, lowWatermark: -1n, errorCode: errorCodeOf(err, ctx, { topic, partition: partitionIndex, offset }) };
  }
}

export const deleteRecordsHandler = defineHandler('DeleteRecords', {
  minVersion: 0,
  maxVersion: 1,
  async handle(request, ctx) {
    const topics = await Promise.all(
      request.topics.map(async (t) => ({
        name: t.name,
        partitions: await Promise.all(t.partitions.map((p) => deleteOne(t.name, p.partitionIndex, p.offset, ctx))),
      })),
    );
    if (topics.some((t) => t.partitions.some((p) => p.errorCode === ErrorCode.NONE))) ctx.log.info({ topics: topics.map((t) => t.name) }, 'deleted records');
    return { throttleTimeMs: 0, topics };
  },
});
