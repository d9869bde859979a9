export type { AppendResult, Durability, LogOptions, LogStore, PartitionLog, ReadResult, TopicMeta } from './types.ts';
export { openLogStore, FileLogStore } from './log-store.ts';
export { TOPIC_CONFIG_DEFS, effectiveTopicConfigs, isTopicConfig, resolveTopicConfig, validateTopicConfig, validateTopicName } from './topic-config.ts';
export type { ResolvedTopicConfig } from './topic-config.ts';
