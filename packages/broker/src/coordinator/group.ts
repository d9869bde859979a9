// One classic consumer group's data: members, the protocols they support, leader, generation and the
// committed offsets. Decisions live in the state machine; this class keeps the bookkeeping consistent
// (protocol vote counts, static member index, awaiting-join count) the way Kafka's GroupMetadata does.
import { GroupState, IllegalTransitionError, canTransition, type GroupStateName } from './group-state.ts';
import type { GroupRecordValue, MemberDescription, PartitionKey, Protocol, StoredOffset } from './types.ts';

export interface Member {
  memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  rebalanceTimeoutMs: number;
  sessionTimeoutMs: number;
  protocolType: string;
  protocols: readonly Protocol[];
  assignment: Buffer;
  /** Ticket of the parked JoinGroup, if any. */
  joinTicket: number | undefined;
  /** Ticket of the parked SyncGroup, if any. */
  syncTicket: number | undefined;
  /** Joined but no JoinGroup answered yet: may expire even while waiting (Kafka's isNew). */
  isNew: boolean;
  /** Session deadline on the machine's clock. */
  heartbeatDeadline: number;
}

export interface CommittedOffset extends StoredOffset {
  /** Order of the write that stored it, so a slower earlier write cannot overwrite a later one. */
  readonly seq: number;
}

const EMPTY = Buffer.alloc(0);

export class ClassicGroup {
  state: GroupStateName = GroupState.Empty;
  stateTimestamp: number;
  generationId = 0;
  protocolType: string | null = null;
  protocolName: string | null = null;
  leaderId: string | null = null;
  readonly members = new Map<string, Member>();
  /** Member ids handed out with MEMBER_ID_REQUIRED, with their expiry. */
  readonly pendingMembers = new Map<string, number>();
  /** group.instance.id -> member id */
  readonly staticMembers = new Map<string, string>();
  /** Members of this generation that have not sent SyncGroup yet. */
  readonly pendingSync = new Set<string>();
  readonly offsets = new Map<PartitionKey, CommittedOffset>();
  /** Topics the members subscribe to (consumer protocol); undefined when unknown. */
  subscribedTopics: Set<string> | undefined = new Set();
  /** Pending join deadline while PreparingRebalance; pending sync deadline while rebalancing completes. */
  joinDeadline: number | undefined;
  /** Remaining budget of the initial (delayed) join, undefined for a normal join. */
  initialJoinRemainingMs: number | undefined;
  newMemberAdded = false;
  syncDeadline: number | undefined;
  /** The last GroupMetadataValue written for this group: what compaction of __consumer_offsets keeps. */
  storedValue: GroupRecordValue | undefined;
  private readonly protocolVotes = new Map<string, number>();
  private awaitingJoin = 0;

  constructor(
    readonly groupId: string,
    now: number,
  ) {
    this.stateTimestamp = now;
  }

  is(state: GroupStateName): boolean {
    return this.state === state;
  }

  transitionTo(state: GroupStateName, now: number): void {
    if (!canTransition(this.state, state)) throw new IllegalTransitionError(this.groupId, this.state, state);
    this.state = state;
    this.stateTimestamp = now;
  }

  isLeader(memberId: string): boolean {
    return this.leaderId === memberId;
  }

  /** Kafka's isStaticMemberFenced: the instance id belongs to a different member id. */
  isStaticMemberFenced(memberId: string, groupInstanceId: string | null): boolean {
    if (groupInstanceId === null) return false;
    const current = this.staticMembers.get(groupInstanceId);
    return current !== undefined && current !== memberId;
  }

  /** Whether a member with these protocols could join (Kafka's supportsProtocols). */
  supportsProtocols(protocolType: string, protocols: readonly Protocol[]): boolean {
    if (this.is(GroupState.Empty)) return protocolType !== '' && protocols.length > 0;
    return this.protocolType === protocolType && protocols.some((p) => this.protocolVotes.get(p.name) === this.members.size);
  }

  add(member: Member): void {
    if (this.members.size === 0) this.protocolType = member.protocolType;
    if (this.leaderId === null) this.leaderId = member.memberId;
    this.members.set(member.memberId, member);
    this.countProtocols(member.protocols, 1);
    if (member.joinTicket !== undefined) this.awaitingJoin++;
    if (member.groupInstanceId !== null) this.staticMembers.set(member.groupInstanceId, member.memberId);
  }

  remove(memberId: string): Member | undefined {
    const member = this.members.get(memberId);
    if (!member) return undefined;
    this.members.delete(memberId);
    this.countProtocols(member.protocols, -1);
    if (member.joinTicket !== undefined) this.awaitingJoin--;
    if (member.groupInstanceId !== null && this.staticMembers.get(member.groupInstanceId) === memberId) {
      this.staticMembers.delete(member.groupInstanceId);
    }
    this.pendingSync.delete(memberId);
    if (this.isLeader(memberId)) this.leaderId = this.members.keys().next().value ?? null;
    return member;
  }

