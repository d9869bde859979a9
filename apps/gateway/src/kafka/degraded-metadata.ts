/**
 * kafkajs 2.2.4 throws away a whole Metadata response when any one partition carries an error
 * (tulios/kafkajs#1460, open): on a real cluster with an offline partition, Kafka answers that
 * partition with LEADER_NOT_AVAILABLE and leader -1, and kafkajs then fails every metadata refresh —
 * its admin, its clusters, and so every gateway route, though the rest of the cluster is fine.
 * For Kafka's own clients those partition errors are data. This makes kafkajs's Metadata parser keep
 * them as data too (leader -1, replicas, ISR and the error code as reported); topic-level errors
 * still throw.
 * The gateway already routes around leaderless partitions (metadata.ts, fetcher.ts, produce-service.ts).
 */
import { createRequire } from 'node:module';

// Partition-level codes Kafka uses to describe, not to refuse: no leader (5), a replica's broker down
// (9, Metadata v0 only), the leader lacks this listener (72).
const DESCRIPTIVE_PARTITION_ERRORS = new Set([5, 9, 72]);

interface MetadataData {
  topicMetadata: Array<{ topicErrorCode: number; partitionMetadata: Array<{ partitionErrorCode: number }> }>;
}

interface ResponseModule {
  parse: (data: MetadataData) => Promise<unknown>;
}

const PATCHED = Symbol.for('brook.gateway.degradedMetadata');

/** Idempotent: patches the response modules kafkajs's Metadata versions share (module cache). */
export function tolerateDegradedMetadata(): void {
  const require = createRequire(import.meta.url);
  const kafkajsRoot = require.resolve('kafkajs').replace(/index\.js$/, '');
  for (let version = 0; version <= 6; version++) {
    const module = require(`${kafkajsRoot}src/protocol/requests/metadata/v${version}/response.js`) as ResponseModule & { [PATCHED]?: true };
    if (typeof module.parse !== 'function') throw new Error(`kafkajs internals changed: no Metadata v${version} response parser`);
    if (module[PATCHED]) continue;
    const strict = module.parse;
    // The strict parser still judges every other error; the data returned keeps the codes as sent.
    module.parse = async (data) => {
      await strict({
        ...data,
        topicMetadata: data.topicMetadata.map((topic) => ({
          ...topic,
          partitionMetadata: topic.partitionMetadata.map((p) => (DESCRIPTIVE_PARTITION_ERRORS.has(p.partitionErrorCode) ? { ...p, partitionErrorCode: 0 } : p)),
        })),
      });
      return data;
    };
    module[PATCHED] = true;
  }
}
