// The thin shell around the group state machine: it owns the one real timer, the parked JoinGroup /
// SyncGroup / OffsetCommit requests (as promises keyed by ticket) and the writes to __consumer_offsets.
// Everything that decides anything is in the state machine; this file only carries effects out.
// Invariant: an OffsetCommit promise resolves only after its records are appended with 'fsync' durability.
import type { Logger } from 'pino';
import { KafkaError, type ErrorName } from '../errors.ts';
import type { LogStore } from '../log/types.ts';
import { OffsetsTopic } from './offsets-topic.ts';
import { GroupCoordinatorMachine, type GroupOverview } from './state-machine.ts';
import type {
  CommitPartitionResult,
  CommitRequest,
  CoordinatorConfig,
  CoordinatorRecord,
  Effect,
  FetchedOffset,
  GroupDescription,
  HeartbeatRequest,
  JoinRequest,
  JoinResponse,
  LeaveRequest,
  LeaveResponse,
  SyncRequest,
  SyncResponse,
} from './types.ts';
import { joinError, syncError } from './machine-core.ts';

export interface GroupCoordinatorOptions extends Partial<CoordinatorConfig> {
  /** offsets.topic.num.partitions (Kafka's default is 50). */
  readonly offsetsTopicPartitions?: number;
  /** Injected clock (tests). */
  readonly now?: () => number;
  /**
   * A partition of __consumer_offsets is compacted (live records rewritten, older ones dropped) once this many
   * records were written to it since the last time, and at least twice as many as it has live ones.
   */
  readonly compactAfterRecords?: number;
}

// setTimeout's limit; a longer wait is simply re-armed when it fires.
const MAX_TIMER_MS = 2 ** 31 - 1;

export class GroupCoordinator {
  private readonly machine: GroupCoordinatorMachine;
  readonly offsetsTopic: OffsetsTopic;
  private readonly now: () => number;
  private nextTicket = 1;
  private readonly joins = new Map<number, (r: JoinResponse) => void>();
  private readonly syncs = new Map<number, (r: SyncResponse) => void>();
  private readonly commits = new Map<number, (r: readonly CommitPartitionResult[]) => void>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly compactAfterRecords: number;
  /** Per __consumer_offsets partition: writes not yet finished, records written since the last compaction. */
  private readonly inFlight = new Map<number, number>();
  private readonly sinceCompaction = new Map<number, number>();
  private readonly compacting = new Set<number>();

  private constructor(
    store: LogStore,
    options: GroupCoordinatorOptions,
    private readonly logger: Logger,
  ) {
    this.now = options.now ?? Date.now;
    this.machine = new GroupCoordinatorMachine(options, this.now);
    this.offsetsTopic = new OffsetsTopic(store, options.offsetsTopicPartitions ?? 50);
    this.compactAfterRecords = options.compactAfterRecords ?? 100_000;
  }

  /** Opens the coordinator and replays __consumer_offsets into it before any request is served. */
  static async open(store: LogStore, options: GroupCoordinatorOptions, logger: Logger): Promise<GroupCoordinator> {
    const c = new GroupCoordinator(store, options, logger);
    await c.offsetsTopic.reconcileConfigs();
    const records: CoordinatorRecord[] = [];
    const skip = (partition: number, offset: bigint, err: unknown): void => {
      logger.warn({ err, partition, offset: offset.toString() }, 'skipped an undecodable __consumer_offsets record');
    };
    for await (const r of c.offsetsTopic.replay(skip)) records.push(r);
    c.apply(c.machine.load(records));
    // What earlier runs wrote counts toward the next compaction, so a long history is compacted soon after start.
    for (let p = 0; p < c.offsetsTopic.partitions(); p++) c.sinceCompaction.set(p, c.offsetsTopic.recordsHeld(p));
    if (records.length > 0) logger.info({ records: records.length, groups: c.machine.listGroups().length }, 'group coordinator loaded __consumer_offsets');
    return c;
  }

  join(req: JoinRequest): Promise<JoinResponse> {
    if (this.closed) return Promise.resolve(joinError(req.memberId, 'COORDINATOR_NOT_AVAILABLE'));
    const ticket = this.nextTicket++;
    const reply = new Promise<JoinResponse>((resolve) => this.joins.set(ticket, resolve));
    this.apply(this.machine.join(ticket, req));
    return reply;
  }

  sync(req: SyncRequest): Promise<SyncResponse> {
    if (this.closed) return Promise.resolve(syncError('COORDINATOR_NOT_AVAILABLE'));
    const ticket = this.nextTicket++;
    const reply = new Promise<SyncResponse>((resolve) => this.syncs.set(ticket, resolve));
    this.apply(this.machine.sync(ticket, req));
    return reply;
  }

  heartbeat(req: HeartbeatRequest): number {
    const { errorCode, effects } = this.machine.heartbeat(req);
    this.apply(effects);
    return errorCode;
  }

  leave(req: LeaveRequest): LeaveResponse {
    const { response, effects } = this.machine.leave(req);
    this.apply(effects);
    return response;
  }

