// Transition tests for committed offsets, group deletion, offset retention and replay, over a fake clock.
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors.ts';
import { GroupCoordinatorMachine } from './state-machine.ts';
import { Harness } from './test-harness.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('OffsetCommit and OffsetFetch', () => {
  it('accepts generation -1 commits from a client that assigns partitions itself and returns metadata as stored', () => {
    const h = new Harness();
    const t = h.commit({ offsets: { 't:0': 42n, 't:1': 7n }, metadata: 'checkpoint {"a":1} ü' });
    expect(h.commits.get(t)?.map((r) => r.errorCode)).toEqual([0, 0]);
    const fetched = h.machine.fetchOffsets('g', [
      { topic: 't', partition: 0 },
      { topic: 't', partition: 2 },
    ]);
    expect(fetched[0]).toMatchObject({ offset: 42n, metadata: 'checkpoint {"a":1} ü', errorCode: 0 });
    expect(fetched[1]).toMatchObject({ offset: -1n, metadata: '', errorCode: 0 });
    expect(h.machine.fetchOffsets('g', null).map((o) => [o.topic, o.partition, o.offset])).toEqual([
      ['t', 0, 42n],
      ['t', 1, 7n],
    ]);
    expect(h.machine.listGroups()).toEqual([{ groupId: 'g', protocolType: '', state: 'Empty' }]);
    // Null metadata is stored as the empty string, as Kafka does.
    h.commit({ offsets: { 't:0': 43n }, metadata: null });
    expect(h.machine.fetchOffsets('g', [{ topic: 't', partition: 0 }])[0]?.metadata).toBe('');
  });

  it('acknowledges and applies a commit only once it is persisted, and maps a failed write', () => {
    const h = new Harness();
    h.autoPersist = false;
    const t = h.commit({ offsets: { 't:0': 10n } });
    expect(h.commits.has(t)).toBe(false);
    expect(h.machine.fetchOffsets('g', [{ topic: 't', partition: 0 }])[0]?.offset).toBe(-1n);
    expect(h.persisted[0]).toMatchObject({ type: 'offset', groupId: 'g', topic: 't', partition: 0, value: { offset: 10n, commitTimestamp: BigInt(h.time), expireTimestamp: -1n } });
    h.apply(h.machine.persisted(h.pendingPersists.shift() ?? -1, null));
    expect(h.commits.get(t)?.[0]?.errorCode).toBe(0);
    const t2 = h.commit({ offsets: { 't:0': 11n } });
    h.apply(h.machine.persisted(h.pendingPersists.shift() ?? -1, 'UNKNOWN_TOPIC_OR_PARTITION'));
    expect(h.commits.get(t2)?.[0]?.errorCode).toBe(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    expect(h.machine.fetchOffsets('g', [{ topic: 't', partition: 0 }])[0]?.offset).toBe(10n);
  });

  it('never lets an earlier commit that finished later overwrite a later one', () => {
    const h = new Harness();
    h.autoPersist = false;
    h.commit({ offsets: { 't:0': 1n } });
    h.commit({ offsets: { 't:0': 2n } });
    const [first = -1, second = -1] = h.pendingPersists;
    h.apply(h.machine.persisted(second, null));
    h.apply(h.machine.persisted(first, null));
    expect(h.machine.fetchOffsets('g', [{ topic: 't', partition: 0 }])[0]?.offset).toBe(2n);
  });

  it('checks member, generation and state of commits to a managed group', () => {
    const h = new Harness();
    const a = h.formGroup();
    const code = (t: number) => h.commits.get(t)?.[0]?.errorCode;
    expect(code(h.commit({ memberId: a.memberId, generationId: a.generation }))).toBe(0);
    expect(code(h.commit({}))).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(code(h.commit({ memberId: 'ghost', generationId: a.generation }))).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(code(h.commit({ memberId: a.memberId, generationId: a.generation - 1 }))).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect(code(h.commit({ groupId: 'nobody', memberId: 'x', generationId: 3 }))).toBe(ErrorCode.ILLEGAL_GENERATION);
    // PreparingRebalance still accepts the current generation's commits; CompletingRebalance does not.
    const tb = h.join({ clientId: 'b' });
    expect(code(h.commit({ memberId: a.memberId, generationId: a.generation }))).toBe(0);
    h.join({ memberId: a.memberId });
    expect(h.joinResult(tb).generationId).toBe(a.generation + 1);
    expect(code(h.commit({ memberId: a.memberId, generationId: a.generation + 1 }))).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    expect(code(h.commit({ metadata: 'x'.repeat(5000) }))).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });

  it('rejects metadata over offset.metadata.max.bytes per partition', () => {
    const h = new Harness({ maxMetadataBytes: 10 });
    const t = h.commit({ metadata: 'x'.repeat(11) });
    expect(h.commits.get(t)?.[0]?.errorCode).toBe(ErrorCode.OFFSET_METADATA_TOO_LARGE);
  });
});

