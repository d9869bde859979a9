// Broker group coordinator: how long a group of 10 kafkajs members takes to reach Stable (p50, p99 over
// several runs), and OffsetCommit throughput (each commit fsynced to __consumer_offsets before it is
// acknowledged), against a broker this module starts as a child process (fsync on, the durable default).
// The main rows set group.initial.rebalance.delay.ms to 0 so they measure the coordinator; one more row shows
// what a user sees with Kafka's default 3 s delay (a new group waits that long for more members).
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { decode, encodeToBuffer } from '../packages/broker/src/protocol/codec.ts';
import { schemas, type OffsetCommitResponse } from '../packages/broker/src/protocol/generated/messages.ts';
import { Reader } from '../packages/broker/src/protocol/reader.ts';
import { RawClient } from '../packages/broker/src/server/testing.ts';
import { median, type BenchRow } from './types.ts';
import { startBroker as startBundledBroker, stopBroker, type Broker } from './broker-produce.ts';

const MEMBERS = 10;
const RUNS = 10;
const DEFAULT_DELAY_RUNS = 3;
const COMMITS = 20_000;
const CONNECTIONS = 4;
const IN_FLIGHT = 16;

/** The bundled broker; its initial rebalance delay as given (Kafka's default when undefined). */
function startBroker(initialDelayMs: string | undefined): Promise<Broker> {
  return startBundledBroker({ GROUP_INITIAL_REBALANCE_DELAY_MS: initialDelayMs });
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Milliseconds from the members starting to the last member receiving its assignment in a Stable group. */
async function timeToStable(kafka: Kafka, topic: string, groupId: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  const consumers: Consumer[] = [];
  const joinedAt = new Map<number, number>();
  for (let i = 0; i < MEMBERS; i++) {
    const c = kafka.consumer({ groupId, maxWaitTimeInMs: 100, heartbeatInterval: 300 });
    c.on(c.events.GROUP_JOIN, () => joinedAt.set(i, performance.now()));
    await c.connect();
    await c.subscribe({ topic });
    consumers.push(c);
  }
  const start = performance.now();
  await Promise.all(consumers.map((c) => c.run({ eachMessage: async () => {} })));
  for (;;) {
    const g = (await admin.describeGroups([groupId])).groups[0];
    if (g?.state === 'Stable' && g.members.length === MEMBERS && joinedAt.size === MEMBERS) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const elapsed = Math.max(...joinedAt.values()) - start;
  await Promise.all(consumers.map((c) => c.disconnect()));
  await admin.disconnect();
  return elapsed;
}

async function commitThroughput(port: number, topic: string): Promise<number> {
  const clients = Array.from({ length: CONNECTIONS }, () => new RawClient(port));
  await Promise.all(clients.map((c) => c.ready));
  const perClient = COMMITS / CONNECTIONS;
  const start = performance.now();
  await Promise.all(
    clients.map(async (client, ci) => {
      let sent = 0;
      let received = 0;
      const send = (): void => {
        const body = encodeToBuffer(schemas.OffsetCommitRequest, 2, {
          groupId: `bench-commit-${ci}`,
          generationIdOrMemberEpoch: -1,
          memberId: '',
          retentionTimeMs: -1n,
          topics: [{ name: topic, partitions: [{ partitionIndex: 0, committedOffset: BigInt(sent), committedMetadata: '' }] }],
        });
        client.request(8, 2, sent++, body);
      };
      while (sent < Math.min(IN_FLIGHT, perClient)) send();
      while (received < perClient) {
        const frame = await client.next();
        if (!frame) throw new Error('broker closed the connection');
        const r = decode<OffsetCommitResponse>(schemas.OffsetCommitResponse, 2, new Reader(frame, 4));
        if (r.topics[0]?.partitions[0]?.errorCode !== 0) throw new Error(`commit failed: ${JSON.stringify(r)}`);
        received++;
        if (sent < perClient) send();
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  for (const c of clients) c.end();
  return COMMITS / seconds;
}

async function stableTimes(initialDelayMs: string | undefined, runs: number): Promise<{ times: number[]; commits?: number }> {
  const broker = await startBroker(initialDelayMs);
  try {
    const kafka = new Kafka({ clientId: 'bench-groups', brokers: [`${broker.host}:${broker.port}`], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'bench-groups', numPartitions: 20 }, { topic: 'bench-commits', numPartitions: 1 }] });
    await admin.disconnect();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await timeToStable(kafka, 'bench-groups', `bench-stable-${i}`));
    if (initialDelayMs === undefined) return { times };
    return { times, commits: await commitThroughput(broker.port, 'bench-commits') };
  } finally {
    await stopBroker(broker);
  }
}

export async function run(): Promise<BenchRow[]> {
  const { times, commits = Number.NaN } = await stableTimes('0', RUNS);
  const withDefault = await stableTimes(undefined, DEFAULT_DELAY_RUNS);
  const note = `${RUNS} runs, kafkajs, initial rebalance delay 0`;
  return [
    { name: 'broker groups: 10 members to Stable p50', value: median(times), unit: 'ms', note },
    { name: 'broker groups: 10 members to Stable p99', value: percentile(times, 99), unit: 'ms', note },
    { name: 'broker groups: 10 members to Stable, default delay', value: median(withDefault.times), unit: 'ms', note: `median of ${DEFAULT_DELAY_RUNS} runs, Kafka's default 3 s initial delay` },
    { name: 'broker groups: OffsetCommit throughput', value: commits, unit: 'commits/s', note: `fsync before ack, ${CONNECTIONS} conns x ${IN_FLIGHT} in flight, 1 partition each` },
  ];
}
