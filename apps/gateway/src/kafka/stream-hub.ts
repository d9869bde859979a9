import type { ProblemDetail } from '@brook/contract';
import { fromKafkaError, HttpError } from '../errors.ts';
import type { Metrics } from '../plugins/metrics.ts';
import { encodeCursor } from './cursor.ts';
import { fetchFrom, toRecord, type FetchedPartition } from './fetcher.ts';
import type { KafkaService } from './kafka-service.ts';
import { isUnknownTopic, type MetadataService, type TopicMeta } from './metadata.ts';
import { sseEvent, StreamClient, type OpenStream } from './stream-client.ts';
import { EARLIEST_TIMESTAMP, LATEST_TIMESTAMP, type WireMessage } from './wire.ts';

export interface StreamLimits {
  maxClients: number;
  bufferBytes: number;
  keepaliveMs: number;
}

export type { OpenStream } from './stream-client.ts';

/**
 * One upstream reader per topic, shared by every client streaming it: a long-poll Fetch
 * loop from the live position `live`. Clients that start behind (a cursor, earliest, a
 * timestamp) first catch up with their own reads up to `live`, then join the broadcast —
 * so each client sees every record of its partitions once, in offset order.
 */
class TopicStream {
  readonly live = new Map<number, number>();
  readonly members = new Set<StreamClient>();
  private readonly broadcastTo = new Set<StreamClient>();
  meta!: TopicMeta;
  private stopped = false;
  private running = false;
  readonly ready: Promise<void>;

  constructor(
    readonly topic: string,
    private readonly hub: StreamHub,
  ) {
    this.ready = this.init();
  }

  private async init(): Promise<void> {
    this.meta = await this.hub.metadata.topic(this.topic);
    const latest = await this.hub.metadata.offsets([this.meta], LATEST_TIMESTAMP);
    for (const p of this.meta.partitions) this.live.set(p.partitionId, latest.get(this.topic)?.get(p.partitionId) ?? 0);
  }

  add(client: StreamClient): void {
    this.members.add(client);
    if (!this.running) {
      this.running = true;
      void this.run();
    }
    const start = client.options.start;
    if (!start) {
      client.synced = true;
      this.broadcastTo.add(client);
      return;
    }
    client.positions = new Map(start);
    void this.catchUp(client);
  }

  remove(client: StreamClient): void {
    this.members.delete(client);
    this.broadcastTo.delete(client);
  }

  private async catchUp(client: StreamClient): Promise<void> {
    let stalled = 0;
    let failures = 0;
    while (!client.closed) {
      try {
        await this.catchUpStep(client, () => ++stalled >= 2, () => (stalled = 0));
        if (this.broadcastTo.has(client)) return;
        failures = 0;
      } catch (error) {
        if (isUnknownTopic(error) || ++failures >= 10) return client.fail(problemOf(error));
        await new Promise((resolve) => setTimeout(resolve, 100 * failures));
      }
    }
  }

  /** One read towards the live position; joins the broadcast once there. */
  private async catchUpStep(client: StreamClient, stall: () => boolean, unstall: () => void): Promise<void> {
    const behind = this.meta.partitions.filter(
      (p) => client.inScope(p.partitionId) && (client.positions.get(p.partitionId) ?? 0) < (this.live.get(p.partitionId) ?? 0),
    );
    if (behind.length === 0) {
      for (const [p, offset] of this.live) if (client.inScope(p)) client.positions.set(p, offset);
      client.synced = true;
      this.broadcastTo.add(client);
      return;
    }
    const positions = new Map(behind.map((p) => [p.partitionId, client.positions.get(p.partitionId) ?? 0]));
    const fetched = await this.hub.kafka.withReader((cluster) =>
      fetchFrom(cluster, { ...this.meta, partitions: behind }, positions, { maxWaitMs: 0, maxBytes: 256 * 1024 }),
    );
    if (client.closed) return;
    let progressed = false;
    let chunk = '';
    for (const p of behind) {
      const id = p.partitionId;
      const data = fetched.get(id);
      const limit = this.live.get(id) ?? 0;
      const from = client.positions.get(id) ?? 0;
      for (const message of data?.messages ?? []) {
        const offset = Number(message.offset);
        if (offset >= limit) break;
        client.positions.set(id, offset + 1);
        if (!client.options.filter || client.options.filter(message, id)) chunk += this.event(client, id, message);
      }
      if (data && data.next > (client.positions.get(id) ?? 0)) client.positions.set(id, Math.min(data.next, limit));
      if ((client.positions.get(id) ?? 0) > from) progressed = true;
    }
    if (chunk) client.write(chunk);
    if (progressed) unstall();
    else if (stall()) {
      // Offsets below the log start (retention) or beyond a gap: move to what exists.
      const earliest = await this.hub.metadata.offsets([{ ...this.meta, partitions: behind }], EARLIEST_TIMESTAMP);
      for (const p of behind) {
        const low = earliest.get(this.topic)?.get(p.partitionId) ?? 0;
        const current = client.positions.get(p.partitionId) ?? 0;
        client.positions.set(p.partitionId, current < low ? low : (this.live.get(p.partitionId) ?? current));
      }
      unstall();
    }
    await client.drained();
  }