describe('DeleteGroups and OffsetDelete', () => {
  it('refuses to delete a group with members and deletes an empty one with tombstones', () => {
    const h = new Harness();
    h.formGroup();
    h.commit({ groupId: 'simple', offsets: { 't:0': 1n } });
    const { results, effects } = h.machine.deleteGroups(['g', 'simple', 'missing']);
    h.apply(effects);
    expect(results.map((r) => r.errorCode)).toEqual([ErrorCode.NON_EMPTY_GROUP, 0, ErrorCode.GROUP_ID_NOT_FOUND]);
    expect(h.persisted.slice(-2)).toEqual([
      { type: 'offset', groupId: 'simple', topic: 't', partition: 0, value: null },
      { type: 'group', groupId: 'simple', value: null },
    ]);
    expect(h.machine.describeGroup('simple').state).toBe('Dead');
    expect(h.machine.fetchOffsets('simple', [{ topic: 't', partition: 0 }])[0]?.offset).toBe(-1n);
  });

  it('refuses OffsetDelete for a topic the members subscribe to (GROUP_SUBSCRIBED_TO_TOPIC)', () => {
    const h = new Harness();
    const a = h.formGroup();
    h.commit({ memberId: a.memberId, generationId: a.generation, offsets: { 't:0': 1n, 'other:0': 2n } });
    const out = h.machine.deleteOffsets('g', [
      { topic: 't', partition: 0 },
      { topic: 'other', partition: 0 },
    ]);
    h.apply(out.effects);
    expect(out.results.map((r) => r.errorCode)).toEqual([ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC, 0]);
    expect(h.machine.fetchOffsets('g', null).map((o) => o.topic)).toEqual(['t']);
    expect(h.machine.deleteOffsets('missing', []).errorCode).toBe(ErrorCode.GROUP_ID_NOT_FOUND);
  });
});

describe('offset retention', () => {
  it('expires the offsets of a group that has been empty for offsets.retention, then the group', () => {
    const h = new Harness();
    const a = h.formGroup();
    h.commit({ memberId: a.memberId, generationId: a.generation });
    h.leave(a.memberId);
    expect(h.state()).toBe('Empty');
    h.advance(7 * DAY - 60_000);
    expect(h.machine.fetchOffsets('g', null)).toHaveLength(1);
    h.advance(11 * 60_000);
    expect(h.machine.fetchOffsets('g', null)).toHaveLength(0);
    expect(h.state()).toBe('Dead');
    expect(h.persisted.slice(-2)).toEqual([
      { type: 'offset', groupId: 'g', topic: 't', partition: 0, value: null },
      { type: 'group', groupId: 'g', value: null },
    ]);
  });

  it('keeps offsets of a Stable group for topics it still subscribes to', () => {
    const h = new Harness();
    const r = h.joinResult(h.join({ sessionTimeoutMs: 1_800_000 }));
    h.sync(r.memberId, r.generationId);
    const a = { memberId: r.memberId, generation: r.generationId };
    h.commit({ memberId: a.memberId, generationId: a.generation, offsets: { 't:0': 1n, 'gone:0': 1n } });
    for (let day = 0; day < 8; day++) {
      for (let i = 0; i < 58; i++) {
        h.advance(25 * 60_000);
        h.heartbeat(a.memberId, a.generation);
      }
    }
    expect(h.state()).toBe('Stable');
    expect(h.machine.fetchOffsets('g', null).map((o) => o.topic)).toEqual(['t']);
  });

  it('honours an explicit retention time from OffsetCommit v2-4', () => {
    const h = new Harness();
    h.commit({ retentionTimeMs: 60_000n });
    expect(h.persisted[0]).toMatchObject({ value: { expireTimestamp: BigInt(h.time + 60_000) } });
    h.advance(11 * 60_000);
    expect(h.machine.fetchOffsets('g', null)).toHaveLength(0);
  });
});

describe('replay', () => {
  it('rebuilds groups and offsets from persisted records; restored members must heartbeat', () => {
    const h = new Harness();
    const a = h.formGroup(Buffer.from('assignment'));
    h.commit({ memberId: a.memberId, generationId: a.generation, offsets: { 't:0': 9n }, metadata: 'm' });
    h.commit({ groupId: 'simple', offsets: { 'u:3': 4n } });
    h.apply(h.machine.deleteGroups(['simple']).effects);
    h.commit({ groupId: 'simple2', offsets: { 'u:1': 5n } });

    let now = h.time;
    const restored = new GroupCoordinatorMachine({}, () => now);
    restored.load(h.persisted);
    expect(restored.listGroups().map((g) => [g.groupId, g.state]).sort()).toEqual([
      ['g', 'Stable'],
      ['simple2', 'Empty'],
    ]);
    const d = restored.describeGroup('g');
    expect(d.members[0]).toMatchObject({ memberId: a.memberId, assignment: Buffer.from('assignment') });
    expect(restored.fetchOffsets('g', null)[0]).toMatchObject({ offset: 9n, metadata: 'm' });
    expect(restored.heartbeat({ groupId: 'g', memberId: a.memberId, generationId: a.generation, groupInstanceId: null }).errorCode).toBe(0);
    now += 11_000;
    restored.tick();
    expect(restored.describeGroup('g').state).toBe('Empty');
  });
});