  /** A restarted static member takes its old member's place (and assignment) under a new member id. */
  replaceStaticMember(groupInstanceId: string, oldMemberId: string, newMemberId: string): Member {
    const member = this.members.get(oldMemberId);
    if (!member) throw new Error(`group ${this.groupId}: static member ${oldMemberId} missing`);
    this.members.delete(oldMemberId);
    member.memberId = newMemberId;
    this.members.set(newMemberId, member);
    if (this.isLeader(oldMemberId)) this.leaderId = newMemberId;
    this.staticMembers.set(groupInstanceId, newMemberId);
    if (this.pendingSync.delete(oldMemberId)) this.pendingSync.add(newMemberId);
    return member;
  }

  updateMember(member: Member, protocols: readonly Protocol[], rebalanceTimeoutMs: number, sessionTimeoutMs: number): void {
    this.countProtocols(member.protocols, -1);
    this.countProtocols(protocols, 1);
    member.protocols = protocols;
    member.rebalanceTimeoutMs = rebalanceTimeoutMs;
    member.sessionTimeoutMs = sessionTimeoutMs;
  }

  setJoinTicket(member: Member, ticket: number | undefined): void {
    if (member.joinTicket === undefined && ticket !== undefined) this.awaitingJoin++;
    if (member.joinTicket !== undefined && ticket === undefined) this.awaitingJoin--;
    member.joinTicket = ticket;
  }

  hasAllMembersJoined(): boolean {
    return this.members.size === this.awaitingJoin && this.pendingMembers.size === 0;
  }

  /** Largest rebalance timeout among the members: how long a rebalance waits for them. */
  rebalanceTimeoutMs(): number {
    let max = 0;
    for (const m of this.members.values()) max = Math.max(max, m.rebalanceTimeoutMs);
    return max;
  }

  /** Kafka's selectProtocol: each member votes for its first supported candidate; most votes wins. */
  selectProtocol(): string {
    const candidates = new Set([...this.protocolVotes].filter(([, n]) => n === this.members.size).map(([name]) => name));
    const votes = new Map<string, number>();
    for (const m of this.members.values()) {
      const choice = m.protocols.find((p) => candidates.has(p.name));
      if (choice) votes.set(choice.name, (votes.get(choice.name) ?? 0) + 1);
    }
    let best: string | undefined;
    let bestVotes = 0;
    for (const [name, n] of votes) {
      if (n > bestVotes) [best, bestVotes] = [name, n];
    }
    if (best === undefined) throw new Error(`group ${this.groupId}: no common protocol`);
    return best;
  }

  /** Metadata each member registered for the group's selected protocol. */
  memberMetadata(member: Member): Buffer {
    return member.protocols.find((p) => p.name === this.protocolName)?.metadata ?? EMPTY;
  }

  isSubscribedToTopic(topic: string): boolean {
    return this.subscribedTopics === undefined || this.subscribedTopics.has(topic);
  }

  computeSubscribedTopics(): void {
    if (this.protocolType !== 'consumer') {
      this.subscribedTopics = undefined;
      return;
    }
    if (this.members.size === 0) {
      this.subscribedTopics = new Set();
      return;
    }
    const topics = new Set<string>();
    for (const m of this.members.values()) {
      const parsed = parseSubscriptionTopics(this.memberMetadata(m));
      if (!parsed) {
        this.subscribedTopics = undefined;
        return;
      }
      for (const t of parsed) topics.add(t);
    }
    this.subscribedTopics = topics;
  }

  describeMembers(): MemberDescription[] {
    const stable = this.is(GroupState.Stable);
    return [...this.members.values()].map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      clientId: m.clientId,
      clientHost: m.clientHost,
      metadata: stable ? this.memberMetadata(m) : EMPTY,
      assignment: stable ? m.assignment : EMPTY,
    }));
  }

  private countProtocols(protocols: readonly Protocol[], delta: number): void {
    for (const p of protocols) this.protocolVotes.set(p.name, (this.protocolVotes.get(p.name) ?? 0) + delta);
  }
}

/** Topics of a ConsumerProtocolSubscription (int16 version, then an array of int16-length strings). */
export function parseSubscriptionTopics(metadata: Buffer): string[] | undefined {
  try {
    let pos = 2;
    const n = metadata.readInt32BE(pos);
    pos += 4;
    if (n < 0 || n > metadata.length) return undefined;
    const topics: string[] = [];
    for (let i = 0; i < n; i++) {
      const len = metadata.readInt16BE(pos);
      pos += 2;
      if (len < 0 || pos + len > metadata.length) return undefined;
      topics.push(metadata.toString('utf8', pos, pos + len));
      pos += len;
    }
    return topics;
  } catch {
    return undefined;
  }
}
