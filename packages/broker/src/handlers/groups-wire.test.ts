// The group handlers at the byte level, version by version, with requests encoded from Kafka's message specs
// and sent over a real socket: the behaviours real clients only hit at one version each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors.ts';
import { decode, encodeToBuffer } from '../protocol/codec.ts';
import { ApiKey, schemas, type ApiMessages, type ApiName } from '../protocol/generated/messages.ts';
import { Reader } from '../protocol/reader.ts';
import { subscription } from '../coordinator/test-harness.ts';
import { RawClient, startTestBroker, type TestBroker } from '../server/testing.ts';

let broker: TestBroker;
let client: RawClient;
let correlation = 0;

beforeAll(async () => {
  broker = await startTestBroker({}, { coordinator: { initialRebalanceDelayMs: 0, offsetsTopicPartitions: 3 } });
  await broker.store.createTopic('t', 2);
  await broker.store.createTopic('other', 1);
  client = new RawClient(broker.port);
  await client.ready;
});

afterAll(async () => {
  client?.end();
  await broker?.destroy();
});

async function call<N extends ApiName>(api: N, version: number, body: object): Promise<ApiMessages[N]['response']> {
  const request = schemas[`${api}Request`];
  const response = schemas[`${api}Response`];
  client.request(ApiKey[api], version, ++correlation, encodeToBuffer(request, version, body));
  const frame = await client.next();
  if (!frame) throw new Error('connection closed');
  expect(frame.readInt32BE(0)).toBe(correlation);
  return decode(response, version, new Reader(frame, 4));
}

const protocols = [{ name: 'range', metadata: subscription(['t']) }];

describe('FindCoordinator', () => {
  it('names this broker for groups (v0 and v2) and creates __consumer_offsets as an internal topic', async () => {
    const v0 = await call('FindCoordinator', 0, { key: 'g' });
    expect(v0).toMatchObject({ errorCode: 0, nodeId: 0, host: '127.0.0.1', port: broker.port });
    const v2 = await call('FindCoordinator', 2, { key: 'g', keyType: 0 });
    expect(v2).toMatchObject({ errorCode: 0, port: broker.port, errorMessage: null });
    expect(broker.store.getTopic('__consumer_offsets')).toMatchObject({ internal: true, partitions: 3 });
    const txn = await call('FindCoordinator', 2, { key: 'tx', keyType: 1 });
    expect(txn.errorCode).toBe(ErrorCode.INVALID_REQUEST);
  });
});

describe('JoinGroup / SyncGroup / Heartbeat / LeaveGroup across versions', () => {
  it('v4 requires a member id; v0 joins in one step; v3 LeaveGroup removes a batch', async () => {
    const first = await call('JoinGroup', 4, { groupId: 'wire', sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, memberId: '', protocolType: 'consumer', protocols });
    expect(first.errorCode).toBe(ErrorCode.MEMBER_ID_REQUIRED);
    expect(first.memberId).toMatch(/^raw-test-/);
    const joined = await call('JoinGroup', 4, { groupId: 'wire', sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, memberId: first.memberId, protocolType: 'consumer', protocols });
    expect(joined).toMatchObject({ errorCode: 0, generationId: 1, protocolName: 'range', leader: first.memberId, memberId: first.memberId });
    expect(joined.members.map((m) => m.memberId)).toEqual([first.memberId]);
    const synced = await call('SyncGroup', 3, { groupId: 'wire', generationId: 1, memberId: first.memberId, groupInstanceId: null, assignments: [{ memberId: first.memberId, assignment: Buffer.from('asg') }] });
    expect(synced).toMatchObject({ errorCode: 0, assignment: Buffer.from('asg') });
    expect(await call('Heartbeat', 0, { groupId: 'wire', generationId: 1, memberId: first.memberId })).toMatchObject({ errorCode: 0 });
    expect(await call('Heartbeat', 3, { groupId: 'wire', generationId: 2, memberId: first.memberId, groupInstanceId: null })).toMatchObject({ errorCode: ErrorCode.ILLEGAL_GENERATION });

    const left = await call('LeaveGroup', 3, { groupId: 'wire', members: [{ memberId: first.memberId, groupInstanceId: null }, { memberId: 'nobody', groupInstanceId: null }] });
    expect(left.errorCode).toBe(0);
    expect(left.members?.map((m) => m.errorCode)).toEqual([0, ErrorCode.UNKNOWN_MEMBER_ID]);
    // v0-2 answer with the single member's error.
    expect(await call('LeaveGroup', 0, { groupId: 'wire', memberId: 'nobody' })).toMatchObject({ errorCode: ErrorCode.UNKNOWN_MEMBER_ID });

    const v0 = await call('JoinGroup', 0, { groupId: 'wire-v0', sessionTimeoutMs: 10_000, memberId: '', protocolType: 'consumer', protocols });
    expect(v0).toMatchObject({ errorCode: 0, generationId: 1, leader: v0.memberId });
    const bad = await call('JoinGroup', 1, { groupId: 'wire-v0', sessionTimeoutMs: 1, rebalanceTimeoutMs: 1, memberId: '', protocolType: 'consumer', protocols });
    expect(bad).toMatchObject({ errorCode: ErrorCode.INVALID_SESSION_TIMEOUT, generationId: -1, protocolName: '', leader: '' });
  });
});

