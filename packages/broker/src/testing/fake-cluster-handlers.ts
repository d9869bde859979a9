// The Kafka APIs one node of the fake cluster answers, each as Apache Kafka 3.9 answers it from a node
// of a three-node KRaft cluster: the version ranges it advertises, the per-node routing errors (only a
// partition's leader serves Fetch and ListOffsets, only a group's coordinator serves group requests),
// and the fields a real response fills. The generated codec writes every version from these objects.
import { randomUUID } from 'node:crypto';
import { ErrorCode } from '../errors.ts';
import type {
  DescribeConfigsResourceResult,
  DescribeConfigsResult,
  FetchableTopicResponse,
  ListOffsetsPartitionResponse,
  MetadataResponseTopic,
} from '../protocol/generated/messages.ts';
import { ZERO_UUID } from '../protocol/compile.ts';
import type { AnyHandler } from '../server/context.ts';
import { defineHandler } from '../server/registry.ts';
import { STATIC_BROKER_TOPIC_CONFIGS, TOPIC_DEFAULTS, type FakeClusterModel, type FakePartition, type FakeTopic } from './fake-cluster-model.ts';

/** The model with a topic list CreateTopics can grow (one per fake cluster, shared by its nodes). */
export interface FakeClusterState extends FakeClusterModel {
  topics: FakeTopic[];
}

export interface NodeView {
  readonly nodeId: number;
  readonly model: FakeClusterState;
  /** Every node's bound port, known once all three listen (before any client connects). */
  readonly ports: ReadonlyMap<number, number>;
  readonly host: string;
}

const OPERATIONS_NOT_REQUESTED = -2147483648;
// Without ACLs every topic operation is allowed: READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS.
const TOPIC_OPERATIONS = [3, 4, 5, 6, 7, 8, 10, 11].reduce((bits, op) => bits | (1 << op), 0);
// Kafka's DescribeConfigsResponse.ConfigSource and ConfigType codes.
const Source = { DYNAMIC_TOPIC_CONFIG: 1, STATIC_BROKER_CONFIG: 4, DEFAULT_CONFIG: 5 } as const;
const Type = { BOOLEAN: 1, STRING: 2, INT: 3, LONG: 5, DOUBLE: 6, LIST: 7 } as const;
const CONFIG_TYPES: Readonly<Record<string, number>> = {
  'cleanup.policy': Type.LIST,
  'compression.type': Type.STRING,
  'message.timestamp.type': Type.STRING,
  'min.cleanable.dirty.ratio': Type.DOUBLE,
  'index.interval.bytes': Type.INT,
  'max.message.bytes': Type.INT,
  'min.insync.replicas': Type.INT,
  'segment.bytes': Type.INT,
  'segment.index.bytes': Type.INT,
  preallocate: Type.BOOLEAN,
  'unclean.leader.election.enable': Type.BOOLEAN,
};
const ResourceType = { TOPIC: 2, BROKER: 4 } as const;
const OFFSETS_TOPIC = '__consumer_offsets';

function topicByName(model: FakeClusterModel, name: string | null | undefined): FakeTopic | undefined {
  return model.topics.find((t) => t.name === name);
}

/** Kafka's group → __consumer_offsets partition: abs(String.hashCode) % partitions, Java semantics. */
export function coordinatorOf(model: FakeClusterModel, groupId: string): number {
  let hash = 0;
  for (let i = 0; i < groupId.length; i++) hash = (Math.imul(31, hash) + groupId.charCodeAt(i)) | 0;
  const partitions = topicByName(model, OFFSETS_TOPIC)?.partitions ?? [];
  return partitions[(hash & 0x7fffffff) % Math.max(1, partitions.length)]?.leader ?? -1;
}

function metadataTopic(topic: FakeTopic, operations: number): MetadataResponseTopic {
  return {
    errorCode: 0,
    name: topic.name,
    topicId: topic.topicId,
    isInternal: topic.internal,
    topicAuthorizedOperations: operations,
    partitions: topic.partitions.map((p) => ({
      // A partition without a leader still answers with its replicas, flagged LEADER_NOT_AVAILABLE.
      errorCode: p.leader < 0 ? ErrorCode.LEADER_NOT_AVAILABLE : 0,
      partitionIndex: p.partition,
      leaderId: p.leader,
      leaderEpoch: p.leaderEpoch,
      replicaNodes: [...p.replicas],
      isrNodes: [...p.isr],
      offlineReplicas: [...p.offlineReplicas],
    })),
  };
}

/** The partition this node leads, or the routing error a real broker answers for it. */
function led(view: NodeView, topic: FakeTopic | undefined, partition: number): FakePartition | number {
  const p = topic?.partitions.find((candidate) => candidate.partition === partition);
  if (!p) return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
  return p.leader === view.nodeId ? p : ErrorCode.NOT_LEADER_OR_FOLLOWER;
}

