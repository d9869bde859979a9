// OffsetDelete (key 47), version 0 — OffsetDeleteRequest.json / OffsetDeleteResponse.json.
// Removes committed offsets of a group; refused (GROUP_SUBSCRIBED_TO_TOPIC) for topics its members consume.
import { ErrorCode } from '../errors.ts';
import { defineHandler } from '../server/registry.ts';
import { byTopic } from './group-util.ts';

export const offsetDeleteHandler = defineHandler('OffsetDelete', {
  minVersion: 0,
  maxVersion: 0,
  handle(request, ctx) {
    const { store, coordinator } = ctx.broker;
    const unknown: { topic: string; partition: number; errorCode: number }[] = [];
    const known: { topic: string; partition: number }[] = [];
    for (const t of request.topics) {
      const meta = store.getTopic(t.name);
      for (const p of t.partitions) {
        if (meta && p.partitionIndex >= 0 && p.partitionIndex < meta.partitions) known.push({ topic: t.name, partition: p.partitionIndex });
        else unknown.push({ topic: t.name, partition: p.partitionIndex, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION });
      }
    }
    const out = coordinator.deleteOffsets(request.groupId, known);
    if (out.errorCode !== 0) return { errorCode: out.errorCode, throttleTimeMs: 0, topics: [] };
    const topics = [...byTopic([...out.results, ...unknown])].map(([name, parts]) => ({
      name,
      partitions: parts.map((p) => ({ partitionIndex: p.partition, errorCode: p.errorCode })),
    }));
    return { errorCode: 0, throttleTimeMs: 0, topics };
  },
});
