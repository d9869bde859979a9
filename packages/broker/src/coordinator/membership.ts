// Group membership inputs: JoinGroup, SyncGroup, Heartbeat, LeaveGroup. Each check, and the error it
// answers, follows Kafka's GroupCoordinator (handleJoinGroup, doSyncGroup, handleHeartbeat, handleLeaveGroup)
// in the same order, because clients react differently to each code.
import { randomUUID } from 'node:crypto';
import { ErrorCode, type ErrorName } from '../errors.ts';
import { ClassicGroup, type Member } from './group.ts';
import { GroupState } from './group-state.ts';
import { MachineCore, joinError, syncError } from './machine-core.ts';
import type { CoordinatorConfig, Effect, HeartbeatRequest, JoinRequest, LeaveRequest, LeaveResponse, StoreError, SyncRequest } from './types.ts';

const EMPTY = Buffer.alloc(0);

/**
 * Kafka's mapping of a failed __consumer_offsets write to the error a client sees. Only a too-large write
 * differs: a group-metadata write reports UNKNOWN_SERVER_ERROR, an offset commit INVALID_COMMIT_OFFSET_SIZE.
 */
export function storeWriteError(error: ErrorName, tooLarge: ErrorName): ErrorName {
  switch (error) {
    case 'UNKNOWN_TOPIC_OR_PARTITION':
    case 'NOT_ENOUGH_REPLICAS':
      return 'COORDINATOR_NOT_AVAILABLE';
    case 'NOT_LEADER_OR_FOLLOWER':
    case 'KAFKA_STORAGE_ERROR':
      return 'NOT_COORDINATOR';
    case 'MESSAGE_TOO_LARGE':
    case 'RECORD_LIST_TOO_LARGE':
    case 'INVALID_FETCH_SIZE':
      return tooLarge;
    default:
      return error;
  }
}

/** A failed group-metadata write, as the members see it. */
export const storeGroupError = (error: ErrorName): ErrorName => storeWriteError(error, 'UNKNOWN_SERVER_ERROR');

const sameProtocols = (a: readonly { name: string; metadata: Buffer }[], b: readonly { name: string; metadata: Buffer }[]): boolean =>
  a.length === b.length && a.every((p, i) => p.name === b[i]?.name && p.metadata.equals(b[i].metadata));

export class MembershipMachine extends MachineCore {
  constructor(
    config: CoordinatorConfig,
    now: () => number,
    private readonly newId: () => string = randomUUID,
  ) {
    super(config, now);
  }

  join(ticket: number, req: JoinRequest): Effect[] {
    const reply = (error: ErrorName, memberId = req.memberId): void => {
      this.emit({ kind: 'join-reply', ticket, response: joinError(memberId, error) });
    };
    const fail = (error: ErrorName): Effect[] => {
      reply(error);
      return this.finish();
    };
    if (req.groupId === '') return fail('INVALID_GROUP_ID');
    if (req.sessionTimeoutMs < this.config.minSessionTimeoutMs || req.sessionTimeoutMs > this.config.maxSessionTimeoutMs) return fail('INVALID_SESSION_TIMEOUT');
    const unknown = req.memberId === '';
    let g = this.groups.get(req.groupId);
    if (!g) {
      // A group is created by its first member; a member id for a group that does not exist is stale.
      if (!unknown) return fail('UNKNOWN_MEMBER_ID');
      g = new ClassicGroup(req.groupId, this.now());
      this.groups.set(req.groupId, g);
    }
    const full = g.members.size >= this.config.maxGroupSize && !g.members.has(req.memberId);
    if (full && !g.is(GroupState.Empty)) reply('GROUP_MAX_SIZE_REACHED', '');
    else if (g.is(GroupState.Dead)) reply('COORDINATOR_NOT_AVAILABLE');
    else if (!g.supportsProtocols(req.protocolType, req.protocols)) reply('INCONSISTENT_GROUP_PROTOCOL');
    else if (unknown) this.joinNewMember(g, ticket, req);
    else this.joinKnownMember(g, ticket, req);
    if (g.is(GroupState.PreparingRebalance)) this.tryCompleteJoin(g);
    this.touch(g);
    return this.finish();
  }

