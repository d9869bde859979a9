// One partition's segmented log. Invariants:
// - single writer: appends are queued and written by one drain loop, in order; each drain pass coalesces every
//   queued append into one positional writev per segment;
// - readers see only whole, written batches: endOffset and segment sizes advance after write() returns;
// - 'fsync' appends resolve after an fsync that started after their write completed (FsyncGate group commit);
// - the active (last) segment is never deleted or cleaned; retention removes whole segments from the front, and
//   compaction swaps sealed segments for cleaned copies (maintenance — retention, DeleteRecords, cleaning — is
//   serialized on its own chain, beside the writer).
// Kept as one class (just over 400 lines): the writer, readers and maintenance share the segment list and
// offsets under these invariants, and a split would have to expose that state.
import { dirname, join } from 'node:path';
import { KafkaError } from '../errors.ts';
import { Off, batchLastOffsetDelta, batchMaxTimestamp, setLogAppendTime } from '../records/batch.ts';
import type { AppendResult, Durability, LogEvents, PartitionLog, ReadResult } from './types.ts';
import type { ResolvedTopicConfig } from './topic-config.ts';
import { Segment, segmentIndexFor } from './segment.ts';
import { ProducerStateMap, assignOffsets, type AssignedOffsets } from './producer-state.ts';
import { syncDir, writeFileAtomic } from './atomic-file.ts';
import { CLEANER_CHECKPOINT, START_CHECKPOINT, openSegments, writeProducerSnapshot } from './recovery.ts';
import { findByTimestamp, readFromSegment } from './segment-read.ts';
import { cleanSegments, isDirty } from './cleaner.ts';
import { TailCache } from './tail-cache.ts';

export interface PartitionEnv {
  readonly fsync: boolean;
  readonly now: () => number;
  readonly logger: LogEvents;
}

interface PendingAppend {
  readonly batches: readonly Buffer[];
  readonly durability: Durability;
  readonly resolve: (r: AppendResult) => void;
  readonly reject: (e: unknown) => void;
}

const LEADER_EPOCH = 0;
const MAX_RETENTION_DELETES_PER_PASS = 4;
const MAX_RELATIVE_OFFSET = 0x7fffffff;
// Deleted segments keep their descriptor this long so reads already under way can finish.
const RETIRED_CLOSE_DELAY_MS = 60_000;
const EMPTY: ReadResult = Object.freeze({ chunks: [], bytes: 0 });

export class FilePartitionLog implements PartitionLog {
  private segments: Segment[] = [];
  /** Sum of segment sizes, kept current so Fetch long-polls can ask on every append. */
  private totalBytes = 0;
  private startOffset = 0n;
  private endOffset = 0n;
  /** Offset assignment cursor: ahead of endOffset while a write is in flight. */
  private nextOffset = 0n;
  readonly producers = new ProducerStateMap();
  private readonly listeners = new Set<() => void>();
  private queue: PendingAppend[] = [];
  private draining: Promise<void> | undefined;
  private failure: KafkaError | undefined;
  private closed = false;
  private readonly retired = new Set<Segment>();
  private maintenance: Promise<unknown> = Promise.resolve();
  /** Offsets below this were compacted by the last cleaning (cleanup.policy=compact). */
  private cleanedUpTo = 0n;
  /** A new partition's directory entries still need an fsync before the first fsynced append is acknowledged. */
  private dirSyncPending = false;
  /** The active segment's newest batches, for fetches at the log end (see tail-cache.ts). */
  private readonly tail = new TailCache();

  private constructor(
    readonly dir: string,
    readonly topic: string,
    readonly index: number,
    private config: ResolvedTopicConfig,
    private readonly env: PartitionEnv,
  ) {}

  static async open(dir: string, topic: string, index: number, config: ResolvedTopicConfig, env: PartitionEnv): Promise<FilePartitionLog> {
    const log = new FilePartitionLog(dir, topic, index, config, env);
    await log.load();
    return log;
  }

  private async load(): Promise<void> {
    const opened = await openSegments(this.dir, this.config.indexIntervalBytes, this.env, this.producers, (report, seg) => {
      this.env.logger.warn({ topic: this.topic, partition: this.index, segment: seg.logPath, ...report }, 'truncated a torn or corrupt log tail');
    });
    this.segments = opened.segments;
    this.cleanedUpTo = opened.cleanedUpTo;
    this.dirSyncPending = opened.dirSyncPending;
    for (const seg of this.segments) this.totalBytes += seg.size;
    this.endOffset = this.nextOffset = this.active.nextOffset;
    const first = this.segments[0]!.baseOffset;
    const checkpoint = opened.startCheckpoint;
    this.startOffset = checkpoint !== undefined && checkpoint > first ? checkpoint : first;
    if (this.startOffset > this.endOffset) this.startOffset = this.endOffset;
  }

