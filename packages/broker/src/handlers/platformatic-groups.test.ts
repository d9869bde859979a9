// @platformatic/kafka's consumer-group side against the broker. It speaks only flexible versions of the group
// APIs and takes the highest one both sides have: FindCoordinator 4 (batched keys), JoinGroup 9, SyncGroup 5,
// Heartbeat 4, LeaveGroup 5, OffsetCommit 8, OffsetFetch 8 (several groups per request), ListGroups 5,
// DescribeGroups 5, DeleteGroups 2, OffsetDelete 0. Its consumer reads only with Fetch 13+ (its Fetch v12 sends
// topic ids where v12 has names), which the broker does not serve yet, so these tests stop at membership and
// offsets (consume() fails with "No usable implementation found for API Fetch").
import { setTimeout as sleep } from 'node:timers/promises';
import { Admin, Consumer } from '@platformatic/kafka';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../server/testing.ts';

let broker: TestBroker;
let admin: Admin;
const consumers: Consumer[] = [];

beforeAll(async () => {
  broker = await startTestBroker({}, { coordinator: { initialRebalanceDelayMs: 0, offsetsTopicPartitions: 3 } });
  await broker.store.createTopic('pg-t', 4);
  admin = new Admin({ clientId: 'platformatic-admin', bootstrapBrokers: [broker.address], retries: 0 });
});

afterAll(async () => {
  for (const c of consumers) await c.close(true);
  await admin?.close();
  await broker?.destroy();
});

function consumer(groupId: string, clientId: string): Consumer {
  const c = new Consumer({ clientId, groupId, bootstrapBrokers: [broker.address], retries: 0, sessionTimeout: 10_000, heartbeatInterval: 100 });
  consumers.push(c);
  return c;
}

/** The partitions of pg-t a consumer currently holds, sorted. */
function held(c: Consumer): number[] {
  return (c.assignments ?? []).filter((a) => a.topic === 'pg-t').flatMap((a) => a.partitions).sort((a, b) => a - b);
}

/** Waits (bounded by the test timeout) until the condition holds: rebalances finish on heartbeats, not on a schedule. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(20);
}

describe('@platformatic/kafka consumer groups', () => {
  it('a lone member joins and gets every partition; a second member makes the first rejoin and they split them', async () => {
    const a = consumer('pg-split', 'plat-a');
    a.topics.track('pg-t');
    const aId = await a.joinGroup({});
    expect(aId).toMatch(/^plat-a-/);
    expect(a.generationId).toBe(1);
    expect(held(a)).toEqual([0, 1, 2, 3]);

    const b = consumer('pg-split', 'plat-b');
    b.topics.track('pg-t');
    // B's JoinGroup is parked until A, told REBALANCE_IN_PROGRESS by its next Heartbeat, rejoins.
    await b.joinGroup({});
    await until(() => a.generationId === 2 && held(a).length + held(b).length === 4);
    expect(b.generationId).toBe(2);
    expect([...held(a), ...held(b)].sort()).toEqual([0, 1, 2, 3]);
    expect(held(a).length).toBe(2);

    const [described] = (await admin.describeGroups({ groups: ['pg-split'] })).values();
    expect(described).toMatchObject({ id: 'pg-split', state: 'STABLE', protocolType: 'consumer' });
    expect([...(described?.members.keys() ?? [])].sort()).toEqual([a.memberId, b.memberId].sort());

    // LeaveGroup v5: A leaves, B is told to rejoin by its heartbeat and takes everything.
    await a.leaveGroup();
    await until(() => b.generationId === 3 && held(b).length === 4);
    await b.leaveGroup();
    const [empty] = (await admin.describeGroups({ groups: ['pg-split'] })).values();
    expect(empty).toMatchObject({ state: 'EMPTY', members: new Map() });
  });

  it('commits through OffsetCommit v8 and reads back through OffsetFetch v8, one group or several per request', async () => {
    const c = consumer('pg-commit', 'plat-commit');
    c.topics.track('pg-t');
    await c.joinGroup({});
    await c.commit({ offsets: [
      { topic: 'pg-t', partition: 0, offset: 5n, leaderEpoch: 0 },
      { topic: 'pg-t', partition: 2, offset: 7n, leaderEpoch: 0 },
    ] });
    const committed = await c.listCommittedOffsets({ topics: [{ topic: 'pg-t', partitions: [0, 1, 2] }] });
    expect(committed.get('pg-t')).toEqual([5n, -1n, 7n]);

    // A second group with offsets set from outside group management (generation -1).
    await admin.alterConsumerGroupOffsets({ groupId: 'pg-other', topics: [{ name: 'pg-t', partitionOffsets: [{ partition: 3, offset: 42n }] }] });
    const both = await admin.listConsumerGroupOffsets({ groups: ['pg-commit', { groupId: 'pg-other', topics: [{ name: 'pg-t', partitionIndexes: [3] }] }, 'pg-none'] });
    const view = both.map((g) => [g.groupId, g.topics.flatMap((t) => t.partitions.map((p) => [t.name, p.partitionIndex, p.committedOffset]))]);
    expect(view).toEqual([
      ['pg-commit', [['pg-t', 0, 5n], ['pg-t', 2, 7n]]],
      ['pg-other', [['pg-t', 3, 42n]]],
      ['pg-none', []],
    ]);

    // OffsetDelete v0 removes pg-other's only offset.
    await admin.deleteConsumerGroupOffsets({ groupId: 'pg-other', topics: [{ name: 'pg-t', partitionIndexes: [3] }] });
    const [other] = await admin.listConsumerGroupOffsets({ groups: ['pg-other'] });
    expect(other?.topics).toEqual([]);
    await c.leaveGroup();
  });

  it('admin: FindCoordinator v4 for several groups, ListGroups v5 with a state filter, DeleteGroups v2', async () => {
    const found = await admin.findCoordinator({ keyType: 0, keys: ['pg-commit', 'pg-other'] });
    expect(found.map((f) => [f.key, f.nodeId, f.host, f.port])).toEqual([
      ['pg-commit', 0, '127.0.0.1', broker.port],
      ['pg-other', 0, '127.0.0.1', broker.port],
    ]);

    const live = consumer('pg-live', 'plat-live');
    live.topics.track('pg-t');
    await live.joinGroup({});
    const all = await admin.listGroups();
    expect(all.get('pg-live')).toMatchObject({ id: 'pg-live', state: 'STABLE', groupType: 'classic', protocolType: 'consumer' });
    expect(all.get('pg-other')).toMatchObject({ state: 'EMPTY', protocolType: '' });
    const stable = await admin.listGroups({ states: ['STABLE'] });
    expect([...stable.keys()]).toEqual(['pg-live']);

    await expect(admin.deleteGroups({ groups: ['pg-live'] })).rejects.toThrow();
    await live.leaveGroup();
    await admin.deleteGroups({ groups: ['pg-live', 'pg-other'] });
    const after = await admin.listGroups();
    expect(after.has('pg-live')).toBe(false);
    expect(after.has('pg-other')).toBe(false);
  });
});
