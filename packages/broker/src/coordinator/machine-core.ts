// The state machine's shared core: the groups, the effect queue, persistence continuations, deadlines,
// and the rebalance primitives every API uses (prepare, complete join, remove member, propagate assignment).
// No I/O and no timers: time comes from the injected clock, and waiting is expressed as deadlines that
// the shell turns into one timer ('schedule' effects) and feeds back through tick().
// Modelled on Kafka's GroupCoordinator (classic protocol); comments name the Kafka method each mirrors.
import { ErrorCode, type ErrorName } from '../errors.ts';
import type { ClassicGroup, Member } from './group.ts';
import { GroupState } from './group-state.ts';
import type { CoordinatorConfig, CoordinatorRecord, Effect, GroupRecordValue, JoinResponse, StoreError, SyncResponse } from './types.ts';

const EMPTY = Buffer.alloc(0);

/** Kafka's hasSatisfiedHeartbeat: members waiting in a rebalance cannot expire, except brand-new ones. */
function isExempt(m: Member): boolean {
  return !m.isNew && (m.joinTicket !== undefined || m.syncTicket !== undefined);
}

export function joinError(memberId: string, error: ErrorName): JoinResponse {
  return { errorCode: ErrorCode[error], generationId: -1, protocolType: null, protocolName: null, leader: '', memberId, members: [] };
}

export function syncError(error: ErrorName): SyncResponse {
  return { errorCode: ErrorCode[error], protocolType: null, protocolName: null, assignment: EMPTY };
}

export class MachineCore {
  protected readonly groups = new Map<string, ClassicGroup>();
  private effects: Effect[] = [];
  private readonly touched = new Set<ClassicGroup>();
  private readonly deadlines = new Map<ClassicGroup, number>();
  private readonly continuations = new Map<number, (error: StoreError) => void>();
  private nextPersistId = 1;
  private scheduledAt: number | undefined;
  protected nextRetentionCheck: number;

  constructor(
    protected readonly config: CoordinatorConfig,
    protected readonly now: () => number,
  ) {
    this.nextRetentionCheck = now() + config.offsetsRetentionCheckIntervalMs;
  }

  // ---- effects and bookkeeping ----

  protected emit(effect: Effect): void {
    this.effects.push(effect);
  }

  protected touch(group: ClassicGroup): void {
    this.touched.add(group);
  }

  protected persist(groupId: string, records: CoordinatorRecord[], durable: boolean, then?: (error: StoreError) => void): void {
    const id = this.nextPersistId++;
    if (then) this.continuations.set(id, then);
    for (const r of records) {
      const g = r.type === 'group' ? this.groups.get(r.groupId) : undefined;
      if (g && r.type === 'group') g.storedValue = r.value ?? undefined;
    }
    this.emit({ kind: 'persist', id, groupId, records, durable });
  }

  /** The shell reports the outcome of a 'persist' effect. */
  persisted(id: number, error: StoreError): Effect[] {
    const then = this.continuations.get(id);
    this.continuations.delete(id);
    then?.(error);
    return this.finish();
  }

  /** Time has passed: runs every deadline that is due. */
  tick(): Effect[] {
    const now = this.now();
    // The shell's timer is spent: always hand out the next one, even if nothing was due yet.
    this.scheduledAt = undefined;
    for (const [group, at] of this.deadlines) if (at <= now) this.touch(group);
    if (this.nextRetentionCheck <= now) {
      this.nextRetentionCheck = now + this.config.offsetsRetentionCheckIntervalMs;
      this.expireOffsets();
    }
    return this.finish();
  }

  /** Overridden by the offsets part of the machine. */
  protected expireOffsets(): void {}

  /** Ends one input: runs what became due, recomputes the next wake-up, hands over the effects. */
  protected finish(): Effect[] {
    const now = this.now();
    for (let round = 0; this.touched.size > 0 && round < 100; round++) {
      const groups = [...this.touched];
      this.touched.clear();
      for (const g of groups) {
        this.runDue(g, now);
        const at = this.nextDeadline(g);
        if (at === undefined || this.groups.get(g.groupId) !== g) this.deadlines.delete(g);
        else this.deadlines.set(g, at);
      }
    }
    let earliest = this.nextRetentionCheck;
    for (const at of this.deadlines.values()) earliest = Math.min(earliest, at);
    if (earliest !== this.scheduledAt) {
      this.scheduledAt = earliest;
      this.emit({ kind: 'schedule', at: earliest });
    }
    const out = this.effects;
    this.effects = [];
    return out;
  }