  private get active(): Segment {
    return this.segments[this.segments.length - 1]!;
  }

  logStartOffset(): bigint {
    return this.startOffset;
  }

  logEndOffset(): bigint {
    return this.endOffset;
  }

  sizeBytes(): number {
    return this.totalBytes;
  }

  segmentCount(): number {
    return this.segments.length;
  }

  setConfig(config: ResolvedTopicConfig): void {
    this.config = config;
  }

  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  append(batches: readonly Buffer[], durability: Durability): Promise<AppendResult> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new KafkaError('NOT_LEADER_OR_FOLLOWER', `${this.topic}-${this.index} is closed`));
    if (batches.length === 0) return Promise.reject(new KafkaError('CORRUPT_MESSAGE', 'no record batch'));
    for (const b of batches) {
      if (b.length > this.config.maxMessageBytes) {
        return Promise.reject(new KafkaError('MESSAGE_TOO_LARGE', `batch of ${b.length} bytes exceeds max.message.bytes ${this.config.maxMessageBytes}`));
      }
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ batches, durability, resolve, reject });
      this.draining ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0 && !this.failure) {
        const items = this.queue;
        this.queue = [];
        try {
          await this.writeItems(items);
        } catch (err) {
          // What reached the file is unknown: stop taking writes; recovery on restart truncates to whole batches.
          this.failure = new KafkaError('KAFKA_STORAGE_ERROR', `write to ${this.topic}-${this.index} failed: ${(err as Error).message}`);
          this.env.logger.error({ err, topic: this.topic, partition: this.index }, 'log write failed; partition refuses writes until restart');
          for (const item of items) item.reject(this.failure);
        }
      }
      for (const item of this.queue.splice(0)) item.reject(this.failure);
    } finally {
      this.draining = undefined;
    }
  }

  private async writeItems(items: PendingAppend[]): Promise<void> {
    const now = this.env.now();
    const appendTime = this.config.logAppendTime ? BigInt(now) : -1n;
    let seg = this.active;
    const firstSegment = seg;
    let group: Buffer[] = [];
    let groupBytes = 0;
    const settled: Array<{ item: PendingAppend; result: AppendResult }> = [];
    for (const item of items) {
      const staged = this.assignOffsets(item);
      if (!staged) continue;
      for (const b of staged.batches) {
        const base = b.readBigInt64BE(Off.baseOffset);
        const delta = batchLastOffsetDelta(b);
        if (this.needsRoll(seg, groupBytes, b.length, base + BigInt(delta), now)) {
          await this.writeGroup(seg, group, groupBytes, base);
          group = [];
          groupBytes = 0;
          seg = await this.roll(base);
        }
        if (appendTime >= 0n) setLogAppendTime(b, appendTime);
        seg.maybeIndex(base, seg.size + groupBytes, b.length, batchMaxTimestamp(b), this.config.indexIntervalBytes);
        group.push(b);
        groupBytes += b.length;
      }
      settled.push({
        item,
        result: { baseOffset: staged.baseOffset, lastOffset: staged.lastOffset, logAppendTimeMs: appendTime, logStartOffset: this.startOffset, duplicate: staged.batches.length === 0 },
      });
    }
    await this.writeGroup(seg, group, groupBytes, this.nextOffset);
    await seg.flushIndexes();
    // Producer state now matches the file exactly (every assigned batch is written): after a roll, snapshot it
    // so a restart needs to walk only the new segment and still knows producers whose batches are older.
    if (seg !== firstSegment && this.producers.size > 0) await writeProducerSnapshot(this.dir, seg, this.producers, this.env.fsync);
    if (this.dirSyncPending && this.env.fsync && settled.some(({ item }) => item.durability === 'fsync')) {
      await syncDir(this.dir);
      await syncDir(dirname(this.dir));
      this.dirSyncPending = false;
    }
    for (const { item, result } of settled) {
      if (item.durability === 'fsync' && this.env.fsync) {
        seg.fsync.request().then(
          () => item.resolve(result),
          (err: Error) => item.reject(new KafkaError('KAFKA_STORAGE_ERROR', `fsync failed: ${err.message}`)),
        );
      } else item.resolve(result);
    }
    for (const listener of this.listeners) {
      try {
        listener();
      } catch {
        // a listener's failure is its own; the append succeeded
      }
    }
  }

  /** Sequence-checks and stamps one append's batches; rejects the append (and returns undefined) on error. */
  private assignOffsets(item: PendingAppend): AssignedOffsets | undefined {
    try {
      const assigned = assignOffsets(this.producers, item.batches, this.nextOffset, LEADER_EPOCH);
      this.nextOffset = assigned.next;
      return assigned;
    } catch (err) {
      item.reject(err);
      return undefined;
    }
  }

  private needsRoll(seg: Segment, groupBytes: number, bytes: number, lastOffset: bigint, now: number): boolean {
    const used = seg.size + groupBytes;
    if (used === 0) return false;
    return used + bytes > this.config.segmentBytes || now - seg.createdMs >= this.config.segmentMs || lastOffset - seg.baseOffset > BigInt(MAX_RELATIVE_OFFSET);
  }

  private async writeGroup(seg: Segment, group: Buffer[], bytes: number, endOffset: bigint): Promise<void> {
    if (group.length === 0) return;
    await seg.write(group, bytes);
    this.tail.append(group);
    this.totalBytes += bytes;
    seg.modifiedMs = this.env.now();
    seg.nextOffset = endOffset;
    this.endOffset = endOffset;
  }

  private async roll(baseOffset: bigint): Promise<Segment> {
    const old = this.active;
    old.sealTimeIndex();
    await old.flushIndexes(true);
    // The sealed segment is made durable once, so recovery only ever needs to look at the last segment.
    if (this.env.fsync) await old.fsync.request();
    const seg = new Segment(this.dir, baseOffset, this.env.now());
    await seg.use(async () => undefined); // creates the file before the directory is synced
    this.segments.push(seg);
    this.tail.clear();
    if (this.env.fsync) await syncDir(this.dir);
    return seg;
  }

  async read(offset: bigint, maxBytes: number): Promise<ReadResult> {
    if (this.closed) throw new KafkaError('UNKNOWN_TOPIC_OR_PARTITION', `${this.topic}-${this.index} was closed or deleted`);
    if (offset < this.startOffset || offset > this.endOffset) {
      throw new KafkaError('OFFSET_OUT_OF_RANGE', `offset ${offset} is outside [${this.startOffset}, ${this.endOffset}] of ${this.topic}-${this.index}`);
    }
    if (offset === this.endOffset) return EMPTY;
    const cached = this.tail.read(offset, maxBytes);
    if (cached) return cached;
    let result: ReadResult = EMPTY;
    let from = offset;
    for (let i = segmentIndexFor(this.segments, offset); i < this.segments.length && result.bytes < maxBytes; i++) {
      const seg = this.segments[i]!;
      if (from >= seg.nextOffset) continue;
      let r: ReadResult;
      try {
        r = await readFromSegment(seg, from, maxBytes - result.bytes, this.config.indexIntervalBytes, result.bytes > 0);
      } catch (err) {
        // The cleaner swapped this segment while we were about to read it: read again from the new list.
        if (seg.replaced) return this.read(offset, maxBytes);
        throw err;
      }
      if (r.chunks.length === 0) {
        if (result.bytes > 0) break;
        continue;
      }
      // A read that ends at a segment's end goes on into the next one, so a roll does not shrink fetches.
      result = result.bytes === 0 ? r : { chunks: [...result.chunks, ...r.chunks], bytes: result.bytes + r.bytes };
      const last = r.chunks[r.chunks.length - 1]!;
      // Stopped inside this segment (maxBytes reached): the next segment's batches would leave a hole.
      if (last.readBigInt64BE(Off.baseOffset) + BigInt(last.readInt32BE(Off.lastOffsetDelta)) + 1n < seg.nextOffset) break;
      from = seg.nextOffset;
    }
    return result;
  }



  async offsetForTimestamp(timestampMs: bigint): Promise<{ offset: bigint; timestampMs: bigint } | undefined> {
    for (const seg of [...this.segments]) {
      if (seg.maxTimestamp < timestampMs || seg.size === 0 || seg.nextOffset <= this.startOffset) continue;
      const found = await findByTimestamp(seg, timestampMs, this.startOffset);
      if (found) return found;
    }
    return undefined;
  }


  deleteRecordsBefore(offset: bigint): Promise<bigint> {
    return this.serialize(async () => {
      if (offset < 0n || offset > this.endOffset) {
        throw new KafkaError('OFFSET_OUT_OF_RANGE', `offset ${offset} is outside [${this.startOffset}, ${this.endOffset}]`);
      }
      if (offset <= this.startOffset) return this.startOffset;
      this.startOffset = offset;
      await writeFileAtomic(join(this.dir, START_CHECKPOINT), offset.toString(), this.env.fsync);
      await this.deleteSegments(() => false, Number.MAX_SAFE_INTEGER);
      return this.startOffset;
    });
  }

  /** One bounded retention pass: segments wholly before the log start, older than retention.ms, or over retention.bytes. */
  enforceRetention(): Promise<number> {
    return this.serialize(() => {
      const now = this.env.now();
      const { retentionMs, retentionBytes, deleteRetention } = this.config;
      let total = this.sizeBytes();
      return this.deleteSegments((seg) => {
        // Segments without timestamps (up-converted magic 0) age by when they were last written, as in Kafka.
        const age = now - (seg.maxTimestamp >= 0n ? Number(seg.maxTimestamp) : seg.modifiedMs);
        const byTime = deleteRetention && retentionMs >= 0 && age > retentionMs;
        const bySize = deleteRetention && retentionBytes >= 0 && total - seg.size >= retentionBytes;
        if (byTime || bySize) total -= seg.size;
        return byTime || bySize;
      }, MAX_RETENTION_DELETES_PER_PASS);
    });
  }

  private async deleteSegments(expired: (seg: Segment) => boolean, max: number): Promise<number> {
    let deleted = 0;
    while (this.segments.length > 1 && deleted < max && !this.closed) {
      const seg = this.segments[0]!;
      if (!(seg.nextOffset <= this.startOffset || expired(seg))) break;
      this.segments.shift();
      this.totalBytes -= seg.size;
      if (this.startOffset < this.segments[0]!.baseOffset) this.startOffset = this.segments[0]!.baseOffset;
      seg.markDeleted();
      await seg.deleteFiles();
      this.retire(seg);
      deleted++;
    }
    if (deleted > 0) {
      this.env.logger.info({ topic: this.topic, partition: this.index, segments: deleted, logStartOffset: this.startOffset.toString() }, 'deleted old log segments');
    }
    return deleted;
  }

  private retire(seg: Segment): void {
    this.retired.add(seg);
    setTimeout(() => {
      this.retired.delete(seg);
      void seg.closeFile();
    }, RETIRED_CLOSE_DELAY_MS).unref();
  }

  /** One cleaning of the sealed segments when cleanup.policy has compact and enough of them is dirty. */
  compact(): Promise<number> {
    return this.serialize(async () => {
      const { compact, minCleanableDirtyRatio, deleteRetentionMs, indexIntervalBytes } = this.config;
      const sealed = this.segments.slice(0, -1);
      if (!compact || sealed.length === 0 || this.closed) return 0;
      if (!isDirty(sealed, this.cleanedUpTo, minCleanableDirtyRatio)) return 0;
      const replaced = await cleanSegments(sealed, { now: this.env.now(), deleteRetentionMs, indexIntervalBytes, fsync: this.env.fsync });
      for (const [old, next] of replaced) {
        const i = this.segments.indexOf(old);
        if (i < 0) continue;
        this.segments[i] = next;
        this.totalBytes += next.size - old.size;
        old.markReplaced();
        this.retire(old);
      }
      const upTo = sealed[sealed.length - 1]!.nextOffset;
      if (upTo > this.cleanedUpTo) {
        this.cleanedUpTo = upTo;
        await writeFileAtomic(join(this.dir, CLEANER_CHECKPOINT), upTo.toString(), this.env.fsync);
      }
      if (replaced.size > 0) this.env.logger.info({ topic: this.topic, partition: this.index, segments: replaced.size }, 'compacted log segments');
      return replaced.size;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.draining;
    this.tail.clear();
    await this.maintenance.catch(() => undefined);
    if (!this.failure && this.producers.size > 0) await writeProducerSnapshot(this.dir, this.active, this.producers, this.env.fsync).catch(() => undefined);
    for (const seg of this.segments) {
      await seg.flushIndexes(true).catch(() => undefined);
      await seg.closeFile();
    }
    for (const seg of this.retired) await seg.closeFile();
    this.retired.clear();
  }

  private serialize<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.maintenance.then(fn, fn);
    this.maintenance = run.catch(() => undefined);
    return run;
  }
}
