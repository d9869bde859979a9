// The flexible versions of the group APIs at the byte level (request header v2, response header v1, compact
// fields), each version sent over a real socket: what @platformatic/kafka and newer Java clients use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors.ts';
import { decode, encodeToBuffer } from '../protocol/codec.ts';
import { isFlexible } from '../protocol/compile.ts';
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
  client = new RawClient(broker.port);
  await client.ready;
});

afterAll(async () => {
  client?.end();
  await broker?.destroy();
});

async function call<N extends ApiName>(api: N, version: number, body: ApiMessages[N]['request']): Promise<ApiMessages[N]['response']> {
  const request = schemas[`${api}Request`];
  const response = schemas[`${api}Response`];
  client.request(ApiKey[api], version, ++correlation, encodeToBuffer(request, version, body as object), isFlexible(request, version));
  const frame = await client.next();
  if (!frame) throw new Error(`${api} v${version}: connection closed`);
  expect(frame.readInt32BE(0)).toBe(correlation);
  const reader = new Reader(frame, isFlexible(response, version) ? 5 : 4);
  const decoded = decode<ApiMessages[N]['response']>(response, version, reader);
  expect(reader.remaining(), `${api} v${version} trailing bytes`).toBe(0);
  return decoded;
}

const protocols = [{ name: 'range', metadata: subscription(['t']) }];
const timeouts = { sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000 };

/** A one-member group, joined (JoinGroup v6) and synced (SyncGroup v4): its member id. */
async function stableGroup(groupId: string, groupInstanceId: string | null = null): Promise<string> {
  let memberId = '';
  if (groupInstanceId === null) {
    const first = await call('JoinGroup', 6, { groupId, ...timeouts, memberId: '', groupInstanceId, protocolType: 'consumer', protocols });
    expect(first.errorCode).toBe(ErrorCode.MEMBER_ID_REQUIRED);
    memberId = first.memberId;
  }
  const joined = await call('JoinGroup', 6, { groupId, ...timeouts, memberId, groupInstanceId, protocolType: 'consumer', protocols });
  expect(joined).toMatchObject({ errorCode: 0, generationId: 1, protocolName: 'range', leader: joined.memberId });
  const synced = await call('SyncGroup', 4, { groupId, generationId: 1, memberId: joined.memberId, groupInstanceId, assignments: [{ memberId: joined.memberId, assignment: Buffer.from('A') }] });
  expect(synced).toMatchObject({ errorCode: 0, assignment: Buffer.from('A') });
  return joined.memberId;
}

describe('FindCoordinator v3-4', () => {
  it('v3 answers one key; v4 answers each key of a batch, with its own error', async () => {
    expect(await call('FindCoordinator', 3, { key: 'g', keyType: 0 })).toMatchObject({ errorCode: 0, nodeId: 0, host: '127.0.0.1', port: broker.port });
    const v4 = await call('FindCoordinator', 4, { keyType: 0, coordinatorKeys: ['g1', 'g2'] });
    expect(v4.coordinators).toEqual([
      { key: 'g1', nodeId: 0, host: '127.0.0.1', port: broker.port, errorCode: 0, errorMessage: null },
      { key: 'g2', nodeId: 0, host: '127.0.0.1', port: broker.port, errorCode: 0, errorMessage: null },
    ]);
    const txn = await call('FindCoordinator', 4, { keyType: 1, coordinatorKeys: ['tx'] });
    expect(txn.coordinators?.map((c) => [c.key, c.errorCode, c.nodeId])).toEqual([['tx', ErrorCode.INVALID_REQUEST, -1]]);
    expect((await call('FindCoordinator', 4, { keyType: 0, coordinatorKeys: [] })).coordinators).toEqual([]);
  });
});

