// OffsetFetch (key 9), versions 0-5 — OffsetFetchRequest.json / OffsetFetchResponse.json.
// From v2 a null topic list asks for every committed partition, and a top-level error code exists;
// v5 returns the committed leader epoch. A partition without a commit answers offset -1 and "" metadata.
import { defineHandler } from '../server/registry.ts';
import { byTopic } from './group-util.ts';

export const offsetFetchHandler = defineHandler('OffsetFetch', {
  minVersion: 0,
  maxVersion: 5,
  handle(request, ctx) {
    const groupId = request.groupId ?? '';
    const wanted = request.topics === null || request.topics === undefined ? null : request.topics.flatMap((t) => t.partitionIndexes.map((partition) => ({ topic: t.name, partition })));
    const offsets = ctx.broker.coordinator.fetchOffsets(groupId, ctx.apiVersion >= 2 ? wanted : (wanted ?? []));
    const topics = [...byTopic(offsets)].map(([name, parts]) => ({
      name,
      partitions: parts.map((o) => ({
        partitionIndex: o.partition,
        committedOffset: o.offset,
        committedLeaderEpoch: o.leaderEpoch,
        metadata: o.metadata,
        errorCode: o.errorCode,
      })),
    }));
    return { throttleTimeMs: 0, topics, errorCode: 0 };
  },
});