  private joinNewMember(g: ClassicGroup, ticket: number, req: JoinRequest): void {
    const memberId = `${req.groupInstanceId ?? req.clientId}-${this.newId()}`;
    if (req.groupInstanceId !== null) {
      const oldMemberId = g.staticMembers.get(req.groupInstanceId);
      if (oldMemberId !== undefined) this.replaceStaticMember(g, ticket, req.groupInstanceId, oldMemberId, memberId, req);
      else this.addMemberAndRebalance(g, ticket, memberId, req);
    } else if (req.requireKnownMemberId) {
      // KIP-394: the member must come back with this id; until then the rebalance waits for it.
      // Ids handed out count against group.max.size, so a client looping on JoinGroup cannot grow the group unboundedly.
      if (g.members.size + g.pendingMembers.size >= this.config.maxGroupSize) {
        this.emit({ kind: 'join-reply', ticket, response: joinError('', 'GROUP_MAX_SIZE_REACHED') });
        return;
      }
      g.pendingMembers.set(memberId, this.now() + req.sessionTimeoutMs);
      this.emit({ kind: 'join-reply', ticket, response: joinError(memberId, 'MEMBER_ID_REQUIRED') });
    } else {
      this.addMemberAndRebalance(g, ticket, memberId, req);
    }
  }

  private joinKnownMember(g: ClassicGroup, ticket: number, req: JoinRequest): void {
    const reply = (error: ErrorName): void => this.emit({ kind: 'join-reply', ticket, response: joinError(req.memberId, error) });
    if (g.pendingMembers.has(req.memberId)) {
      g.pendingMembers.delete(req.memberId);
      this.addMemberAndRebalance(g, ticket, req.memberId, req);
      return;
    }
    const instanceUnknown = req.groupInstanceId !== null && !g.staticMembers.has(req.groupInstanceId);
    if (g.isStaticMemberFenced(req.memberId, req.groupInstanceId)) return reply('FENCED_INSTANCE_ID');
    const m = g.members.get(req.memberId);
    if (!m || instanceUnknown) return reply('UNKNOWN_MEMBER_ID');
    const matches = sameProtocols(m.protocols, req.protocols);
    switch (g.state) {
      case GroupState.PreparingRebalance:
        return this.updateMemberAndRebalance(g, m, ticket, req);
      case GroupState.CompletingRebalance:
        // Same metadata: the member probably missed the JoinGroup response; give it the current generation again.
        if (matches) return this.emit({ kind: 'join-reply', ticket, response: this.joinSuccess(g, m, g.leaderId ?? '') });
        return this.updateMemberAndRebalance(g, m, ticket, req);
      case GroupState.Stable:
        // The leader rejoining forces a rebalance (it may have seen metadata change); a follower with no change just syncs.
        if (g.isLeader(m.memberId) || !matches) return this.updateMemberAndRebalance(g, m, ticket, req);
        return this.emit({ kind: 'join-reply', ticket, response: { ...this.joinSuccess(g, m, g.leaderId ?? ''), members: [] } });
      default:
        return reply('UNKNOWN_MEMBER_ID');
    }
  }

  private setJoin(g: ClassicGroup, m: Member, ticket: number): void {
    // A second JoinGroup from the same member replaces the first; the first still needs an answer.
    if (m.joinTicket !== undefined) this.emit({ kind: 'join-reply', ticket: m.joinTicket, response: joinError(m.memberId, 'REBALANCE_IN_PROGRESS') });
    g.setJoinTicket(m, undefined);
    g.setJoinTicket(m, ticket);
  }

  private updateMemberAndRebalance(g: ClassicGroup, m: Member, ticket: number, req: JoinRequest): void {
    g.updateMember(m, req.protocols, req.rebalanceTimeoutMs, req.sessionTimeoutMs);
    this.setJoin(g, m, ticket);
    this.maybePrepareRebalance(g);
  }

  private addMemberAndRebalance(g: ClassicGroup, ticket: number, memberId: string, req: JoinRequest): void {
    const member: Member = {
      memberId,
      groupInstanceId: req.groupInstanceId,
      clientId: req.clientId,
      clientHost: req.clientHost,
      rebalanceTimeoutMs: req.rebalanceTimeoutMs,
      sessionTimeoutMs: req.sessionTimeoutMs,
      protocolType: req.protocolType,
      protocols: req.protocols,
      assignment: EMPTY,
      joinTicket: ticket,
      syncTicket: undefined,
      isNew: true,
      // A new member cannot heartbeat while its JoinGroup is parked: it gets Kafka's fixed new-member timeout.
      heartbeatDeadline: this.now() + this.config.newMemberJoinTimeoutMs,
    };
    if (g.is(GroupState.PreparingRebalance) && g.generationId === 0) g.newMemberAdded = true;
    g.add(member);
    this.maybePrepareRebalance(g);
  }

