/**
 * Stateless reads need Fetch and ListOffsets against chosen partitions and offsets, which
 * kafkajs's public API only offers through a consumer group. kafkajs 2.2.4 (its final
 * release, pinned) builds every client on an internal Cluster that does exactly this, with
 * the same SASL/SSL, version negotiation and batch decoding as its consumers: we create one
 * through the Kafka instance's own factory and use it through the narrow typed facade below.
 * Being plain Kafka protocol, it works unchanged against Apache Kafka.
 */
import type { Kafka, Message } from 'kafkajs';

export const ISOLATION_READ_UNCOMMITTED = 0;
export const LATEST_TIMESTAMP = -1;
export const EARLIEST_TIMESTAMP = -2;

export interface WireMessage {
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | null | Array<Buffer | null>>;
  isControlRecord?: boolean;
}

export interface WireFetchPartition {
  partition: number;
  errorCode: number;
  highWatermark: string;
  lastStableOffset?: string;
  logStartOffset?: string;
  messages: WireMessage[];
}

export interface WireFetchRequest {
  isolationLevel: number;
  maxWaitTime: number;
  minBytes: number;
  maxBytes: number;
  topics: Array<{ topic: string; partitions: Array<{ partition: number; fetchOffset: string; maxBytes: number }> }>;
}

export interface WireListOffsetsRequest {
  isolationLevel: number;
  topics: Array<{ topic: string; partitions: Array<{ partition: number; timestamp: number }> }>;
}

export interface WirePartitionMetadata {
  partitionErrorCode: number;
  partitionId: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas?: number[];
}

export interface WireMetadata {
  brokers: Array<{ nodeId: number; host: string; port: number; rack?: string | null }>;
  controllerId?: number;
  clusterId?: string;
  topicMetadata: Array<{ topicErrorCode: number; topic: string; isInternal?: boolean; partitionMetadata: WirePartitionMetadata[] }>;
}

export interface WireBroker {
  /** Produce to partitions this broker leads; kafkajs encodes the record batch (one per partition). */
  produce(request: {
    acks: number;
    timeout: number;
    topicData: Array<{ topic: string; partitions: Array<{ partition: number; messages: Message[] }> }>;
  }): Promise<{ topics: Array<{ topicName: string; partitions: Array<{ partition: number; errorCode: number; baseOffset: string }> }> } | undefined>;
  /** OffsetCommit; generation -1 and member '' commit as an outside admin (the group must be empty). */
  offsetCommit(request: {
    groupId: string;
    groupGenerationId: number;
    memberId: string;
    retentionTime?: number;
    topics: Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }>;
  }): Promise<{ responses: Array<{ topic: string; partitions: Array<{ partition: number; errorCode: number }> }> }>;
  /** Topics' metadata (all topics when empty). Unlike Cluster.metadata, errors are not swallowed. */
  metadata(topics: string[]): Promise<WireMetadata>;
  fetch(request: WireFetchRequest): Promise<{ responses: Array<{ topicName: string; partitions: WireFetchPartition[] }> }>;
  listOffsets(
    request: WireListOffsetsRequest,
  ): Promise<{ responses: Array<{ topic: string; partitions: Array<{ partition: number; errorCode: number; offset: string }> }> }>;
}

export interface WireCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  isConnected(): boolean;
  refreshMetadata(): Promise<void>;
  findBroker(options: { nodeId: number }): Promise<WireBroker>;
  getNodeIds(): number[];
  findGroupCoordinator(options: { groupId: string }): Promise<WireBroker>;
}

let roundRobin = 0;

/** Metadata from any live broker of the cluster, spreading requests over them. */
export async function fetchMetadata(cluster: WireCluster, topics: string[]): Promise<WireMetadata> {
  let nodeIds = cluster.getNodeIds();
  if (nodeIds.length === 0) {
    await cluster.refreshMetadata();
    nodeIds = cluster.getNodeIds();
  }
  const nodeId = nodeIds[roundRobin++ % Math.max(1, nodeIds.length)];
  if (nodeId === undefined) throw new Error('kafkajs: no broker known after a metadata refresh');
  const broker = await cluster.findBroker({ nodeId: Number(nodeId) });
  return broker.metadata(topics);
}

const CREATE_CLUSTER = 'private:Kafka:createCluster';

export function createWireCluster(kafka: Kafka): WireCluster {
  const symbol = Object.getOwnPropertySymbols(kafka).find((s) => s.description === CREATE_CLUSTER);
  const factory = symbol ? (kafka as unknown as Record<symbol, unknown>)[symbol] : undefined;
  if (typeof factory !== 'function') {
    throw new Error('kafkajs internals changed: Kafka has no cluster factory (kafkajs 2.2.x is required)');
  }
  const cluster = (factory as (options: object) => unknown)({
    allowAutoTopicCreation: false,
    isolationLevel: ISOLATION_READ_UNCOMMITTED,
    metadataMaxAge: 60_000,
  }) as WireCluster;
  for (const method of ['connect', 'disconnect', 'isConnected', 'refreshMetadata', 'findBroker', 'getNodeIds', 'findGroupCoordinator'] as const) {
    if (typeof cluster[method] !== 'function') throw new Error(`kafkajs internals changed: Cluster.${method} is missing`);
  }
  return cluster;
}
