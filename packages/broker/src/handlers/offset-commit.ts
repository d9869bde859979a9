// OffsetCommit (key 8), versions 0-8 — OffsetCommitRequest.json / OffsetCommitResponse.json.
// v0 has no generation (a commit from outside group management, like generation -1); v1 carries a commit
// timestamp per partition; v2-4 a retention time; v6 the leader epoch; v7 group.instance.id; v8 is flexible.
// (v9 is for KIP-848 consumer groups, which this broker does not have.)
// Partitions of unknown topics get UNKNOWN_TOPIC_OR_PARTITION; the rest are acknowledged only once the
// coordinator has fsynced them to __consumer_offsets.
import { ErrorCode } from '../errors.ts';
import type { CommitPartition } from '../coordinator/types.ts';
import { defineHandler } from '../server/registry.ts';
import { byTopic } from './group-util.ts';

export const offsetCommitHandler = defineHandler('OffsetCommit', {
  minVersion: 0,
  maxVersion: 8,
  async handle(request, ctx) {
    const { store, coordinator } = ctx.broker;
    const results: { topic: string; partition: number; errorCode: number }[] = [];
    const valid: CommitPartition[] = [];
    for (const t of request.topics) {
      const meta = store.getTopic(t.name);
      for (const p of t.partitions) {
        if (!meta || p.partitionIndex < 0 || p.partitionIndex >= meta.partitions) {
          results.push({ topic: t.name, partition: p.partitionIndex, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION });
          continue;
        }
        valid.push({
          topic: t.name,
          partition: p.partitionIndex,
          offset: p.committedOffset,
          leaderEpoch: p.committedLeaderEpoch ?? -1,
          metadata: p.committedMetadata,
          commitTimestamp: ctx.apiVersion === 1 ? (p.commitTimestamp ?? -1n) : -1n,
        });
      }
    }
    if (valid.length > 0) {
      const committed = await coordinator.commit({
        groupId: request.groupId,
        generationId: request.generationIdOrMemberEpoch ?? -1,
        memberId: request.memberId ?? '',
        groupInstanceId: request.groupInstanceId ?? null,
        retentionTimeMs: ctx.apiVersion >= 2 && ctx.apiVersion <= 4 ? (request.retentionTimeMs ?? -1n) : -1n,
        partitions: valid,
      });
      results.push(...committed);
    }
    const topics = [...byTopic(results)].map(([name, parts]) => ({
      name,
      partitions: parts.map((p) => ({ partitionIndex: p.partition, errorCode: p.errorCode })),
    }));
    return { throttleTimeMs: 0, topics };
  },
});