describe('OffsetCommit / OffsetFetch / OffsetDelete across versions', () => {
  it('round-trips offsets and metadata, rejects unknown topics, fetches all partitions with null topics (v2+)', async () => {
    const v1 = await call('OffsetCommit', 1, {
      groupId: 'offsets',
      generationIdOrMemberEpoch: -1,
      memberId: '',
      topics: [
        { name: 't', partitions: [{ partitionIndex: 1, committedOffset: 11n, commitTimestamp: -1n, committedMetadata: 'one' }] },
        { name: 'missing', partitions: [{ partitionIndex: 0, committedOffset: 1n, commitTimestamp: -1n, committedMetadata: null }] },
      ],
    });
    expect(v1.topics).toEqual([
      { name: 'missing', partitions: [{ partitionIndex: 0, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION }] },
      { name: 't', partitions: [{ partitionIndex: 1, errorCode: 0 }] },
    ]);
    await call('OffsetCommit', 7, {
      groupId: 'offsets',
      generationIdOrMemberEpoch: -1,
      memberId: '',
      groupInstanceId: null,
      topics: [{ name: 'other', partitions: [{ partitionIndex: 0, committedOffset: 3n, committedLeaderEpoch: 4, committedMetadata: '' }] }],
    });
    const v1Fetch = await call('OffsetFetch', 1, { groupId: 'offsets', topics: [{ name: 't', partitionIndexes: [0, 1] }] });
    expect(v1Fetch.topics?.[0]?.partitions.map((p) => [p.partitionIndex, p.committedOffset, p.metadata, p.errorCode])).toEqual([
      [0, -1n, '', 0],
      [1, 11n, 'one', 0],
    ]);
    const all = await call('OffsetFetch', 5, { groupId: 'offsets', topics: null });
    expect(all.errorCode).toBe(0);
    expect(all.topics?.map((t) => [t.name, t.partitions.map((p) => [p.partitionIndex, p.committedOffset, p.committedLeaderEpoch, p.metadata])])).toEqual([
      ['t', [[1, 11n, -1, 'one']]],
      ['other', [[0, 3n, 4, '']]],
    ]);

    const deleted = await call('OffsetDelete', 0, { groupId: 'offsets', topics: [{ name: 't', partitions: [{ partitionIndex: 1 }] }, { name: 'missing', partitions: [{ partitionIndex: 0 }] }] });
    expect(deleted.errorCode).toBe(0);
    expect(deleted.topics.map((t) => [t.name, t.partitions.map((p) => p.errorCode)])).toEqual([
      ['t', [0]],
      ['missing', [ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]],
    ]);
    expect((await call('OffsetDelete', 0, { groupId: 'nope', topics: [] })).errorCode).toBe(ErrorCode.GROUP_ID_NOT_FOUND);
    const after = await call('OffsetFetch', 2, { groupId: 'offsets', topics: [{ name: 't', partitionIndexes: [1] }] });
    expect(after.topics?.[0]?.partitions[0]?.committedOffset).toBe(-1n);
  });

  it('refuses a commit from an old generation of a managed group', async () => {
    const j = await call('JoinGroup', 2, { groupId: 'managed', sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, memberId: '', protocolType: 'consumer', protocols });
    await call('SyncGroup', 0, { groupId: 'managed', generationId: j.generationId, memberId: j.memberId, assignments: [] });
    const commit = (generation: number) =>
      call('OffsetCommit', 2, {
        groupId: 'managed',
        generationIdOrMemberEpoch: generation,
        memberId: j.memberId,
        retentionTimeMs: -1n,
        topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: 1n, committedMetadata: null }] }],
      });
    expect((await commit(j.generationId)).topics[0]?.partitions[0]?.errorCode).toBe(0);
    expect((await commit(j.generationId - 1)).topics[0]?.partitions[0]?.errorCode).toBe(ErrorCode.ILLEGAL_GENERATION);
    await call('LeaveGroup', 1, { groupId: 'managed', memberId: j.memberId });
  });
});

