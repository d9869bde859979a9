// __consumer_offsets formats (golden bytes of Kafka's layouts), group placement, and a coordinator
// that commits, is closed, and is reopened over the same data directory.
import { rm } from 'node:fs/promises';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors.ts';
import { openLogStore } from '../log/index.ts';
import type { LogStore } from '../log/types.ts';
import { decodeBatch } from '../records/record.ts';
import { makeTempDir } from '../server/testing.ts';
import { GroupCoordinator } from './coordinator.ts';
import { OFFSETS_TOPIC } from './offsets-topic.ts';
import { decodeRecord, encodeGroupValue, encodeOffsetKey, encodeOffsetValue, encodeGroupKey, javaStringHashCode, partitionForGroup } from './records.ts';
import { subscription } from './test-harness.ts';

describe('record formats', () => {
  it('writes OffsetCommitKey v1 and OffsetCommitValue v3 (v1 with an explicit expiry) byte for byte', () => {
    expect(encodeOffsetKey('g', 't', 3).toString('hex')).toBe('0001' + '000167' + '000174' + '00000003');
    const v3 = encodeOffsetValue({ offset: 42n, leaderEpoch: 5, metadata: 'm', commitTimestamp: 1000n, expireTimestamp: -1n });
    expect(v3.toString('hex')).toBe('0003' + '000000000000002a' + '00000005' + '00016d' + '00000000000003e8');
    const v1 = encodeOffsetValue({ offset: 1n, leaderEpoch: -1, metadata: '', commitTimestamp: 2n, expireTimestamp: 3n });
    expect(v1.toString('hex')).toBe('0001' + '0000000000000001' + '0000' + '0000000000000002' + '0000000000000003');
  });

  it('writes GroupMetadataKey v2 and GroupMetadataValue v3 byte for byte', () => {
    expect(encodeGroupKey('g').toString('hex')).toBe('0002000167');
    const value = encodeGroupValue({
      protocolType: 'consumer',
      generation: 1,
      protocol: 'range',
      leader: 'm',
      currentStateTimestamp: 7n,
      members: [{ memberId: 'm', groupInstanceId: null, clientId: 'c', clientHost: '/h', rebalanceTimeoutMs: 2, sessionTimeoutMs: 3, subscription: Buffer.from([9]), assignment: Buffer.alloc(0) }],
    });
    const hex = (s: string) => Buffer.from(s).toString('hex');
    expect(value.toString('hex')).toBe(
      '0003' + '0008' + hex('consumer') + '00000001' + '0005' + hex('range') + '0001' + hex('m') + '0000000000000007' + '00000001' +
        '0001' + hex('m') + 'ffff' + '0001' + hex('c') + '0002' + hex('/h') + '00000002' + '00000003' + '0000000109' + '00000000',
    );
  });

  it('reads back what it writes, and tombstones as null values', () => {
    const value = { offset: 9n, leaderEpoch: -1, metadata: 'x', commitTimestamp: 5n, expireTimestamp: -1n };
    expect(decodeRecord(encodeOffsetKey('g', 't', 1), encodeOffsetValue(value))).toEqual({ type: 'offset', groupId: 'g', topic: 't', partition: 1, value });
    expect(decodeRecord(encodeGroupKey('g'), null)).toEqual({ type: 'group', groupId: 'g', value: null });
  });

  it("places a group like Kafka: abs(Java String.hashCode) % partitions", () => {
    expect(javaStringHashCode('hello')).toBe(99162322);
    expect(partitionForGroup('hello', 50)).toBe(22);
    // Its hash is Integer.MIN_VALUE, whose Kafka Utils.abs is 0.
    expect(javaStringHashCode('polygenelubricants')).toBe(-2147483648);
    expect(partitionForGroup('polygenelubricants', 50)).toBe(0);
    expect(partitionForGroup('ab', 50)).toBe(javaStringHashCode('ab') % 50);
  });
});