  /** An event for one client, with its own cursor (clients not yet at the live position). */
  private event(client: StreamClient, partition: number, message: WireMessage): string {
    const cursor = new Map([...client.positions].filter(([p]) => client.inScope(p)));
    return sseEvent('record', JSON.stringify(toRecord(this.topic, partition, message)), encodeCursor(this.topic, cursor));
  }

  private broadcast(fetched: Map<number, FetchedPartition>): void {
    const before = new Map(this.live);
    // Each record is turned into JSON once; its event text for all-partition clients (`all`, with the topic
    // cursor after it) too. The single-partition form is only built if a client streams one partition.
    const entries: Array<{ partition: number; message: WireMessage; json: string; all: string; one?: string }> = [];
    for (const [partition, data] of [...fetched].sort((a, b) => a[0] - b[0])) {
      for (const message of data.messages) {
        const offset = Number(message.offset);
        if (offset < (this.live.get(partition) ?? 0)) continue;
        this.live.set(partition, offset + 1);
        const json = JSON.stringify(toRecord(this.topic, partition, message));
        entries.push({ partition, message, json, all: sseEvent('record', json, encodeCursor(this.topic, this.live)) });
      }
      if (data.next > (this.live.get(partition) ?? 0)) this.live.set(partition, data.next);
    }
    const scoped = (entry: (typeof entries)[number]): string =>
      (entry.one ??= sseEvent('record', entry.json, encodeCursor(this.topic, new Map([[entry.partition, Number(entry.message.offset) + 1]]))));
    // With nothing new, only clients still catching up to the live position need this round.
    if (entries.length === 0 && [...this.broadcastTo].every((c) => c.synced)) return;
    let delivered = 0;
    // Clients at the live position without filters get the very same bytes: encode them once per scope.
    const shared = new Map<number | undefined, { bytes: Buffer; events: number }>();
    const sharedChunk = (scope: number | undefined): { bytes: Buffer; events: number } => {
      let chunk = shared.get(scope);
      if (!chunk) {
        const picked = entries.filter((e) => scope === undefined || e.partition === scope);
        chunk = { bytes: Buffer.from(picked.map((e) => (scope === undefined ? e.all : scoped(e))).join('')), events: picked.length };
        shared.set(scope, chunk);
      }
      return chunk;
    };
    for (const client of this.broadcastTo) {
      let chunk = '';
      const filter = client.options.filter;
      if (client.synced && !filter) {
        const { bytes, events } = sharedChunk(client.options.partition);
        if (events > 0) client.write(bytes);
        delivered += events;
        continue;
      }
      if (client.synced) {
        for (const entry of entries) {
          if (!client.inScope(entry.partition) || (filter && !filter(entry.message, entry.partition))) continue;
          chunk += client.options.partition === undefined ? entry.all : scoped(entry);
          delivered++;
        }
      } else {
        for (const entry of entries) {
          if (!client.inScope(entry.partition)) continue;
          const offset = Number(entry.message.offset);
          if (offset < (client.positions.get(entry.partition) ?? before.get(entry.partition) ?? 0)) continue;
          client.positions.set(entry.partition, offset + 1);
          if (filter && !filter(entry.message, entry.partition)) continue;
          chunk += this.event(client, entry.partition, entry.message);
          delivered++;
        }
        if ([...this.live].every(([p, offset]) => !client.inScope(p) || (client.positions.get(p) ?? offset) === offset)) client.synced = true;
      }
      if (chunk) client.write(chunk);
    }
    if (delivered > 0) this.hub.metrics.inc('brook_gateway_sse_events_total', {}, delivered);
  }

  private async refreshPartitions(): Promise<void> {
    const meta = await this.hub.metadata.topic(this.topic);
    const added = meta.partitions.filter((p) => !this.live.has(p.partitionId));
    this.meta = meta;
    if (added.length === 0) return;
    // New partitions are read from their start: every record in them is new to every client.
    const earliest = await this.hub.metadata.offsets([{ ...meta, partitions: added }], EARLIEST_TIMESTAMP);
    for (const p of added) this.live.set(p.partitionId, earliest.get(this.topic)?.get(p.partitionId) ?? 0);
  }