describe('ListGroups / DescribeGroups / DeleteGroups', () => {
  it('lists, describes (with authorized operations from v3) and deletes groups', async () => {
    const j = await call('JoinGroup', 5, { groupId: 'described', sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, memberId: '', groupInstanceId: 'inst-1', protocolType: 'consumer', protocols });
    expect(j.memberId).toMatch(/^inst-1-/);
    await call('SyncGroup', 3, { groupId: 'described', generationId: 1, memberId: j.memberId, groupInstanceId: 'inst-1', assignments: [{ memberId: j.memberId, assignment: Buffer.from([1, 2]) }] });
    const listed = (await call('ListGroups', 2, {})).groups.map((g) => ({ groupId: g.groupId, protocolType: g.protocolType }));
    expect(listed).toContainEqual({ groupId: 'described', protocolType: 'consumer' });
    expect(listed).toContainEqual({ groupId: 'offsets', protocolType: '' });
    const d = await call('DescribeGroups', 4, { groups: ['described', 'unknown'], includeAuthorizedOperations: true });
    expect(d.groups[0]).toMatchObject({ errorCode: 0, groupId: 'described', groupState: 'Stable', protocolType: 'consumer', protocolData: 'range', authorizedOperations: 328 });
    expect(d.groups[0]?.members[0]).toMatchObject({ memberId: j.memberId, groupInstanceId: 'inst-1', clientId: 'raw-test', clientHost: '/127.0.0.1', memberAssignment: Buffer.from([1, 2]), memberMetadata: subscription(['t']) });
    expect(d.groups[1]).toMatchObject({ errorCode: 0, groupId: 'unknown', groupState: 'Dead', members: [] });
    const v0 = await call('DescribeGroups', 0, { groups: ['described'] });
    expect(v0.groups[0]?.groupState).toBe('Stable');

    const del = await call('DeleteGroups', 1, { groupsNames: ['described', 'offsets', 'unknown'] });
    expect(del.results.map((r) => [r.groupId, r.errorCode])).toEqual([
      ['described', ErrorCode.NON_EMPTY_GROUP],
      ['offsets', 0],
      ['unknown', ErrorCode.GROUP_ID_NOT_FOUND],
    ]);
    // Removing the static member by its instance id empties the group; then it can be deleted.
    const left = await call('LeaveGroup', 3, { groupId: 'described', members: [{ memberId: '', groupInstanceId: 'inst-1' }] });
    expect(left.members?.[0]?.errorCode).toBe(0);
    expect((await call('DeleteGroups', 0, { groupsNames: ['described'] })).results[0]?.errorCode).toBe(0);
  });
});
