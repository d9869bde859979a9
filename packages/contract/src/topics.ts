import Type, { type Static } from 'typebox';
import { Offset, PartitionId, TopicName } from './common.ts';

export const TopicSort = Type.Enum(['name', 'partitions', 'replicationFactor', 'messages']);
export type TopicSort = Static<typeof TopicSort>;
export const SortOrder = Type.Enum(['asc', 'desc']);
export type SortOrder = Static<typeof SortOrder>;

export const ListTopicsQuery = Type.Object({
  search: Type.Optional(Type.String({ maxLength: 249, description: 'case-insensitive substring of the name' })),
  sort: Type.Optional(TopicSort),
  order: Type.Optional(SortOrder),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 })),
  internal: Type.Optional(Type.Boolean({ default: false, description: 'include internal topics such as __consumer_offsets' })),
});
export type ListTopicsQuery = Static<typeof ListTopicsQuery>;

export const TopicSummary = Type.Object({
  name: Type.String(),
  partitions: Type.Integer(),
  replicationFactor: Type.Integer(),
  internal: Type.Boolean(),
  messages: Type.Optional(Type.Integer({ description: 'estimate: sum of (latest − earliest offset) over partitions' })),
  sizeBytes: Type.Optional(Type.Integer()),
});
export type TopicSummary = Static<typeof TopicSummary>;

export const ListTopicsResponse = Type.Object({
  topics: Type.Array(TopicSummary),
  total: Type.Integer({ description: 'topics matching the filter, before pagination' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type ListTopicsResponse = Static<typeof ListTopicsResponse>;

export const TopicConfigMap = Type.Record(Type.String({ minLength: 1, maxLength: 255 }), Type.String({ maxLength: 65536 }));

export const CreateTopicBody = Type.Object(
  {
    name: TopicName,
    partitions: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
    replicationFactor: Type.Optional(Type.Integer({ minimum: 1, maximum: 32, description: "the cluster's default.replication.factor when omitted" })),
    configs: Type.Optional(TopicConfigMap),
  },
  { additionalProperties: false },
);
export type CreateTopicBody = Static<typeof CreateTopicBody>;

export const CreateTopicResponse = Type.Object({
  name: Type.String(),
  partitions: Type.Integer(),
  replicationFactor: Type.Integer(),
  configs: Type.Optional(TopicConfigMap),
});
export type CreateTopicResponse = Static<typeof CreateTopicResponse>;

export const PartitionDetail = Type.Object({
  partition: PartitionId,
  leader: Type.Integer({ description: 'broker id of the leader, -1 when none' }),
  replicas: Type.Array(Type.Integer()),
  isr: Type.Array(Type.Integer()),
  offlineReplicas: Type.Array(Type.Integer()),
  earliestOffset: Offset,
  latestOffset: Offset,
  messages: Type.Integer(),
  underReplicated: Type.Boolean(),
});
export type PartitionDetail = Static<typeof PartitionDetail>;

export const TopicDetail = Type.Object({
  name: Type.String(),
  internal: Type.Boolean(),
  replicationFactor: Type.Integer(),
  messages: Type.Integer(),
  partitions: Type.Array(PartitionDetail),
});
export type TopicDetail = Static<typeof TopicDetail>;

export const ConfigSource = Type.Enum([
  'TOPIC',
  'DYNAMIC_BROKER',
  'DYNAMIC_DEFAULT_BROKER',
  'STATIC_BROKER',
  'DEFAULT',
  'DYNAMIC_BROKER_LOGGER',
  'UNKNOWN',
]);
export type ConfigSource = Static<typeof ConfigSource>;

export const TopicConfigEntry = Type.Object({
  name: Type.String(),
  value: Type.Union([Type.String(), Type.Null()]),
  source: ConfigSource,
  isDefault: Type.Boolean(),
  readOnly: Type.Boolean(),
  sensitive: Type.Boolean(),
});
export type TopicConfigEntry = Static<typeof TopicConfigEntry>;

export const TopicConfigsResponse = Type.Object({
  name: Type.String(),
  configs: Type.Array(TopicConfigEntry),
});
export type TopicConfigsResponse = Static<typeof TopicConfigsResponse>;

/** PATCH semantics: listed keys are set, `null` resets a key to its default, others stay. */
export const AlterTopicConfigsBody = Type.Object(
  {
    configs: Type.Record(
      Type.String({ minLength: 1, maxLength: 255 }),
      Type.Union([Type.String({ maxLength: 65536 }), Type.Null()]),
    ),
    validateOnly: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type AlterTopicConfigsBody = Static<typeof AlterTopicConfigsBody>;

export const AddPartitionsBody = Type.Object(
  { count: Type.Integer({ minimum: 1, maximum: 10_000, description: 'the new total number of partitions' }) },
  { additionalProperties: false },
);
export type AddPartitionsBody = Static<typeof AddPartitionsBody>;

export const AddPartitionsResponse = Type.Object({ name: Type.String(), partitions: Type.Integer() });
export type AddPartitionsResponse = Static<typeof AddPartitionsResponse>;
