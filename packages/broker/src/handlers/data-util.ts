// Small pieces shared by the data-path handlers (Produce, Fetch, ListOffsets, DeleteRecords).
import { KafkaError, toErrorCode } from '../errors.ts';
import type { LogStore, PartitionLog, TopicMeta } from '../log/types.ts';
import type { RequestContext } from '../server/context.ts';

/** Maps a thrown value to an error code; unexpected errors are logged with their context, never swallowed silently. */
export function errorCodeOf(err: unknown, ctx: RequestContext, what: Record<string, unknown>): number {
  if (!(err instanceof KafkaError)) ctx.log.error({ err, ...what }, 'data-path operation failed');
  return toErrorCode(err);
}

export function errorMessageOf(err: unknown): string | null {
  return err instanceof KafkaError ? err.message : null;
}

// Topics being auto-created by Produce, per store: later requests for the same topic queue behind the
// creation, so a connection's appends still start in request order.
const creating = new WeakMap<LogStore, Map<string, Promise<TopicMeta | undefined>>>();

/** The topic, creating it first when auto-creation is on; resolves undefined when it does not exist. */
export function topicForProduce(name: string, ctx: RequestContext): TopicMeta | Promise<TopicMeta | undefined> | undefined {
  const { store, config } = ctx.broker;
  const pending = creating.get(store)?.get(name);
  if (pending) return pending;
  const meta = store.getTopic(name);
  if (meta || !config.autoCreateTopics) return meta;
  let byName = creating.get(store);
  if (!byName) creating.set(store, (byName = new Map()));
  const p = store.createTopic(name, config.defaultPartitions).then(
    (created) => {
      ctx.log.info({ topic: name, partitions: created.partitions }, 'auto-created topic');
      return created;
    },
    () => store.getTopic(name),
  );
  byName.set(name, p);
  void p.finally(() => byName.delete(name));
  return p;
}

/** The partition log, or a KafkaError UNKNOWN_TOPIC_OR_PARTITION thrown. */
export function partitionOrThrow(store: LogStore, topic: string, index: number): PartitionLog {
  const log = store.partition(topic, index);
  if (!log) throw new KafkaError('UNKNOWN_TOPIC_OR_PARTITION', `This server does not host ${topic}-${index}.`);
  return log;
}
