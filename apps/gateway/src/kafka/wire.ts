/**
 * Stateless reads need Fetch and ListOffsets against chosen partitions and offsets, which
 * kafkajs's public API only offers through a consumer group. kafkajs 2.2.4 (its final
 * release, pinned) builds every client on an internal Cluster that does exactly this, with
 * the same SASL/SSL, version negotiation and batch decoding as its consumers: we create one
 * through the Kafka instance's own factory and use it through the narrow typed facade below.
 * Being plain Kafka protocol, it works unchanged against Apache Kafka.
 */
import type { Kafka } from 'kafkajs';

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

let sendSymbol: symbol | undefined;

/**
 * Sends a request object of kafkajs's own shape ({ request: { apiKey, apiVersion, encode, … }, response:
 * { decode, parse } }) through the Broker's private sender: its socket, SASL/SSL, correlation, timeouts
 * and protocol errors. For requests the gateway encodes or decodes itself (produce-wire.ts, fetch-wire.ts).
 */
export function sendRawRequest(broker: WireBroker, request: object): Promise<unknown> {
  if (!sendSymbol) {
    let proto: object | null = Object.getPrototypeOf(broker) as object | null;
    while (proto && !sendSymbol) {
      sendSymbol = Object.getOwnPropertySymbols(proto).find((s) => s.description === 'private:Broker:sendRequest');
      proto = Object.getPrototypeOf(proto) as object | null;
    }
  }
  const send = sendSymbol ? (broker as unknown as Record<symbol, unknown>)[sendSymbol] : undefined;
  if (typeof send !== 'function') throw new Error('kafkajs internals changed: Broker has no sendRequest (kafkajs 2.2.x is required)');
  return (send as (r: object) => Promise<unknown>).call(broker, request);
}

/** The version range of an API that kafkajs negotiated with this broker (ApiVersions), if it has. */
export function negotiatedVersions(broker: WireBroker, apiKey: number): { minVersion: number; maxVersion: number } | undefined {
  return (broker as unknown as { versions?: Record<number, { minVersion: number; maxVersion: number }> | null }).versions?.[apiKey];
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
