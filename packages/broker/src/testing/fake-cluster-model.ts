// The one in-memory description a fake three-node cluster answers from (fake-cluster.ts). It pictures a
// real Apache Kafka 3.9 KRaft cluster of three combined broker+controller nodes, one per rack, after a
// bad afternoon: broker 3 lost a log directory and fell behind, so some partitions are under-replicated
// and one, whose ISR had already shrunk to broker 3, is offline (KRaft keeps the last ISR member and
// sets leader -1 rather than electing an out-of-sync replica). Hand-built, not captured: every value is
// one a real cluster of that shape reports.

export interface FakeBroker {
  readonly nodeId: number;
  readonly rack: string;
}

export interface FakePartition {
  readonly partition: number;
  /** -1 when the partition has no leader (offline). */
  readonly leader: number;
  readonly leaderEpoch: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  /** Replicas on a failed log directory. */
  readonly offlineReplicas: readonly number[];
  readonly earliestOffset: bigint;
  readonly latestOffset: bigint;
}

export interface FakeTopic {
  readonly name: string;
  readonly topicId: string;
  readonly internal: boolean;
  readonly partitions: readonly FakePartition[];
  /** Per-topic overrides (DescribeConfigs source DYNAMIC_TOPIC_CONFIG). */
  readonly overrides: Readonly<Record<string, string>>;
}

export interface FakeClusterModel {
  readonly clusterId: string;
  /**
   * The node Metadata names as controller. A real KRaft cluster names a random live broker per
   * response (KIP-590: admin requests are forwarded to the quorum anyway); pinned here so tests can
   * assert it, as a ZooKeeper-era cluster would report it.
   */
  readonly controllerId: number;
  readonly brokers: readonly FakeBroker[];
  readonly topics: readonly FakeTopic[];
}

const RF3 = [1, 2, 3] as const;

/** Kafka's default assignment: replicas rotate over the brokers, the first replica leads. */
function rotated(partition: number, shift = 0): number[] {
  return RF3.map((_, i) => RF3[(partition + shift + i) % RF3.length] as number);
}

function healthy(partition: number, latest: bigint, shift = 0): FakePartition {
  const replicas = rotated(partition, shift);
  return { partition, leader: replicas[0] as number, leaderEpoch: 4, replicas, isr: replicas, offlineReplicas: [], earliestOffset: 0n, latestOffset: latest };
}

/** Broker 3 dropped out of the ISR; where it led, the next in-sync replica took over (epoch bumped). */
function withoutBroker3(p: FakePartition): FakePartition {
  const isr = p.isr.filter((id) => id !== 3);
  return { ...p, isr, leader: p.leader === 3 ? (isr[0] as number) : p.leader, leaderEpoch: p.leaderEpoch + 1 };
}

const orders: FakePartition[] = Array.from({ length: 6 }, (_, i) => healthy(i, 1000n + BigInt(i) * 250n));
orders[4] = withoutBroker3(orders[4] as FakePartition);

const payments: FakePartition[] = [
  healthy(0, 420n),
  // Offline: the ISR had shrunk to broker 3 before its log directory failed.
  { partition: 1, leader: -1, leaderEpoch: 7, replicas: [3, 1, 2], isr: [3], offlineReplicas: [3], earliestOffset: 0n, latestOffset: 0n },
  withoutBroker3({ ...healthy(2, 77n), earliestOffset: 12n }),
];

export const threeNodeCluster: FakeClusterModel = Object.freeze<FakeClusterModel>({
  clusterId: '5L6g3nShT-eMCtK--X86sw',
  controllerId: 2,
  brokers: [
    { nodeId: 1, rack: 'eu-west-1a' },
    { nodeId: 2, rack: 'eu-west-1b' },
    { nodeId: 3, rack: 'eu-west-1c' },
  ],
  topics: [
    { name: 'orders', topicId: 'f2b6c3de-5a0e-4b1c-9a57-0c3d6e1f8a21', internal: false, partitions: orders, overrides: { 'retention.ms': '259200000' } },
    { name: 'payments', topicId: '9d1e7b40-3c2a-4f6e-8b15-7a4c2e9d0f63', internal: false, partitions: payments, overrides: { 'min.insync.replicas': '3' } },
    {
      name: 'audit-log',
      topicId: '3a7f0c95-d2e4-4b8a-a6c1-58e9b0d4f217',
      internal: false,
      partitions: [healthy(0, 5n, 1), healthy(1, 9n, 1)],
      overrides: { 'cleanup.policy': 'compact' },
    },
    {
      name: '__consumer_offsets',
      topicId: '6c0d9e2a-71b5-4f38-9e4d-2b8a5c7f1e09',
      internal: true,
      partitions: Array.from({ length: 50 }, (_, i) => healthy(i, 0n)),
      overrides: { 'cleanup.policy': 'compact', 'compression.type': 'producer', 'segment.bytes': '104857600' },
    },
  ],
});

/** Kafka 3.9's topic-level defaults as DescribeConfigs reports them (DEFAULT_CONFIG unless noted). */
export const TOPIC_DEFAULTS: Readonly<Record<string, string>> = {
  'cleanup.policy': 'delete',
  'compression.type': 'producer',
  'delete.retention.ms': '86400000',
  'file.delete.delay.ms': '60000',
  'flush.messages': '9223372036854775807',
  'flush.ms': '9223372036854775807',
  'index.interval.bytes': '4096',
  'max.compaction.lag.ms': '9223372036854775807',
  'max.message.bytes': '1048588',
  'message.timestamp.after.max.ms': '9223372036854775807',
  'message.timestamp.before.max.ms': '9223372036854775807',
  'message.timestamp.type': 'CreateTime',
  'min.cleanable.dirty.ratio': '0.5',
  'min.compaction.lag.ms': '0',
  'min.insync.replicas': '2',
  preallocate: 'false',
  'retention.bytes': '-1',
  'retention.ms': '604800000',
  'segment.bytes': '1073741824',
  'segment.index.bytes': '10485760',
  'segment.jitter.ms': '0',
  'segment.ms': '604800000',
  'unclean.leader.election.enable': 'false',
};

/** Defaults set in every node's server.properties (compose.kafka.yaml's KAFKA_MIN_INSYNC_REPLICAS). */
export const STATIC_BROKER_TOPIC_CONFIGS: ReadonlySet<string> = new Set(['min.insync.replicas']);