  commit(req: CommitRequest): Promise<readonly CommitPartitionResult[]> {
    const ticket = this.nextTicket++;
    const reply = new Promise<readonly CommitPartitionResult[]>((resolve) => this.commits.set(ticket, resolve));
    this.apply(this.machine.commit(ticket, req));
    return reply;
  }

  fetchOffsets(groupId: string, partitions: readonly { topic: string; partition: number }[] | null): FetchedOffset[] {
    return this.machine.fetchOffsets(groupId, partitions);
  }

  listGroups(): GroupOverview[] {
    return this.machine.listGroups();
  }

  describeGroup(groupId: string): GroupDescription {
    return this.machine.describeGroup(groupId);
  }

  deleteGroups(groupIds: readonly string[]): { groupId: string; errorCode: number }[] {
    const { results, effects } = this.machine.deleteGroups(groupIds);
    this.apply(effects);
    return results;
  }

  deleteOffsets(groupId: string, partitions: readonly { topic: string; partition: number }[]): ReturnType<GroupCoordinatorMachine['deleteOffsets']> {
    const out = this.machine.deleteOffsets(groupId, partitions);
    this.apply(out.effects);
    return out;
  }

  /** Parked requests are answered COORDINATOR_NOT_AVAILABLE (clients rediscover and retry); the timer stops. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const resolve of this.joins.values()) resolve(joinError('', 'COORDINATOR_NOT_AVAILABLE'));
    for (const resolve of this.syncs.values()) resolve(syncError('COORDINATOR_NOT_AVAILABLE'));
    this.joins.clear();
    this.syncs.clear();
  }

  private apply(effects: readonly Effect[]): void {
    for (const e of effects) {
      switch (e.kind) {
        case 'join-reply':
          this.joins.get(e.ticket)?.(e.response);
          this.joins.delete(e.ticket);
          break;
        case 'sync-reply':
          this.syncs.get(e.ticket)?.(e.response);
          this.syncs.delete(e.ticket);
          break;
        case 'commit-reply':
          this.commits.get(e.ticket)?.(e.results);
          this.commits.delete(e.ticket);
          break;
        case 'persist':
          this.persist(e.id, e.groupId, e.records, e.durable);
          break;
        case 'schedule':
          this.schedule(e.at);
          break;
      }
    }
  }

  private persist(id: number, groupId: string, records: readonly CoordinatorRecord[], durable: boolean): void {
    const partition = this.offsetsTopic.partitionFor(groupId);
    this.inFlight.set(partition, (this.inFlight.get(partition) ?? 0) + 1);
    this.sinceCompaction.set(partition, (this.sinceCompaction.get(partition) ?? 0) + records.length);
    const done = (): void => {
      const left = (this.inFlight.get(partition) ?? 1) - 1;
      this.inFlight.set(partition, left);
      if (left === 0) this.maybeCompact(partition);
    };
    let written: Promise<unknown>;
    try {
      written = this.offsetsTopic.append(groupId, records, durable, this.now());
    } catch (err) {
      written = Promise.reject(err);
    }
    written.then(
      () => {
        this.apply(this.machine.persisted(id, null));
        done();
      },
      (err: unknown) => {
        this.logger.error({ err, groupId }, 'write to __consumer_offsets failed');
        const error: ErrorName = err instanceof KafkaError ? err.errorName : 'KAFKA_STORAGE_ERROR';
        this.apply(this.machine.persisted(id, error));
        done();
      },
    );
  }

  /**
   * Bounds __consumer_offsets: once a partition has taken many records, its live state is written again and
   * everything before it dropped. Runs only when no earlier write to the partition is still in flight (all of
   * them are then applied to the state the snapshot is taken from), and the snapshot is taken and its append
   * issued synchronously, so every later write lands after it.
   */
  private maybeCompact(partition: number): void {
    const written = this.sinceCompaction.get(partition) ?? 0;
    if (this.closed || this.compacting.has(partition) || written < this.compactAfterRecords) return;
    const records = this.machine.snapshot((groupId) => this.offsetsTopic.partitionFor(groupId) === partition);
    if (written < 2 * records.length) return;
    this.compacting.add(partition);
    this.sinceCompaction.set(partition, records.length);
    this.offsetsTopic.compact(partition, records, this.now()).then(
      (start) => this.logger.info({ partition, live: records.length, dropped: written, logStartOffset: start?.toString() }, 'compacted __consumer_offsets partition'),
      (err: unknown) => this.logger.warn({ err, partition }, 'compacting __consumer_offsets failed'),
    ).finally(() => {
      this.compacting.delete(partition);
      // Writes that finished meanwhile found this compaction running and skipped theirs: without a look now,
      // a partition that took its last writes during a compaction would stay uncompacted until it is written again.
      if ((this.inFlight.get(partition) ?? 0) === 0) this.maybeCompact(partition);
    });
  }

  private schedule(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.closed) return;
    const delay = Math.min(Math.max(0, at - this.now()), MAX_TIMER_MS);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.apply(this.machine.tick());
      } catch (err) {
        this.logger.error({ err }, 'group coordinator tick failed');
      }
    }, delay);
    // The coordinator's timer must not keep a stopping process alive.
    this.timer.unref();
  }
}