  private nextDeadline(g: ClassicGroup): number | undefined {
    let at = Infinity;
    // Exempt members' deadlines are reset when their rebalance step completes; counting them here would
    // schedule wake-ups in the past, again and again, for as long as a long rebalance lasts.
    for (const m of g.members.values()) if (!isExempt(m)) at = Math.min(at, m.heartbeatDeadline);
    for (const d of g.pendingMembers.values()) at = Math.min(at, d);
    if (g.joinDeadline !== undefined) at = Math.min(at, g.joinDeadline);
    if (g.syncDeadline !== undefined) at = Math.min(at, g.syncDeadline);
    return at === Infinity ? undefined : at;
  }

  private runDue(g: ClassicGroup, now: number): void {
    if (g.is(GroupState.Dead)) return;
    for (const [memberId, at] of [...g.pendingMembers]) {
      if (at <= now) this.removePendingMember(g, memberId);
    }
    for (const m of [...g.members.values()]) {
      if (m.heartbeatDeadline <= now && !isExempt(m) && g.members.get(m.memberId) === m) this.removeMemberAndUpdateGroup(g, m);
    }
    if (g.syncDeadline !== undefined && g.syncDeadline <= now) this.onSyncExpired(g);
    if (g.joinDeadline !== undefined && g.joinDeadline <= now) this.onJoinDeadline(g, now);
  }

  protected scheduleHeartbeat(member: Member): void {
    member.heartbeatDeadline = this.now() + member.sessionTimeoutMs;
  }

  // ---- rebalance primitives ----

  protected maybePrepareRebalance(g: ClassicGroup): void {
    if (g.is(GroupState.Stable) || g.is(GroupState.CompletingRebalance) || g.is(GroupState.Empty)) this.prepareRebalance(g);
  }

  /** Kafka's prepareRebalance: members waiting on SyncGroup are told to rejoin, then wait for joins. */
  protected prepareRebalance(g: ClassicGroup): void {
    if (g.is(GroupState.CompletingRebalance)) this.resetAndPropagateAssignmentError(g, 'REBALANCE_IN_PROGRESS');
    g.syncDeadline = undefined;
    const now = this.now();
    if (g.is(GroupState.Empty)) {
      // InitialDelayedJoin: a group forming from empty waits a little for the rest of its members.
      const delay = this.config.initialRebalanceDelayMs;
      g.joinDeadline = now + delay;
      g.initialJoinRemainingMs = Math.max(g.rebalanceTimeoutMs() - delay, 0);
    } else {
      g.joinDeadline = now + g.rebalanceTimeoutMs();
      g.initialJoinRemainingMs = undefined;
    }
    g.transitionTo(GroupState.PreparingRebalance, now);
    this.tryCompleteJoin(g);
  }

  /** Called whenever a join, leave or removal may have let a PreparingRebalance finish (DelayedJoin.tryComplete). */
  protected tryCompleteJoin(g: ClassicGroup): void {
    if (g.is(GroupState.PreparingRebalance) && g.initialJoinRemainingMs === undefined && g.hasAllMembersJoined()) this.completeJoin(g);
    this.touch(g);
  }

  private onJoinDeadline(g: ClassicGroup, now: number): void {
    const remaining = g.initialJoinRemainingMs;
    if (remaining !== undefined && g.newMemberAdded && remaining !== 0) {
      g.newMemberAdded = false;
      const delay = Math.min(this.config.initialRebalanceDelayMs, remaining);
      g.joinDeadline = now + delay;
      g.initialJoinRemainingMs = Math.max(remaining - delay, 0);
      return;
    }
    this.completeJoin(g);
  }

  /** Kafka's onCompleteJoin: drop dynamic members that did not rejoin, elect a leader, start the next generation. */
  protected completeJoin(g: ClassicGroup): void {
    const now = this.now();
    g.joinDeadline = undefined;
    g.initialJoinRemainingMs = undefined;
    for (const m of [...g.members.values()]) {
      if (m.joinTicket === undefined && m.groupInstanceId === null) g.remove(m.memberId);
    }
    if (g.is(GroupState.Dead)) return;
    if (!this.electJoinedLeader(g) && g.members.size > 0) {
      // Only static members that have not rejoined remain: wait another rebalance timeout for them.
      g.joinDeadline = now + g.rebalanceTimeoutMs();
      this.touch(g);
      return;
    }
    g.generationId++;
    g.newMemberAdded = false;
    if (g.members.size === 0) {
      g.protocolName = null;
      g.computeSubscribedTopics();
      g.transitionTo(GroupState.Empty, now);
      this.persist(g.groupId, [{ type: 'group', groupId: g.groupId, value: this.groupValue(g) }], false);
      return;
    }
    g.protocolName = g.selectProtocol();
    g.computeSubscribedTopics();
    g.transitionTo(GroupState.CompletingRebalance, now);
    const leader = g.leaderId ?? '';
    for (const m of g.members.values()) {
      const ticket = m.joinTicket;
      g.pendingSync.add(m.memberId);
      if (ticket !== undefined) {
        g.setJoinTicket(m, undefined);
        this.emit({ kind: 'join-reply', ticket, response: this.joinSuccess(g, m, leader) });
      }
      this.scheduleHeartbeat(m);
      m.isNew = false;
    }
    // Kafka's pending-sync expiry: members that never send SyncGroup are removed after the rebalance timeout.
    g.syncDeadline = now + g.rebalanceTimeoutMs();
    this.touch(g);
  }