describe('JoinGroup v6-9, SyncGroup v4-5, Heartbeat v4, LeaveGroup v4-5', () => {
  it('v7 returns the protocol type and a null protocol name on error; v8 takes a reason', async () => {
    const bad = await call('JoinGroup', 7, { groupId: 'j7', sessionTimeoutMs: 1, rebalanceTimeoutMs: 1, memberId: '', groupInstanceId: null, protocolType: 'consumer', protocols });
    expect(bad).toMatchObject({ errorCode: ErrorCode.INVALID_SESSION_TIMEOUT, protocolType: null, protocolName: null });
    const first = await call('JoinGroup', 8, { groupId: 'j7', ...timeouts, memberId: '', groupInstanceId: null, protocolType: 'consumer', protocols, reason: 'starting' });
    const joined = await call('JoinGroup', 7, { groupId: 'j7', ...timeouts, memberId: first.memberId, groupInstanceId: null, protocolType: 'consumer', protocols });
    expect(joined).toMatchObject({ errorCode: 0, generationId: 1, protocolType: 'consumer', protocolName: 'range' });
    await call('LeaveGroup', 4, { groupId: 'j7', members: [{ memberId: joined.memberId, groupInstanceId: null }] });
  });

  it('SyncGroup v5 checks and returns the protocol type and name', async () => {
    const first = await call('JoinGroup', 9, { groupId: 's5', ...timeouts, memberId: '', groupInstanceId: null, protocolType: 'consumer', protocols, reason: null });
    const joined = await call('JoinGroup', 9, { groupId: 's5', ...timeouts, memberId: first.memberId, groupInstanceId: null, protocolType: 'consumer', protocols, reason: null });
    expect(joined).toMatchObject({ errorCode: 0, skipAssignment: false, members: [{ memberId: first.memberId }] });
    const sync = (protocolType: string | null, protocolName: string | null) =>
      call('SyncGroup', 5, { groupId: 's5', generationId: 1, memberId: first.memberId, groupInstanceId: null, protocolType, protocolName, assignments: [{ memberId: first.memberId, assignment: Buffer.from('x') }] });
    expect(await sync('connect', 'range')).toMatchObject({ errorCode: ErrorCode.INCONSISTENT_GROUP_PROTOCOL, protocolType: null, protocolName: null });
    expect(await sync('consumer', 'roundrobin')).toMatchObject({ errorCode: ErrorCode.INCONSISTENT_GROUP_PROTOCOL });
    expect(await sync('consumer', 'range')).toEqual({ throttleTimeMs: 0, errorCode: 0, protocolType: 'consumer', protocolName: 'range', assignment: Buffer.from('x') });
    // Null fields are not checked (what a v5 client that does not know them sends).
    expect(await sync(null, null)).toMatchObject({ errorCode: 0, protocolType: 'consumer', protocolName: 'range' });
    expect(await call('Heartbeat', 4, { groupId: 's5', generationId: 1, memberId: first.memberId, groupInstanceId: null })).toEqual({ throttleTimeMs: 0, errorCode: 0 });
    expect((await call('Heartbeat', 4, { groupId: 's5', generationId: 0, memberId: first.memberId, groupInstanceId: null })).errorCode).toBe(ErrorCode.ILLEGAL_GENERATION);

    const left = await call('LeaveGroup', 5, { groupId: 's5', members: [{ memberId: first.memberId, groupInstanceId: null, reason: 'shutting down' }, { memberId: 'ghost', groupInstanceId: null, reason: null }] });
    expect(left).toEqual({
      throttleTimeMs: 0,
      errorCode: 0,
      members: [
        { memberId: first.memberId, groupInstanceId: null, errorCode: 0 },
        { memberId: 'ghost', groupInstanceId: null, errorCode: ErrorCode.UNKNOWN_MEMBER_ID },
      ],
    });
  });

  it('JoinGroup v9 tells a restarted static leader to skip the assignment; v5 gives it the old leader id instead', async () => {
    const old = await stableGroup('static9', 'inst-9');
    const v5 = await call('JoinGroup', 5, { groupId: 'static9', ...timeouts, memberId: '', groupInstanceId: 'inst-9', protocolType: 'consumer', protocols });
    expect(v5).toMatchObject({ errorCode: 0, generationId: 1, leader: old, members: [] });
    const v9 = await call('JoinGroup', 9, { groupId: 'static9', ...timeouts, memberId: '', groupInstanceId: 'inst-9', protocolType: 'consumer', protocols, reason: 'restart' });
    expect(v9).toMatchObject({ errorCode: 0, generationId: 1, leader: v9.memberId, skipAssignment: true, protocolType: 'consumer', protocolName: 'range' });
    expect(v9.members).toEqual([{ memberId: v9.memberId, groupInstanceId: 'inst-9', metadata: subscription(['t']) }]);
    // The stored assignment stays; the earlier incarnations are fenced.
    const synced = await call('SyncGroup', 5, { groupId: 'static9', generationId: 1, memberId: v9.memberId, groupInstanceId: 'inst-9', protocolType: 'consumer', protocolName: 'range', assignments: [] });
    expect(synced).toMatchObject({ errorCode: 0, assignment: Buffer.from('A') });
    expect((await call('Heartbeat', 4, { groupId: 'static9', generationId: 1, memberId: v5.memberId, groupInstanceId: 'inst-9' })).errorCode).toBe(ErrorCode.FENCED_INSTANCE_ID);
  });
});

