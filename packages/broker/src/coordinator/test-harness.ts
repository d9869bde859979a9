// Test support for the state machine: a fake clock, predictable member ids, and helpers that feed
// inputs and collect the replies by ticket. Used only by *.test.ts files.
import { GroupCoordinatorMachine } from './state-machine.ts';
import type { CommitRequest, CoordinatorConfig, CoordinatorRecord, Effect, JoinRequest, JoinResponse, SyncResponse } from './types.ts';

/** A ConsumerProtocolSubscription v0 for these topics (what Java/kafkajs clients send as JoinGroup metadata). */
export function subscription(topics: readonly string[]): Buffer {
  const parts = [Buffer.from([0, 0]), int32(topics.length)];
  for (const t of topics) {
    const b = Buffer.from(t);
    parts.push(Buffer.from([b.length >> 8, b.length & 0xff]), b);
  }
  parts.push(int32(-1));
  return Buffer.concat(parts);
}

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}

export class Harness {
  time = 1_000_000;
  readonly machine: GroupCoordinatorMachine;
  readonly joins = new Map<number, JoinResponse>();
  readonly syncs = new Map<number, SyncResponse>();
  readonly commits = new Map<number, { errorCode: number; topic: string; partition: number }[]>();
  readonly persisted: CoordinatorRecord[] = [];
  /** Persists waiting for an outcome when autoPersist is off. */
  readonly pendingPersists: number[] = [];
  scheduledAt: number | undefined;
  autoPersist = true;
  private ticket = 0;
  private ids = 0;

  constructor(config: Partial<CoordinatorConfig> = {}) {
    this.machine = new GroupCoordinatorMachine({ initialRebalanceDelayMs: 0, ...config }, () => this.time, () => `id${++this.ids}`);
  }

  apply(effects: Effect[]): void {
    for (const e of effects) {
      if (e.kind === 'join-reply') this.joins.set(e.ticket, e.response);
      else if (e.kind === 'sync-reply') this.syncs.set(e.ticket, e.response);
      else if (e.kind === 'commit-reply') this.commits.set(e.ticket, [...e.results]);
      else if (e.kind === 'schedule') this.scheduledAt = e.at;
      else if (this.autoPersist) {
        this.persisted.push(...e.records);
        this.apply(this.machine.persisted(e.id, null));
      } else {
        this.persisted.push(...e.records);
        this.pendingPersists.push(e.id);
      }
    }
  }

  /** Advances the fake clock, firing every scheduled wake-up on the way, as the shell's timer would. */
  advance(ms: number): void {
    const end = this.time + ms;
    while (this.scheduledAt !== undefined && this.scheduledAt <= end) {
      this.time = Math.max(this.time, this.scheduledAt);
      const before = this.scheduledAt;
      this.apply(this.machine.tick());
      if (this.scheduledAt === before) break;
    }
    this.time = end;
    this.apply(this.machine.tick());
  }

  join(req: Partial<JoinRequest> & { groupId?: string }): number {
    const ticket = ++this.ticket;
    const full: JoinRequest = {
      groupId: 'g',
      memberId: '',
      groupInstanceId: null,
      sessionTimeoutMs: 10_000,
      rebalanceTimeoutMs: 30_000,
      protocolType: 'consumer',
      protocols: [{ name: 'range', metadata: subscription(['t']) }],
      clientId: 'client',
      clientHost: '/127.0.0.1',
      requireKnownMemberId: false,
      ...req,
    };
    this.apply(this.machine.join(ticket, full));
    return ticket;
  }

  sync(memberId: string, generationId: number, assignments: Record<string, Buffer> = {}, groupInstanceId: string | null = null): number {
    const ticket = ++this.ticket;
    this.apply(
      this.machine.sync(ticket, {
        groupId: 'g',
        generationId,
        memberId,
        groupInstanceId,
        protocolType: null,
        protocolName: null,
        assignments: new Map(Object.entries(assignments)),
      }),
    );
    return ticket;
  }

  heartbeat(memberId: string, generationId: number, groupInstanceId: string | null = null): number {
    const { errorCode, effects } = this.machine.heartbeat({ groupId: 'g', memberId, generationId, groupInstanceId });
    this.apply(effects);
    return errorCode;
  }

  leave(memberId: string, groupInstanceId: string | null = null): number {
    const { response, effects } = this.machine.leave({ groupId: 'g', members: [{ memberId, groupInstanceId }] });
    this.apply(effects);
    return response.members[0]?.errorCode ?? response.errorCode;
  }

  commit(req: Partial<CommitRequest> & { offsets?: Record<string, bigint>; metadata?: string | null }): number {
    const ticket = ++this.ticket;
    const partitions = Object.entries(req.offsets ?? { 't:0': 5n }).map(([tp, offset]) => {
      const [topic = '', partition = '0'] = tp.split(':');
      return { topic, partition: Number(partition), offset, leaderEpoch: -1, metadata: req.metadata ?? null, commitTimestamp: -1n };
    });
    this.apply(
      this.machine.commit(ticket, {
        groupId: 'g',
        generationId: -1,
        memberId: '',
        groupInstanceId: null,
        retentionTimeMs: -1n,
        partitions,
        ...req,
      }),
    );
    return ticket;
  }

  joinResult(ticket: number): JoinResponse {
    const r = this.joins.get(ticket);
    if (!r) throw new Error(`join ${ticket} has no reply`);
    return r;
  }

  syncResult(ticket: number): SyncResponse {
    const r = this.syncs.get(ticket);
    if (!r) throw new Error(`sync ${ticket} has no reply`);
    return r;
  }

  state(groupId = 'g'): string {
    return this.machine.describeGroup(groupId).state;
  }

  /** One member joins an empty group and syncs: returns its id and the generation. */
  formGroup(assignment = Buffer.from('a1')): { memberId: string; generation: number } {
    const r = this.joinResult(this.join({}));
    this.syncResult(this.sync(r.memberId, r.generationId, { [r.memberId]: assignment }));
    return { memberId: r.memberId, generation: r.generationId };
  }
}