  private async run(): Promise<void> {
    let failures = 0;
    let metaAt = Date.now();
    while (!this.stopped && this.members.size > 0) {
      try {
        if (Date.now() - metaAt > 10_000) {
          metaAt = Date.now();
          await this.refreshPartitions();
        }
        const fetched = await this.hub.kafka.withStreamer((cluster) =>
          fetchFrom(cluster, this.meta, this.live, { maxWaitMs: 500, maxBytes: 1024 * 1024 }),
        );
        failures = 0;
        this.broadcast(fetched);
      } catch (error) {
        if (isUnknownTopic(error) || (error instanceof HttpError && error.code === 'GATEWAY_TOPIC_NOT_FOUND')) {
          this.closeAll({ code: 'GATEWAY_TOPIC_NOT_FOUND', message: `Topic "${this.topic}" was deleted` });
          break;
        }
        if (++failures >= 20) {
          this.closeAll(problemOf(error));
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 100 * failures)));
        metaAt = 0;
      }
    }
    this.stopped = true;
    this.hub.forget(this);
  }

  closeAll(problem: ProblemDetail): void {
    for (const client of [...this.members]) client.fail(problem);
  }

  stop(): void {
    this.stopped = true;
  }

  get isStopped(): boolean {
    return this.stopped;
  }
}

function problemOf(error: unknown): ProblemDetail {
  if (error instanceof HttpError) return error.toProblem();
  return (fromKafkaError(error) ?? new HttpError(500, 'GATEWAY_INTERNAL', 'stream failed')).toProblem();
}

/** Every open SSE stream of the gateway, grouped by topic, with the connection cap and keepalives. */
export class StreamHub {
  private readonly topics = new Map<string, TopicStream>();
  private readonly clients = new Set<StreamClient>();
  private readonly keepalive: NodeJS.Timeout;

  constructor(
    readonly kafka: KafkaService,
    readonly metadata: MetadataService,
    readonly metrics: Metrics,
    private readonly limits: StreamLimits,
  ) {
    this.keepalive = setInterval(() => {
      for (const client of this.clients) client.write(': keepalive\n\n');
    }, limits.keepaliveMs);
    this.keepalive.unref();
  }

  private external = 0;

  get size(): number {
    return this.clients.size + this.external;
  }

  /** Counts a stream served elsewhere (consumer-group streams) against the cap; call the result once closed. */
  acquireExternal(): () => void {
    this.external++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.external--;
    };
  }

  /** Throws 503 when the cap is reached, 404 when the topic does not exist (before any byte is sent). */
  reserve(): void {
    if (this.size >= this.limits.maxClients) {
      throw new HttpError(503, 'GATEWAY_TOO_MANY_STREAMS', `At most ${this.limits.maxClients} streams may be open`, {
        headers: { 'retry-after': '5' },
      });
    }
  }

  async topicStream(topic: string): Promise<TopicStream> {
    let stream = this.topics.get(topic);
    if (!stream || stream.isStopped) {
      stream = new TopicStream(topic, this);
      this.topics.set(topic, stream);
      stream.ready.catch(() => {
        if (this.topics.get(topic) === stream) this.topics.delete(topic);
      });
    }
    await stream.ready;
    return stream;
  }

  /**
   * Adds a client to the topic's shared reader. The route looked `stream` up before its own awaits (offsets
   * for a cursor or a timestamp); if the last client left meanwhile, that reader has stopped for good and the
   * client joins the topic's current one instead of waiting on a loop that will never fetch again.
   */
  async open(looked: TopicStream, options: OpenStream): Promise<void> {
    let stream = looked;
    const client = new StreamClient(options, this.limits.bufferBytes, (c) => {
      this.clients.delete(c);
      stream.remove(c);
      this.metrics.set('brook_gateway_sse_clients', {}, this.clients.size);
    });
    if (client.closed) return;
    this.clients.add(client);
    this.metrics.set('brook_gateway_sse_clients', {}, this.clients.size);
    try {
      while (stream.isStopped && !client.closed) stream = await this.topicStream(stream.topic);
    } catch (error) {
      client.fail(problemOf(error));
      return;
    }
    if (!client.closed) stream.add(client);
  }

  forget(stream: TopicStream): void {
    if (this.topics.get(stream.topic) === stream) this.topics.delete(stream.topic);
  }

  close(): void {
    clearInterval(this.keepalive);
    for (const stream of this.topics.values()) stream.stop();
    for (const client of [...this.clients]) client.close();
  }
}