  /** Kafka's updateStaticMemberAndRebalance: a restarted static member takes its old place under a new id. */
  private replaceStaticMember(g: ClassicGroup, ticket: number, instanceId: string, oldMemberId: string, newMemberId: string, req: JoinRequest): void {
    const currentLeader = g.leaderId ?? '';
    const old = g.members.get(oldMemberId);
    if (!old) return;
    // Fence the old incarnation's parked requests immediately.
    this.invokeJoin(g, old, joinError(oldMemberId, 'FENCED_INSTANCE_ID'));
    if (old.syncTicket !== undefined) {
      this.emit({ kind: 'sync-reply', ticket: old.syncTicket, response: syncError('FENCED_INSTANCE_ID') });
      old.syncTicket = undefined;
    }
    const m = g.replaceStaticMember(instanceId, oldMemberId, newMemberId);
    this.scheduleHeartbeat(m);
    const previous = { protocols: m.protocols, rebalanceTimeoutMs: m.rebalanceTimeoutMs, sessionTimeoutMs: m.sessionTimeoutMs };
    g.updateMember(m, req.protocols, req.rebalanceTimeoutMs, req.sessionTimeoutMs);
    g.setJoinTicket(m, ticket);
    if (g.is(GroupState.Stable)) {
      if (g.selectProtocol() !== g.protocolName) return this.maybePrepareRebalance(g);
      // No rebalance: persist the new member id, then hand back the current generation. The old leader id
      // is returned so the member does not think it must compute (and lose) a new assignment.
      this.persist(g.groupId, [{ type: 'group', groupId: g.groupId, value: this.groupValue(g) }], true, (error) => {
        if (g.members.get(newMemberId) !== m) return;
        if (error) {
          g.updateMember(m, previous.protocols, previous.rebalanceTimeoutMs, previous.sessionTimeoutMs);
          this.invokeJoin(g, m, { ...joinError('', storeGroupError(error)), generationId: g.generationId, leader: currentLeader });
          g.replaceStaticMember(instanceId, newMemberId, oldMemberId);
          this.scheduleHeartbeat(m);
          return;
        }
        // KIP-814: a v9 leader learns it leads (and sees the members) yet keeps the stored assignment;
        // older leaders get the old leader id and no members, so they do not assign at all.
        const skip = req.supportSkipAssignment === true && g.isLeader(newMemberId);
        this.invokeJoin(g, m, skip ? { ...this.joinSuccess(g, m, newMemberId), skipAssignment: true } : { ...this.joinSuccess(g, m, currentLeader), members: [] });
      });
    } else if (g.is(GroupState.CompletingRebalance)) {
      // The leader may already be assigning to the old member id: start over so the new id gets an assignment.
      this.prepareRebalance(g);
    }
  }

  sync(ticket: number, req: SyncRequest): Effect[] {
    const reply = (error: ErrorName): Effect[] => {
      this.emit({ kind: 'sync-reply', ticket, response: syncError(error) });
      return this.finish();
    };
    if (req.groupId === '') return reply('INVALID_GROUP_ID');
    const g = this.groups.get(req.groupId);
    if (!g) return reply('UNKNOWN_MEMBER_ID');
    if (g.is(GroupState.Dead)) return reply('COORDINATOR_NOT_AVAILABLE');
    if (g.isStaticMemberFenced(req.memberId, req.groupInstanceId)) return reply('FENCED_INSTANCE_ID');
    const m = g.members.get(req.memberId);
    if (!m) return reply('UNKNOWN_MEMBER_ID');
    if (req.generationId !== g.generationId) return reply('ILLEGAL_GENERATION');
    if (req.protocolType !== null && req.protocolType !== g.protocolType) return reply('INCONSISTENT_GROUP_PROTOCOL');
    if (req.protocolName !== null && req.protocolName !== g.protocolName) return reply('INCONSISTENT_GROUP_PROTOCOL');
    if (g.is(GroupState.Empty)) return reply('UNKNOWN_MEMBER_ID');
    if (g.is(GroupState.PreparingRebalance)) return reply('REBALANCE_IN_PROGRESS');
    this.touch(g);
    this.syncReceived(g, req.memberId);
    if (g.is(GroupState.Stable)) {
      this.emit({ kind: 'sync-reply', ticket, response: { errorCode: 0, protocolType: g.protocolType, protocolName: g.protocolName, assignment: m.assignment } });
      this.scheduleHeartbeat(m);
      return this.finish();
    }
    // CompletingRebalance: park until the leader's assignment is stored.
    if (m.syncTicket !== undefined) this.emit({ kind: 'sync-reply', ticket: m.syncTicket, response: syncError('REBALANCE_IN_PROGRESS') });
    m.syncTicket = ticket;
    if (g.isLeader(m.memberId)) {
      const generation = g.generationId;
      const assignments = new Map<string, Buffer>();
      for (const id of g.members.keys()) assignments.set(id, req.assignments.get(id) ?? EMPTY);
      this.persist(g.groupId, [{ type: 'group', groupId: g.groupId, value: this.groupValue(g, assignments) }], true, (error: StoreError) => {
        // Another member may have joined meanwhile: only the same generation, still completing, takes this assignment.
        if (this.groups.get(g.groupId) !== g || !g.is(GroupState.CompletingRebalance) || g.generationId !== generation) return;
        if (error) {
          this.resetAndPropagateAssignmentError(g, storeGroupError(error));
          this.maybePrepareRebalance(g);
          return;
        }
        for (const member of g.members.values()) member.assignment = assignments.get(member.memberId) ?? EMPTY;
        this.propagateAssignment(g, null);
        g.transitionTo(GroupState.Stable, this.now());
        this.touch(g);
      });
    }
    return this.finish();
  }