describe('OffsetCommit v8, OffsetFetch v6-8', () => {
  it('commits with v8 and fetches one group (v6, v7 with require_stable) or several at once (v8)', async () => {
    const memberId = await stableGroup('off8');
    const commit = await call('OffsetCommit', 8, {
      groupId: 'off8',
      generationIdOrMemberEpoch: 1,
      memberId,
      groupInstanceId: null,
      topics: [
        { name: 't', partitions: [{ partitionIndex: 1, committedOffset: 9n, committedLeaderEpoch: 2, committedMetadata: 'm' }] },
        { name: 'missing', partitions: [{ partitionIndex: 0, committedOffset: 1n, committedLeaderEpoch: -1, committedMetadata: null }] },
      ],
    });
    expect(commit.topics.map((t) => [t.name, t.partitions.map((p) => [p.partitionIndex, p.errorCode])])).toEqual([
      ['missing', [[0, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]]],
      ['t', [[1, 0]]],
    ]);
    const stale = await call('OffsetCommit', 8, { groupId: 'off8', generationIdOrMemberEpoch: 0, memberId, groupInstanceId: null, topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: 1n, committedLeaderEpoch: -1, committedMetadata: null }] }] });
    expect(stale.topics[0]?.partitions[0]?.errorCode).toBe(ErrorCode.ILLEGAL_GENERATION);
    await call('OffsetCommit', 8, { groupId: 'other8', generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null, topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: 4n, committedLeaderEpoch: -1, committedMetadata: '' }] }] });

    const v6 = await call('OffsetFetch', 6, { groupId: 'off8', topics: [{ name: 't', partitionIndexes: [0, 1] }] });
    expect(v6.errorCode).toBe(0);
    expect(v6.topics?.[0]?.partitions.map((p) => [p.partitionIndex, p.committedOffset, p.committedLeaderEpoch, p.metadata])).toEqual([
      [0, -1n, -1, ''],
      [1, 9n, 2, 'm'],
    ]);
    const v7 = await call('OffsetFetch', 7, { groupId: 'off8', topics: null, requireStable: true });
    expect(v7.topics?.map((t) => [t.name, t.partitions.map((p) => p.committedOffset)])).toEqual([['t', [9n]]]);

    const v8 = await call('OffsetFetch', 8, {
      groups: [
        { groupId: 'off8', topics: [{ name: 't', partitionIndexes: [1] }] },
        { groupId: 'other8', topics: null },
        { groupId: 'nobody', topics: null },
        { groupId: 'nobody', topics: [{ name: 't', partitionIndexes: [0] }] },
      ],
      requireStable: false,
    });
    expect(v8.groups?.map((g) => [g.groupId, g.errorCode, g.topics.map((t) => [t.name, t.partitions.map((p) => [p.partitionIndex, p.committedOffset, p.metadata])])])).toEqual([
      ['off8', 0, [['t', [[1, 9n, 'm']]]]],
      ['other8', 0, [['t', [[0, 4n, '']]]]],
      ['nobody', 0, []],
      ['nobody', 0, [['t', [[0, -1n, '']]]]],
    ]);
  });
});

describe('ListGroups v3-5, DescribeGroups v5, DeleteGroups v2', () => {
  it('filters by state (v4, case-insensitive) and type (v5), describes and deletes', async () => {
    await stableGroup('listed');
    await call('OffsetCommit', 8, { groupId: 'offsets-only', generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null, topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: 1n, committedLeaderEpoch: -1, committedMetadata: null }] }] });
    const names = (groups: { groupId: string }[]) => groups.map((g) => g.groupId).filter((id) => id === 'listed' || id === 'offsets-only').sort();

    const v3 = await call('ListGroups', 3, {});
    expect(names(v3.groups)).toEqual(['listed', 'offsets-only']);
    const stable = await call('ListGroups', 4, { statesFilter: ['STABLE'] });
    expect(stable.groups.find((g) => g.groupId === 'listed')).toMatchObject({ groupId: 'listed', protocolType: 'consumer', groupState: 'Stable' });
    expect(stable.groups.every((g) => g.groupState === 'Stable')).toBe(true);
    expect(names((await call('ListGroups', 4, { statesFilter: ['empty', 'Dead'] })).groups)).toEqual(['offsets-only']);
    expect(names((await call('ListGroups', 4, { statesFilter: [] })).groups)).toEqual(['listed', 'offsets-only']);
    const classic = await call('ListGroups', 5, { statesFilter: [], typesFilter: ['Classic'] });
    expect(classic.groups.find((g) => g.groupId === 'offsets-only')).toEqual({ groupId: 'offsets-only', protocolType: '', groupState: 'Empty', groupType: 'classic' });
    expect((await call('ListGroups', 5, { statesFilter: [], typesFilter: ['consumer'] })).groups).toEqual([]);

    const d = await call('DescribeGroups', 5, { groups: ['listed', 'unknown'], includeAuthorizedOperations: false });
    expect(d.groups[0]).toMatchObject({ errorCode: 0, groupId: 'listed', groupState: 'Stable', protocolType: 'consumer', protocolData: 'range', authorizedOperations: -2147483648 });
    expect(d.groups[0]?.members[0]).toMatchObject({ clientId: 'raw-test', clientHost: '/127.0.0.1', memberAssignment: Buffer.from('A') });
    expect(d.groups[1]).toMatchObject({ groupId: 'unknown', groupState: 'Dead', members: [] });

    const del = await call('DeleteGroups', 2, { groupsNames: ['listed', 'offsets-only', 'unknown'] });
    expect(del.results.map((r) => [r.groupId, r.errorCode])).toEqual([
      ['listed', ErrorCode.NON_EMPTY_GROUP],
      ['offsets-only', 0],
      ['unknown', ErrorCode.GROUP_ID_NOT_FOUND],
    ]);
  });
});