  protected joinSuccess(g: ClassicGroup, m: Member, leader: string): JoinResponse {
    const members = g.isLeader(m.memberId)
      ? [...g.members.values()].map((x) => ({ memberId: x.memberId, groupInstanceId: x.groupInstanceId, metadata: g.memberMetadata(x) }))
      : [];
    return { errorCode: 0, generationId: g.generationId, protocolType: g.protocolType, protocolName: g.protocolName, leader, memberId: m.memberId, members };
  }

  private electJoinedLeader(g: ClassicGroup): boolean {
    if (g.leaderId === null) return false;
    const leader = g.members.get(g.leaderId);
    if (leader && leader.joinTicket !== undefined) return true;
    for (const m of g.members.values()) {
      if (m.joinTicket !== undefined) {
        g.leaderId = m.memberId;
        return true;
      }
    }
    return false;
  }

  private onSyncExpired(g: ClassicGroup): void {
    g.syncDeadline = undefined;
    if (!(g.is(GroupState.CompletingRebalance) || g.is(GroupState.Stable)) || g.pendingSync.size === 0) return;
    for (const memberId of [...g.pendingSync]) g.remove(memberId);
    this.prepareRebalance(g);
  }

  /** Kafka's removeMemberAndUpdateGroup. */
  protected removeMemberAndUpdateGroup(g: ClassicGroup, m: Member): void {
    // A new member may time out while its JoinGroup is parked: answer it so the client retries.
    if (m.joinTicket !== undefined) {
      this.emit({ kind: 'join-reply', ticket: m.joinTicket, response: joinError('', 'UNKNOWN_MEMBER_ID') });
      g.setJoinTicket(m, undefined);
    }
    if (m.syncTicket !== undefined) {
      this.emit({ kind: 'sync-reply', ticket: m.syncTicket, response: syncError('UNKNOWN_MEMBER_ID') });
      m.syncTicket = undefined;
    }
    g.remove(m.memberId);
    if (g.is(GroupState.Stable) || g.is(GroupState.CompletingRebalance)) this.maybePrepareRebalance(g);
    else if (g.is(GroupState.PreparingRebalance)) this.tryCompleteJoin(g);
    this.touch(g);
  }

  protected removePendingMember(g: ClassicGroup, memberId: string): void {
    g.pendingMembers.delete(memberId);
    this.tryCompleteJoin(g);
  }

  protected resetAndPropagateAssignmentError(g: ClassicGroup, error: ErrorName): void {
    for (const m of g.members.values()) m.assignment = EMPTY;
    this.propagateAssignment(g, error);
  }

  /** Answers a member's parked JoinGroup, if it has one. */
  protected invokeJoin(g: ClassicGroup, m: Member, response: JoinResponse): void {
    if (m.joinTicket === undefined) return;
    this.emit({ kind: 'join-reply', ticket: m.joinTicket, response });
    g.setJoinTicket(m, undefined);
  }

  protected propagateAssignment(g: ClassicGroup, error: ErrorName | null): void {
    for (const m of g.members.values()) {
      if (m.syncTicket === undefined) continue;
      const response: SyncResponse = error
        ? syncError(error)
        : { errorCode: 0, protocolType: g.protocolType, protocolName: g.protocolName, assignment: m.assignment };
      this.emit({ kind: 'sync-reply', ticket: m.syncTicket, response });
      m.syncTicket = undefined;
      this.scheduleHeartbeat(m);
    }
  }

  /** GroupMetadataValue of the group as it stands (Kafka's groupMetadataValue). */
  protected groupValue(g: ClassicGroup, assignments?: ReadonlyMap<string, Buffer>): GroupRecordValue {
    return {
      protocolType: g.protocolType ?? '',
      generation: g.generationId,
      protocol: g.protocolName,
      leader: g.leaderId,
      currentStateTimestamp: BigInt(g.stateTimestamp),
      members: [...g.members.values()].map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        rebalanceTimeoutMs: m.rebalanceTimeoutMs,
        sessionTimeoutMs: m.sessionTimeoutMs,
        subscription: g.memberMetadata(m),
        assignment: assignments ? (assignments.get(m.memberId) ?? EMPTY) : m.assignment,
      })),
    };
  }

  /** Marks a group Dead and forgets it. */
  protected removeGroup(g: ClassicGroup): void {
    g.transitionTo(GroupState.Dead, this.now());
    this.groups.delete(g.groupId);
    this.deadlines.delete(g);
  }
}