  private syncReceived(g: ClassicGroup, memberId: string): void {
    g.pendingSync.delete(memberId);
    if (g.pendingSync.size === 0) g.syncDeadline = undefined;
  }

  heartbeat(req: HeartbeatRequest): { errorCode: number; effects: Effect[] } {
    const errorCode = ErrorCode[this.heartbeatError(req)];
    return { errorCode, effects: this.finish() };
  }

  private heartbeatError(req: HeartbeatRequest): ErrorName {
    if (req.groupId === '') return 'INVALID_GROUP_ID';
    const g = this.groups.get(req.groupId);
    if (!g) return 'UNKNOWN_MEMBER_ID';
    if (g.is(GroupState.Dead)) return 'COORDINATOR_NOT_AVAILABLE';
    if (g.isStaticMemberFenced(req.memberId, req.groupInstanceId)) return 'FENCED_INSTANCE_ID';
    const m = g.members.get(req.memberId);
    if (!m) return 'UNKNOWN_MEMBER_ID';
    if (req.generationId !== g.generationId) return 'ILLEGAL_GENERATION';
    if (g.is(GroupState.Empty)) return 'UNKNOWN_MEMBER_ID';
    this.scheduleHeartbeat(m);
    this.touch(g);
    return g.is(GroupState.PreparingRebalance) ? 'REBALANCE_IN_PROGRESS' : 'NONE';
  }

  leave(req: LeaveRequest): { response: LeaveResponse; effects: Effect[] } {
    const done = (errorCode: number, perMember: readonly ErrorName[]): { response: LeaveResponse; effects: Effect[] } => ({
      response: { errorCode, members: req.members.map((m, i) => ({ ...m, errorCode: ErrorCode[perMember[i] ?? 'NONE'] })) },
      effects: this.finish(),
    });
    if (req.groupId === '') return done(ErrorCode.INVALID_GROUP_ID, []);
    const g = this.groups.get(req.groupId);
    if (!g) return done(0, req.members.map(() => 'UNKNOWN_MEMBER_ID'));
    if (g.is(GroupState.Dead)) return done(ErrorCode.COORDINATOR_NOT_AVAILABLE, []);
    this.touch(g);
    const errors = req.members.map(({ memberId, groupInstanceId }): ErrorName => {
      if (memberId === '') {
        // Administrative removal of a static member by its instance id.
        const current = groupInstanceId === null ? undefined : g.staticMembers.get(groupInstanceId);
        const m = current === undefined ? undefined : g.members.get(current);
        if (!m) return 'UNKNOWN_MEMBER_ID';
        this.removeMemberAndUpdateGroup(g, m);
        return 'NONE';
      }
      if (g.pendingMembers.has(memberId)) {
        this.removePendingMember(g, memberId);
        return 'NONE';
      }
      if (g.isStaticMemberFenced(memberId, groupInstanceId)) return 'FENCED_INSTANCE_ID';
      const m = g.members.get(memberId);
      if (!m) return 'UNKNOWN_MEMBER_ID';
      this.removeMemberAndUpdateGroup(g, m);
      return 'NONE';
    });
    return done(0, errors);
  }
}