describe('GroupCoordinator over a real log', () => {
  let dir = '';
  let store: LogStore | undefined;
  const logger = pino({ level: 'silent' });

  afterEach(async () => {
    await store?.close();
    store = undefined;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('persists commits and group metadata to __consumer_offsets and replays them on reopen', async () => {
    dir = await makeTempDir('brook-coord-');
    store = await openLogStore(dir, { fsync: true });
    await store.createTopic('t', 2);
    let c = await GroupCoordinator.open(store, { offsetsTopicPartitions: 5, initialRebalanceDelayMs: 0 }, logger);
    const join = await c.join({
      groupId: 'app',
      memberId: '',
      groupInstanceId: null,
      sessionTimeoutMs: 10_000,
      rebalanceTimeoutMs: 10_000,
      protocolType: 'consumer',
      protocols: [{ name: 'range', metadata: subscription(['t']) }],
      clientId: 'cli',
      clientHost: '/127.0.0.1',
      requireKnownMemberId: false,
    });
    expect(join.errorCode).toBe(0);
    const sync = await c.sync({ groupId: 'app', generationId: 1, memberId: join.memberId, groupInstanceId: null, protocolType: null, protocolName: null, assignments: new Map([[join.memberId, Buffer.from('A')]]) });
    expect(sync.assignment.toString()).toBe('A');
    const results = await c.commit({
      groupId: 'app',
      generationId: 1,
      memberId: join.memberId,
      groupInstanceId: null,
      retentionTimeMs: -1n,
      partitions: [{ topic: 't', partition: 1, offset: 17n, leaderEpoch: -1, metadata: 'meta', commitTimestamp: -1n }],
    });
    expect(results.map((r) => r.errorCode)).toEqual([0]);
    expect(store.getTopic(OFFSETS_TOPIC)).toMatchObject({ partitions: 5, internal: true });

    // The records sit in the group's partition in Kafka's formats.
    const log = store.partition(OFFSETS_TOPIC, partitionForGroup('app', 5));
    const { chunks } = await (log ?? expect.unreachable()).read(0n, 1 << 20);
    const decoded = chunks.flatMap((chunk) => splitBatches(chunk).flatMap((b) => decodeBatch(b)));
    const types = decoded.map((r) => (r.key ? decodeRecord(r.key, r.value)?.type : undefined));
    expect(types).toEqual(['group', 'offset']);

    c.close();
    await store.close();
    store = await openLogStore(dir, { fsync: true });
    c = await GroupCoordinator.open(store, { offsetsTopicPartitions: 5 }, logger);
    expect(c.fetchOffsets('app', [{ topic: 't', partition: 1 }])[0]).toMatchObject({ offset: 17n, metadata: 'meta' });
    const d = c.describeGroup('app');
    expect(d).toMatchObject({ state: 'Stable', protocolType: 'consumer', protocol: 'range' });
    expect(d.members[0]?.assignment.toString()).toBe('A');
    expect(c.deleteGroups(['app'])[0]?.errorCode).toBe(ErrorCode.NON_EMPTY_GROUP);
    c.close();
  });
});

describe('compaction of __consumer_offsets', () => {
  let dir = '';
  let store: LogStore | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('rewrites the live records and drops the rest, keeping every group and last commit across reopen', async () => {
    dir = await makeTempDir('brook-coord-compact-');
    store = await openLogStore(dir, { fsync: false });
    await store.createTopic('t', 1);
    const options = { offsetsTopicPartitions: 1, initialRebalanceDelayMs: 0, compactAfterRecords: 20 };
    let c = await GroupCoordinator.open(store, options, pino({ level: 'silent' }));
    const join = await c.join({
      groupId: 'members', memberId: '', groupInstanceId: null, sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000,
      protocolType: 'consumer', protocols: [{ name: 'range', metadata: subscription(['t']) }], clientId: 'c', clientHost: '/h', requireKnownMemberId: false,
    });
    await c.sync({ groupId: 'members', generationId: 1, memberId: join.memberId, groupInstanceId: null, protocolType: null, protocolName: null, assignments: new Map([[join.memberId, Buffer.from('A')]]) });
    const commit = (groupId: string, offset: bigint) =>
      c.commit({ groupId, generationId: -1, memberId: '', groupInstanceId: null, retentionTimeMs: -1n, partitions: [{ topic: 't', partition: 0, offset, leaderEpoch: -1, metadata: `m${offset}`, commitTimestamp: -1n }] });
    await commit('simple', 1n);
    for (let i = 0; i < 60; i++) await commit('busy', BigInt(i));
    // Let the last compaction finish: it is started after the last write completes.
    const log = store.partition(OFFSETS_TOPIC, 0) ?? expect.unreachable();
    for (let i = 0; i < 100 && log.logStartOffset() < 40n; i++) await new Promise((r) => setTimeout(r, 10));
    expect(log.logStartOffset()).toBeGreaterThanOrEqual(40n);
    expect(log.logEndOffset() - log.logStartOffset()).toBeLessThan(25n);

    c.close();
    await store.close();
    store = await openLogStore(dir, { fsync: false });
    c = await GroupCoordinator.open(store, options, pino({ level: 'silent' }));
    expect(c.fetchOffsets('busy', [{ topic: 't', partition: 0 }])[0]).toMatchObject({ offset: 59n, metadata: 'm59' });
    expect(c.fetchOffsets('simple', [{ topic: 't', partition: 0 }])[0]).toMatchObject({ offset: 1n, metadata: 'm1' });
    expect(c.describeGroup('members')).toMatchObject({ state: 'Stable', members: [expect.objectContaining({ memberId: join.memberId, assignment: Buffer.from('A') })] });
    expect(store.getTopic(OFFSETS_TOPIC)?.configs).toMatchObject({ 'retention.ms': '-1', 'cleanup.policy': 'compact' });
    c.close();
  });
});

function splitBatches(chunk: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let pos = 0; pos < chunk.length; ) {
    const size = 12 + chunk.readInt32BE(pos + 8);
    out.push(chunk.subarray(pos, pos + size));
    pos += size;
  }
  return out;
}