function offsetFor(p: FakePartition, timestamp: bigint): bigint {
  if (timestamp === -2n || timestamp === -4n) return p.earliestOffset; // earliest, earliest-local
  if (timestamp === -3n) return p.latestOffset > p.earliestOffset ? p.latestOffset - 1n : -1n; // max timestamp
  if (timestamp < 0n) return p.latestOffset; // latest, latest-tiered
  return -1n; // no record at or after a wall-clock time: the fake keeps offsets, not records
}

function topicConfigs(topic: FakeTopic, keys: string[] | null, synonyms: boolean): DescribeConfigsResourceResult[] {
  return Object.keys(TOPIC_DEFAULTS)
    .filter((name) => keys === null || keys.includes(name))
    .map((name) => {
      const override = topic.overrides[name];
      const source = override !== undefined ? Source.DYNAMIC_TOPIC_CONFIG : STATIC_BROKER_TOPIC_CONFIGS.has(name) ? Source.STATIC_BROKER_CONFIG : Source.DEFAULT_CONFIG;
      const value = override ?? TOPIC_DEFAULTS[name] ?? null;
      return {
        name,
        value,
        readOnly: false,
        isDefault: source === Source.DEFAULT_CONFIG,
        configSource: source,
        isSensitive: false,
        synonyms: synonyms ? [{ name, value, source }] : [],
        configType: CONFIG_TYPES[name] ?? Type.LONG,
        documentation: null,
      };
    });
}

function brokerConfigs(view: NodeView): DescribeConfigsResourceResult[] {
  const rack = view.model.brokers.find((b) => b.nodeId === view.nodeId)?.rack ?? null;
  const entries: Array<[string, string | null, number]> = [
    ['broker.rack', rack, Type.STRING],
    ['default.replication.factor', '3', Type.INT],
    ['min.insync.replicas', '2', Type.INT],
    ['node.id', String(view.nodeId), Type.INT],
    ['num.partitions', '3', Type.INT],
    ['offsets.topic.replication.factor', '3', Type.INT],
    ['process.roles', 'broker,controller', Type.LIST],
  ];
  return entries.map(([name, value, configType]) => ({
    name,
    value,
    readOnly: true,
    isDefault: false,
    configSource: Source.STATIC_BROKER_CONFIG,
    isSensitive: false,
    synonyms: [],
    configType,
    documentation: null,
  }));
}

