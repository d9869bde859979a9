// OffsetFetch (key 9), versions 0-8 — OffsetFetchRequest.json / OffsetFetchResponse.json.
// From v2 a null topic list asks for every committed partition, and a top-level error code exists;
// v5 returns the committed leader epoch; v6 is flexible; v7 adds require_stable, always satisfied here
// (no transactional offsets are ever pending); v8 (KIP-709) asks for several groups at once, each answered
// with its own topics and error code. A partition without a commit answers offset -1 and "" metadata.
// (v9 is for KIP-848 consumer groups, which this broker does not have.)
import type { FetchedOffset } from '../coordinator/types.ts';
import type { RequestContext } from '../server/context.ts';
import { defineHandler } from '../server/registry.ts';
import { byTopic } from './group-util.ts';

type WantedTopics = readonly { name: string; partitionIndexes: readonly number[] }[] | null;

function fetchGroup(groupId: string, topics: WantedTopics, ctx: RequestContext) {
  const wanted = topics === null ? null : topics.flatMap((t) => t.partitionIndexes.map((partition) => ({ topic: t.name, partition })));
  const offsets: FetchedOffset[] = ctx.broker.coordinator.fetchOffsets(groupId, ctx.apiVersion >= 2 ? wanted : (wanted ?? []));
  return [...byTopic(offsets)].map(([name, parts]) => ({
    name,
    partitions: parts.map((o) => ({
      partitionIndex: o.partition,
      committedOffset: o.offset,
      committedLeaderEpoch: o.leaderEpoch,
      metadata: o.metadata,
      errorCode: o.errorCode,
    })),
  }));
}

export const offsetFetchHandler = defineHandler('OffsetFetch', {
  minVersion: 0,
  maxVersion: 8,
  handle(request, ctx) {
    if (ctx.apiVersion >= 8) {
      const groups = (request.groups ?? []).map((g) => ({ groupId: g.groupId, topics: fetchGroup(g.groupId, g.topics, ctx), errorCode: 0 }));
      return { throttleTimeMs: 0, groups };
    }
    return { throttleTimeMs: 0, topics: fetchGroup(request.groupId ?? '', request.topics ?? null, ctx), errorCode: 0 };
  },
});
