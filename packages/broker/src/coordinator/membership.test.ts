// Transition tests for JoinGroup / SyncGroup / Heartbeat / LeaveGroup over a fake clock.
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors.ts';
import { VALID_PREVIOUS_STATES, canTransition } from './group-state.ts';
import { Harness, subscription } from './test-harness.ts';

describe('group state table', () => {
  it('allows exactly the transitions of Kafka ClassicGroupState', () => {
    expect(canTransition('Empty', 'PreparingRebalance')).toBe(true);
    expect(canTransition('PreparingRebalance', 'CompletingRebalance')).toBe(true);
    expect(canTransition('CompletingRebalance', 'Stable')).toBe(true);
    expect(canTransition('Stable', 'PreparingRebalance')).toBe(true);
    expect(canTransition('PreparingRebalance', 'Empty')).toBe(true);
    expect(canTransition('Empty', 'Stable')).toBe(false);
    expect(canTransition('Stable', 'CompletingRebalance')).toBe(false);
    expect(canTransition('Empty', 'CompletingRebalance')).toBe(false);
    expect(canTransition('Dead', 'Empty')).toBe(false);
    expect(VALID_PREVIOUS_STATES.Dead).toHaveLength(5);
  });
});

describe('JoinGroup and SyncGroup', () => {
  it('requires a member id from JoinGroup v4: MEMBER_ID_REQUIRED carries the generated id', () => {
    const h = new Harness();
    const first = h.joinResult(h.join({ requireKnownMemberId: true, clientId: 'c1' }));
    expect(first.errorCode).toBe(ErrorCode.MEMBER_ID_REQUIRED);
    expect(first.memberId).toBe('c1-id1');
    const second = h.joinResult(h.join({ requireKnownMemberId: true, clientId: 'c1', memberId: first.memberId }));
    expect(second).toMatchObject({ errorCode: 0, memberId: 'c1-id1', leader: 'c1-id1', generationId: 1, protocolName: 'range' });
    expect(second.members.map((m) => m.memberId)).toEqual(['c1-id1']);
    expect(h.state()).toBe('CompletingRebalance');
  });

  it('refuses members past group.max.size, pending member ids included', () => {
    const h = new Harness({ maxGroupSize: 2 });
    const a = h.formGroup();
    expect(h.joinResult(h.join({ requireKnownMemberId: true })).errorCode).toBe(ErrorCode.MEMBER_ID_REQUIRED);
    expect(h.joinResult(h.join({ requireKnownMemberId: true })).errorCode).toBe(ErrorCode.GROUP_MAX_SIZE_REACHED);
    expect(h.heartbeat(a.memberId, a.generation)).toBe(0);
  });

  it('a pending member id holds the rebalance until it rejoins or its session times out', () => {
    const h = new Harness();
    const a = h.formGroup();
    const pending = h.joinResult(h.join({ requireKnownMemberId: true }));
    expect(pending.errorCode).toBe(ErrorCode.MEMBER_ID_REQUIRED);
    // An unrelated member id is unknown; the leader rejoins but the pending member has not come back.
    const t = h.join({ memberId: a.memberId });
    expect(h.joins.has(t)).toBe(false);
    expect(h.state()).toBe('PreparingRebalance');
    h.advance(10_000);
    expect(h.joinResult(t)).toMatchObject({ errorCode: 0, generationId: a.generation + 1 });
  });

  it('elects the first member leader, gives only the leader the member list, and stabilises on the leader sync', () => {
    const h = new Harness();
    const a = h.formGroup();
    const tb = h.join({ clientId: 'b' });
    expect(h.state()).toBe('PreparingRebalance');
    expect(h.heartbeat(a.memberId, a.generation)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    const ta = h.join({ memberId: a.memberId });
    const ra = h.joinResult(ta);
    const rb = h.joinResult(tb);
    expect(ra.generationId).toBe(2);
    expect(ra.leader).toBe(a.memberId);
    expect(rb.leader).toBe(a.memberId);
    expect(ra.members).toHaveLength(2);
    expect(rb.members).toHaveLength(0);
    const sb = h.sync(rb.memberId, 2);
    expect(h.syncs.has(sb)).toBe(false);
    expect(h.heartbeat(rb.memberId, 2)).toBe(0);
    const sa = h.sync(a.memberId, 2, { [a.memberId]: Buffer.from('A'), [rb.memberId]: Buffer.from('B') });
    expect(h.syncResult(sa).assignment.toString()).toBe('A');
    expect(h.syncResult(sb).assignment.toString()).toBe('B');
    expect(h.state()).toBe('Stable');
    expect(h.persisted.at(-1)).toMatchObject({ type: 'group', groupId: 'g', value: { generation: 2, leader: a.memberId, protocol: 'range' } });
  });

  it('keeps SyncGroup parked until the assignment is persisted', () => {
    const h = new Harness();
    h.autoPersist = false;
    const r = h.joinResult(h.join({}));
    const s = h.sync(r.memberId, r.generationId, { [r.memberId]: Buffer.from('x') });
    expect(h.syncs.has(s)).toBe(false);
    expect(h.state()).toBe('CompletingRebalance');
    const id = h.pendingPersists.shift() ?? -1;
    h.apply(h.machine.persisted(id, null));
    expect(h.syncResult(s).assignment.toString()).toBe('x');
    expect(h.state()).toBe('Stable');
  });

  it('selects the protocol all members support, by vote, and rejects a member with none in common', () => {
    const h = new Harness();
    const m = (name: string) => ({ name, metadata: subscription(['t']) });
    const ta = h.join({ protocols: [m('roundrobin'), m('range')] });
    const a = h.joinResult(ta);
    expect(a.protocolName).toBe('roundrobin');
    h.sync(a.memberId, 1);
    const tb = h.join({ protocols: [m('range'), m('roundrobin')] });
    h.join({ memberId: a.memberId, protocols: [m('range'), m('roundrobin')] });
    expect(h.joinResult(tb).protocolName).toBe('range');
    const bad = h.joinResult(h.join({ protocols: [m('sticky')] }));
    expect(bad.errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    const wrongType = h.joinResult(h.join({ protocolType: 'connect' }));
    expect(wrongType.errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    const none = h.joinResult(h.join({ groupId: 'fresh', protocols: [] }));
    expect(none.errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
  });

  it('answers UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION and INVALID_SESSION_TIMEOUT where Kafka does', () => {
    const h = new Harness();
    expect(h.joinResult(h.join({ memberId: 'ghost' })).errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(h.joinResult(h.join({ sessionTimeoutMs: 10 })).errorCode).toBe(ErrorCode.INVALID_SESSION_TIMEOUT);
    expect(h.joinResult(h.join({ groupId: '' })).errorCode).toBe(ErrorCode.INVALID_GROUP_ID);
    const a = h.formGroup();
    expect(h.heartbeat('ghost', a.generation)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(h.heartbeat(a.memberId, a.generation + 1)).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect(h.syncResult(h.sync(a.memberId, 7)).errorCode).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect(h.syncResult(h.sync('ghost', a.generation)).errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(h.heartbeat(a.memberId, a.generation)).toBe(0);
    // During a rebalance, SyncGroup for the current generation is told to rejoin.
    h.join({ clientId: 'other' });
    expect(h.syncResult(h.sync(a.memberId, a.generation)).errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
  });

  it('a follower rejoining a Stable group with the same metadata gets the current generation without a rebalance', () => {
    const h = new Harness();
    const a = h.formGroup();
    const tb = h.join({ clientId: 'b' });
    h.join({ memberId: a.memberId });
    const b = h.joinResult(tb);
    h.sync(b.memberId, b.generationId);
    h.sync(a.memberId, b.generationId);
    expect(h.state()).toBe('Stable');
    const again = h.joinResult(h.join({ memberId: b.memberId }));
    expect(again).toMatchObject({ errorCode: 0, generationId: b.generationId, members: [] });
    expect(h.state()).toBe('Stable');
    // The leader rejoining forces a rebalance.
    h.join({ memberId: a.memberId });
    expect(h.state()).toBe('PreparingRebalance');
  });
});

describe('timeouts', () => {
  it('removes a silent member after its session timeout and rebalances the rest', () => {
    const h = new Harness();
    const a = h.formGroup();
    const tb = h.join({ clientId: 'b', sessionTimeoutMs: 30_000 });
    h.join({ memberId: a.memberId });
    const b = h.joinResult(tb);
    h.sync(b.memberId, 2);
    h.sync(a.memberId, 2);
    // b keeps heartbeating, a goes silent.
    for (let i = 0; i < 3; i++) {
      h.advance(3_000);
      expect(h.heartbeat(b.memberId, 2)).toBe(0);
    }
    expect(h.machine.describeGroup('g').members).toHaveLength(2);
    h.advance(3_000);
    expect(h.machine.describeGroup('g').members).toHaveLength(1);
    expect(h.heartbeat(b.memberId, 2)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    expect(h.heartbeat(a.memberId, 2)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    const rb = h.joinResult(h.join({ memberId: b.memberId }));
    expect(rb).toMatchObject({ errorCode: 0, generationId: 3, leader: b.memberId });
  });

  it('does not expire a member that heartbeats in time', () => {
    const h = new Harness();
    const a = h.formGroup();
    for (let i = 0; i < 10; i++) {
      h.advance(9_000);
      expect(h.heartbeat(a.memberId, a.generation)).toBe(0);
    }
    expect(h.state()).toBe('Stable');
  });

  it('completes a rebalance at the rebalance timeout without members that did not rejoin', () => {
    const h = new Harness();
    const a = h.formGroup();
    // b joins with a short rebalance timeout; a (rebalance timeout 30 s) never rejoins.
    const tb = h.join({ clientId: 'b', rebalanceTimeoutMs: 12_000 });
    // a keeps heartbeating (and is told to rejoin) but never does.
    for (let i = 0; i < 5; i++) {
      h.advance(5_000);
      expect(h.heartbeat(a.memberId, a.generation)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    }
    expect(h.joins.has(tb)).toBe(false);
    h.advance(5_000);
    expect(h.heartbeat(a.memberId, a.generation)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    const b = h.joinResult(tb);
    expect(b).toMatchObject({ errorCode: 0, generationId: 2, leader: b.memberId });
  });

  it('never schedules a wake-up in the past while a member waits out a rebalance longer than its session', () => {
    const h = new Harness();
    const a = h.formGroup();
    const tc = h.join({ clientId: 'c', sessionTimeoutMs: 30_000, rebalanceTimeoutMs: 60_000 });
    h.join({ memberId: a.memberId });
    const c = h.joinResult(tc);
    h.sync(c.memberId, c.generationId);
    h.sync(a.memberId, c.generationId);
    // d joins and a rejoins at once (session 10 s); c keeps heartbeating but does not rejoin, so the
    // rebalance lasts up to 60 s and a's session deadline passes while it is exempt.
    const td = h.join({ clientId: 'd', rebalanceTimeoutMs: 60_000 });
    h.join({ memberId: a.memberId });
    for (let t = 0; t < 50; t++) {
      h.advance(1_000);
      h.heartbeat(c.memberId, c.generationId);
      expect(h.scheduledAt).toBeGreaterThan(h.time);
    }
    expect(h.joins.has(td)).toBe(false);
  });

  it('uses the session timeout as rebalance timeout for JoinGroup v0 members', () => {
    const h = new Harness();
    const a = h.joinResult(h.join({ sessionTimeoutMs: 8_000, rebalanceTimeoutMs: 8_000 }));
    h.sync(a.memberId, 1);
    const tb = h.join({ clientId: 'b', sessionTimeoutMs: 8_000, rebalanceTimeoutMs: 8_000 });
    h.heartbeat(a.memberId, 1);
    h.advance(7_999);
    expect(h.joins.has(tb)).toBe(false);
    h.advance(1);
    expect(h.joinResult(tb)).toMatchObject({ errorCode: 0, generationId: 2 });
  });

  it('waits group.initial.rebalance.delay.ms for more members before the first generation', () => {
    const h = new Harness({ initialRebalanceDelayMs: 3_000 });
    const t1 = h.join({ clientId: 'a' });
    h.advance(2_000);
    const t2 = h.join({ clientId: 'b' });
    h.advance(1_000);
    // A member arrived during the delay: it is extended once more.
    expect(h.joins.has(t1)).toBe(false);
    h.advance(3_000);
    expect(h.joinResult(t1).generationId).toBe(1);
    expect(h.joinResult(t2).generationId).toBe(1);
    expect(h.joinResult(t1).members).toHaveLength(2);
  });

  it('removes members that never send SyncGroup after the rebalance timeout', () => {
    const h = new Harness();
    const a = h.formGroup();
    const tb = h.join({ clientId: 'b' });
    h.join({ memberId: a.memberId });
    const b = h.joinResult(tb);
    h.sync(a.memberId, 2);
    h.heartbeat(a.memberId, 2);
    h.advance(9_000);
    h.heartbeat(a.memberId, 2);
    h.advance(9_000);
    h.heartbeat(a.memberId, 2);
    h.advance(9_000);
    h.heartbeat(a.memberId, 2);
    h.advance(4_000);
    expect(h.heartbeat(b.memberId, 2)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(h.heartbeat(a.memberId, 2)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
  });
});

describe('LeaveGroup', () => {
  it('removes the member and lets the rest rebalance at once', () => {
    const h = new Harness();
    const a = h.formGroup();
    const tb = h.join({ clientId: 'b' });
    h.join({ memberId: a.memberId });
    const b = h.joinResult(tb);
    h.sync(b.memberId, 2);
    h.sync(a.memberId, 2);
    expect(h.leave(a.memberId)).toBe(0);
    expect(h.leave(a.memberId)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    const rb = h.joinResult(h.join({ memberId: b.memberId }));
    expect(rb).toMatchObject({ generationId: 3, leader: b.memberId });
    // The last member leaving completes the rebalance at once, into Empty.
    expect(h.leave(b.memberId)).toBe(0);
    expect(h.state()).toBe('Empty');
  });
});

describe('static membership', () => {
  function staticGroup(h: Harness) {
    const a = h.joinResult(h.join({ groupInstanceId: 'i-a', clientId: 'a' }));
    h.sync(a.memberId, 1, {}, 'i-a');
    const tb = h.join({ groupInstanceId: 'i-b', clientId: 'b' });
    h.join({ memberId: a.memberId, groupInstanceId: 'i-a' });
    const b = h.joinResult(tb);
    h.sync(b.memberId, 2, {}, 'i-b');
    h.sync(a.memberId, 2, { [a.memberId]: Buffer.from('A'), [b.memberId]: Buffer.from('B') }, 'i-a');
    expect(h.state()).toBe('Stable');
    return { a, b };
  }

  it('a restarted static member takes its place back with its assignment and no rebalance', () => {
    const h = new Harness();
    const { a, b } = staticGroup(h);
    expect(b.memberId).toBe('i-b-id2');
    const again = h.joinResult(h.join({ groupInstanceId: 'i-b', clientId: 'b' }));
    expect(again.errorCode).toBe(0);
    expect(again.memberId).not.toBe(b.memberId);
    expect(again.generationId).toBe(2);
    expect(again.leader).toBe(a.memberId);
    expect(h.state()).toBe('Stable');
    expect(h.syncResult(h.sync(again.memberId, 2, {}, 'i-b')).assignment.toString()).toBe('B');
    // The old incarnation is fenced.
    expect(h.heartbeat(b.memberId, 2, 'i-b')).toBe(ErrorCode.FENCED_INSTANCE_ID);
    expect(h.syncResult(h.sync(b.memberId, 2, {}, 'i-b')).errorCode).toBe(ErrorCode.FENCED_INSTANCE_ID);
    expect(h.leave(b.memberId, 'i-b')).toBe(ErrorCode.FENCED_INSTANCE_ID);
    expect(h.heartbeat(again.memberId, 2, 'i-b')).toBe(0);
  });

  it('a static leader restarting is not told to assign, and the group stays Stable', () => {
    const h = new Harness();
    const { a } = staticGroup(h);
    const again = h.joinResult(h.join({ groupInstanceId: 'i-a', clientId: 'a' }));
    expect(again.leader).toBe(a.memberId);
    expect(again.memberId).not.toBe(a.memberId);
    expect(again.members).toEqual([]);
    expect(again.skipAssignment).toBeUndefined();
    expect(h.state()).toBe('Stable');
  });

  it('a static leader restarting with JoinGroup v9 learns it leads, sees the members, and is told to skip the assignment', () => {
    const h = new Harness();
    const { a, b } = staticGroup(h);
    const again = h.joinResult(h.join({ groupInstanceId: 'i-a', clientId: 'a', supportSkipAssignment: true }));
    expect(again).toMatchObject({ errorCode: 0, generationId: 2, leader: again.memberId, skipAssignment: true });
    expect(again.memberId).not.toBe(a.memberId);
    expect(again.members.map((m) => m.groupInstanceId).sort()).toEqual(['i-a', 'i-b']);
    expect(h.state()).toBe('Stable');
    // Its SyncGroup in the Stable group returns the stored assignment, whatever it sends.
    expect(h.syncResult(h.sync(again.memberId, 2, { [b.memberId]: Buffer.from('X') }, 'i-a')).assignment.toString()).toBe('A');
    // A follower restarting with v9 is not the leader: no members, no skip.
    const follower = h.joinResult(h.join({ groupInstanceId: 'i-b', clientId: 'b', supportSkipAssignment: true }));
    expect(follower).toMatchObject({ leader: again.memberId, members: [] });
    expect(follower.skipAssignment).toBeUndefined();
  });

  it('static members that miss a rebalance are kept, dynamic ones are dropped', () => {
    const h = new Harness();
    const { a, b } = staticGroup(h);
    const tc = h.join({ clientId: 'c' });
    h.join({ memberId: a.memberId, groupInstanceId: 'i-a' });
    h.heartbeat(b.memberId, 2, 'i-b');
    h.advance(9_000);
    h.heartbeat(b.memberId, 2, 'i-b');
    h.advance(9_000);
    h.heartbeat(b.memberId, 2, 'i-b');
    h.advance(9_000);
    h.heartbeat(b.memberId, 2, 'i-b');
    h.advance(4_000);
    const c = h.joinResult(tc);
    expect(c.generationId).toBe(3);
    expect(h.machine.describeGroup('g').members.map((m) => m.memberId).sort()).toEqual([a.memberId, b.memberId, c.memberId].sort());
  });

  it('removes a static member by instance id with an empty member id (LeaveGroup v3)', () => {
    const h = new Harness();
    const { b } = staticGroup(h);
    expect(h.leave('', 'i-b')).toBe(0);
    expect(h.heartbeat(b.memberId, 2, 'i-b')).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(h.leave('', 'i-zzz')).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });

  it('a known static member id with a different instance id is fenced on join', () => {
    const h = new Harness();
    const { a } = staticGroup(h);
    expect(h.joinResult(h.join({ memberId: 'someone-else', groupInstanceId: 'i-a' })).errorCode).toBe(ErrorCode.FENCED_INSTANCE_ID);
    expect(h.joinResult(h.join({ memberId: a.memberId, groupInstanceId: 'i-unknown' })).errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });
});