export function nodeHandlers(view: NodeView): AnyHandler[] {
  const { model } = view;
  const endpoint = (nodeId: number) => ({ nodeId, host: view.host, port: view.ports.get(nodeId) ?? -1 });
  return [
    defineHandler('ApiVersions', {
      minVersion: 0,
      maxVersion: 3,
      handle(_request, ctx) {
        return {
          errorCode: 0,
          apiKeys: [...ctx.broker.supportedApis()],
          throttleTimeMs: 0,
          supportedFeatures: [
            { name: 'kraft.version', minVersion: 0, maxVersion: 1 },
            { name: 'metadata.version', minVersion: 1, maxVersion: 21 },
          ],
          finalizedFeaturesEpoch: 1284n,
          finalizedFeatures: [{ name: 'metadata.version', maxVersionLevel: 21, minVersionLevel: 21 }],
          zkMigrationReady: false,
        };
      },
    }),
    defineHandler('Metadata', {
      minVersion: 0,
      maxVersion: 12,
      handle(request, ctx) {
        const operations = request.includeTopicAuthorizedOperations ? TOPIC_OPERATIONS : OPERATIONS_NOT_REQUESTED;
        const all = request.topics === null || (ctx.apiVersion === 0 && request.topics.length === 0);
        const topics = all
          ? model.topics.map((t) => metadataTopic(t, operations))
          : (request.topics ?? []).map((requested): MetadataResponseTopic => {
              const topic = requested.name !== null ? topicByName(model, requested.name) : model.topics.find((t) => t.topicId === requested.topicId);
              if (topic) return metadataTopic(topic, operations);
              if (requested.name === null) return { errorCode: ErrorCode.UNKNOWN_TOPIC_ID, name: null, topicId: requested.topicId ?? ZERO_UUID, partitions: [] };
              return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, name: requested.name, topicId: ZERO_UUID, isInternal: false, partitions: [] };
            });
        return {
          throttleTimeMs: 0,
          brokers: model.brokers.map((b) => ({ ...endpoint(b.nodeId), rack: b.rack })),
          clusterId: model.clusterId,
          controllerId: model.controllerId,
          topics,
          clusterAuthorizedOperations: OPERATIONS_NOT_REQUESTED,
        };
      },
    }),
    defineHandler('ListOffsets', {
      minVersion: 0,
      maxVersion: 9,
      handle(request) {
        return {
          throttleTimeMs: 0,
          topics: request.topics.map((t) => ({
            name: t.name,
            partitions: t.partitions.map((requested): ListOffsetsPartitionResponse => {
              const p = led(view, topicByName(model, t.name), requested.partitionIndex);
              if (typeof p === 'number') return { partitionIndex: requested.partitionIndex, errorCode: p, oldStyleOffsets: [], timestamp: -1n, offset: -1n, leaderEpoch: -1 };
              const offset = offsetFor(p, requested.timestamp);
              return { partitionIndex: p.partition, errorCode: 0, oldStyleOffsets: offset < 0n ? [] : [offset], timestamp: -1n, offset, leaderEpoch: p.leaderEpoch };
            }),
          })),
        };
      },
    }),
    fetchHandler(view),
    defineHandler('DescribeConfigs', {
      minVersion: 0,
      maxVersion: 4,
      handle(request) {
        const results = request.resources.map((resource): DescribeConfigsResult => {
          const base = { resourceType: resource.resourceType, resourceName: resource.resourceName, errorCode: 0, errorMessage: null };
          if (resource.resourceType === ResourceType.TOPIC) {
            const topic = topicByName(model, resource.resourceName);
            if (!topic) return { ...base, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: `Topic '${resource.resourceName}' does not exist.`, configs: [] };
            return { ...base, configs: topicConfigs(topic, resource.configurationKeys, request.includeSynonyms === true) };
          }
          if (resource.resourceType === ResourceType.BROKER && resource.resourceName === String(view.nodeId)) return { ...base, configs: brokerConfigs(view) };
          return { ...base, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Unexpected resource ${resource.resourceType}/${resource.resourceName} on broker ${view.nodeId}`, configs: [] };
        });
        return { throttleTimeMs: 0, results };
      },
    }),
    createTopicsHandler(view),
    ...groupHandlers(view),
  ];
}

/** Creates topics in the shared state, replicas assigned as Kafka does (rotating, first replica leads). */
function createTopicsHandler(view: NodeView): AnyHandler {
  const { model } = view;
  const brokerIds = model.brokers.map((b) => b.nodeId);
  return defineHandler('CreateTopics', {
    minVersion: 0,
    maxVersion: 7,
    handle(request) {
      const topics = request.topics.map((t) => {
        const partitions = t.numPartitions === -1 ? 3 : t.numPartitions;
        const factor = t.replicationFactor === -1 ? 3 : t.replicationFactor;
        const fail = (errorCode: number, errorMessage: string) => ({ name: t.name, topicId: ZERO_UUID, errorCode, errorMessage, numPartitions: -1, replicationFactor: -1, configs: null });
        if (topicByName(model, t.name)) return fail(ErrorCode.TOPIC_ALREADY_EXISTS, `Topic '${t.name}' already exists.`);
        if (factor < 1 || factor > brokerIds.length) return fail(ErrorCode.INVALID_REPLICATION_FACTOR, `Unable to replicate the partition ${factor} time(s): The target replication factor of ${factor} cannot be reached because only ${brokerIds.length} broker(s) are registered.`);
        if (partitions < 1) return fail(ErrorCode.INVALID_PARTITIONS, 'Number of partitions was set to an invalid non-positive value.');
        const topicId = randomUUID();
        if (!request.validateOnly) {
          model.topics.push({
            name: t.name,
            topicId,
            internal: false,
            overrides: Object.fromEntries(t.configs.flatMap((c) => (c.value === null ? [] : [[c.name, c.value]]))),
            partitions: Array.from({ length: partitions }, (_, partition) => {
              const replicas = Array.from({ length: factor }, (__, i) => brokerIds[(partition + i) % brokerIds.length] as number);
              return { partition, leader: replicas[0] as number, leaderEpoch: 0, replicas, isr: replicas, offlineReplicas: [], earliestOffset: 0n, latestOffset: 0n };
            }),
          });
        }
        return { name: t.name, topicId, errorCode: 0, errorMessage: null, numPartitions: partitions, replicationFactor: factor, configs: [] };
      });
      return { throttleTimeMs: 0, topics };
    },
  });
}

// Fetch with no records to give: wait max_wait_ms as a broker does for min_bytes, then answer empty.
const MAX_PARK_MS = 10_000;

function fetchHandler(view: NodeView): AnyHandler {
  const { model } = view;
  return defineHandler('Fetch', {
    minVersion: 0,
    maxVersion: 16,
    async handle(request, ctx) {
      let failed = false;
      const responses = request.topics.map((t): FetchableTopicResponse => {
        const topic = t.topic !== undefined && t.topic !== '' ? topicByName(model, t.topic) : model.topics.find((c) => c.topicId === t.topicId);
        return {
          topic: t.topic ?? topic?.name ?? '',
          topicId: t.topicId ?? topic?.topicId ?? ZERO_UUID,
          partitions: t.partitions.map((requested) => {
            const p = topic ? led(view, topic, requested.partition) : ctx.apiVersion >= 13 ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
            const outOfRange = typeof p !== 'number' && (requested.fetchOffset < p.earliestOffset || requested.fetchOffset > p.latestOffset);
            const errorCode = typeof p === 'number' ? p : outOfRange ? ErrorCode.OFFSET_OUT_OF_RANGE : 0;
            if (errorCode !== 0) failed = true;
            const hw = typeof p === 'number' ? -1n : p.latestOffset;
            return {
              partitionIndex: requested.partition,
              errorCode,
              highWatermark: hw,
              lastStableOffset: hw,
              logStartOffset: typeof p === 'number' ? -1n : p.earliestOffset,
              abortedTransactions: null,
              preferredReadReplica: -1,
              records: Buffer.alloc(0),
            };
          }),
        };
      });
      if (!failed && request.maxWaitMs > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, Math.min(request.maxWaitMs, MAX_PARK_MS));
          const unsubscribe = ctx.connection.onClose(done);
          function done(): void {
            clearTimeout(timer);
            unsubscribe();
            resolve();
          }
        });
      }
      return { throttleTimeMs: 0, errorCode: 0, sessionId: 0, responses, nodeEndpoints: [] };
    },
  });
}

/** No groups exist on the fake; requests reach the right coordinator or get NOT_COORDINATOR, as on Kafka. */
function groupHandlers(view: NodeView): AnyHandler[] {
  const { model } = view;
  const endpoint = (nodeId: number) => ({ nodeId, host: view.host, port: view.ports.get(nodeId) ?? -1 });
  const notHere = (groupId: string) => coordinatorOf(model, groupId) !== view.nodeId;
  return [
    defineHandler('FindCoordinator', {
      minVersion: 0,
      maxVersion: 5,
      handle(request) {
        const keys = request.coordinatorKeys?.length ? request.coordinatorKeys : [request.key ?? ''];
        const coordinators = keys.map((key) => {
          // Transactional ids need __transaction_state, which this cluster has not created yet.
          if (request.keyType === 1) return { key, nodeId: -1, host: '', port: -1, errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, errorMessage: 'The coordinator is not available.' };
          return { key, ...endpoint(coordinatorOf(model, key)), errorCode: 0, errorMessage: null };
        });
        const first = coordinators[0];
        return { throttleTimeMs: 0, errorCode: first?.errorCode ?? 0, errorMessage: first?.errorMessage ?? null, nodeId: first?.nodeId ?? -1, host: first?.host ?? '', port: first?.port ?? -1, coordinators };
      },
    }),
    defineHandler('ListGroups', {
      minVersion: 0,
      maxVersion: 5,
      handle() {
        return { throttleTimeMs: 0, errorCode: 0, groups: [] };
      },
    }),
    defineHandler('DescribeGroups', {
      minVersion: 0,
      maxVersion: 5,
      handle(request) {
        return {
          throttleTimeMs: 0,
          groups: request.groups.map((groupId) => ({
            errorCode: notHere(groupId) ? ErrorCode.NOT_COORDINATOR : 0,
            groupId,
            groupState: 'Dead',
            protocolType: '',
            protocolData: '',
            members: [],
            authorizedOperations: OPERATIONS_NOT_REQUESTED,
          })),
        };
      },
    }),
    defineHandler('OffsetFetch', {
      minVersion: 0,
      maxVersion: 9,
      handle(request) {
        const noOffsets = (topics: Array<{ name: string; partitionIndexes: number[] }> | null | undefined) =>
          (topics ?? []).map((t) => ({
            name: t.name,
            partitions: t.partitionIndexes.map((partitionIndex) => ({ partitionIndex, committedOffset: -1n, committedLeaderEpoch: -1, metadata: '', errorCode: 0 })),
          }));
        const single = request.groupId ?? '';
        const groups = (request.groups ?? []).map((g) => ({ groupId: g.groupId, errorCode: notHere(g.groupId) ? ErrorCode.NOT_COORDINATOR : 0, topics: notHere(g.groupId) ? [] : noOffsets(g.topics) }));
        const singleError = request.groups === undefined && notHere(single) ? ErrorCode.NOT_COORDINATOR : 0;
        return { throttleTimeMs: 0, errorCode: singleError, topics: singleError ? [] : noOffsets(request.topics), groups };
      },
    }),
  ];
}
