// The LogStore: topic registry + one PartitionLog per partition + the background retention pass.
// Data dir layout: meta/topics/<topic>.json (registry), meta/producer-ids (InitProducerId), <topic>-<n>/ (partition logs).
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { KafkaError } from '../errors.ts';
import type { LogEvents, LogOptions, LogStore, PartitionLog, TopicMeta } from './types.ts';
import { TopicRegistry } from './topic-registry.ts';
import { resolveTopicConfig, validateTopicConfigs, validateTopicName, type ResolvedTopicConfig } from './topic-config.ts';
import { FilePartitionLog, type PartitionEnv } from './partition-log.ts';
import { ProducerIdAllocator } from './producer-ids.ts';

// Opening is I/O bound (a few small reads per partition): enough in flight to keep libuv's pool busy.
const OPEN_CONCURRENCY = 32;
// Partitions are capped so one request cannot make the broker open millions of directories.
const MAX_PARTITIONS = 10_000;

export class FileLogStore implements LogStore {
  private readonly logs = new Map<string, FilePartitionLog[]>();
  private retentionTimer: NodeJS.Timeout | undefined;
  private retentionRunning = false;
  private closed = false;
  // Mutations of one topic name (and names colliding with it) are serialized, so two CreateTopics for one name
  // cannot both pass the existence check; different topics are created concurrently.
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(
    readonly dataDir: string,
    private readonly registry: TopicRegistry,
    private readonly env: PartitionEnv,
    private readonly topicDefaults: Readonly<Record<string, string>>,
    private readonly producerIds: ProducerIdAllocator,
  ) {}

  allocateProducerId(): Promise<bigint> {
    return this.producerIds.allocate();
  }

  listTopics(): TopicMeta[] {
    return this.registry.list();
  }

  getTopic(name: string): TopicMeta | undefined {
    return this.registry.get(name);
  }

  getTopicById(id: string): TopicMeta | undefined {
    return this.registry.getById(id);
  }

  partition(topic: string, index: number): PartitionLog | undefined {
    return this.logs.get(topic)?.[index];
  }

  /** The values the log acts on for a topic (defaults applied), e.g. max.message.bytes for Produce. */
  topicConfig(name: string): ResolvedTopicConfig | undefined {
    const meta = this.registry.get(name);
    return meta && resolveTopicConfig(meta.configs, this.topicDefaults);
  }

  createTopic(name: string, partitions: number, configs: Record<string, string> = {}, options: { internal?: boolean } = {}): Promise<TopicMeta> {
    return this.serialize(name, async () => {
      validateTopicName(name);
      if (this.registry.get(name)) throw new KafkaError('TOPIC_ALREADY_EXISTS', `Topic '${name}' already exists.`);
      const collides = this.registry.collidingWith(name);
      if (collides) throw new KafkaError('INVALID_TOPIC_EXCEPTION', `Topic '${name}' collides with existing topic: ${collides}`);
      checkPartitionCount(partitions);
      validateTopicConfigs(configs);
      const config = resolveTopicConfig(configs, this.topicDefaults);
      const logs: FilePartitionLog[] = [];
      for (let i = 0; i < partitions; i++) logs.push(await this.openFresh(name, i, config));
      const meta = await this.registry.put({ name, id: randomUUID(), partitions, configs: { ...configs }, internal: options.internal ?? false });
      this.logs.set(name, logs);
      return meta;
    });
  }

  deleteTopic(name: string): Promise<void> {
    return this.serialize(name, async () => {
      const meta = this.registry.get(name);
      if (!meta) throw new KafkaError('UNKNOWN_TOPIC_OR_PARTITION', `Topic '${name}' does not exist.`);
      // Registry first: once the metadata file is gone the topic is gone, even if removing its data is cut short.
      await this.registry.remove(name);
      const logs = this.logs.get(name) ?? [];
      this.logs.delete(name);
      for (const log of logs) await log.close();
      for (let i = 0; i < meta.partitions; i++) await rm(this.partitionDir(name, i), { recursive: true, force: true });
    });
  }

  createPartitions(name: string, totalCount: number): Promise<void> {
    return this.serialize(name, async () => {
      const meta = this.registry.get(name);
      if (!meta) throw new KafkaError('UNKNOWN_TOPIC_OR_PARTITION', `Topic '${name}' does not exist.`);
      if (totalCount <= meta.partitions) {
        throw new KafkaError('INVALID_PARTITIONS', `Topic currently has ${meta.partitions} partitions, which is higher than or equal to the requested ${totalCount}.`);
      }
      checkPartitionCount(totalCount);
      const config = resolveTopicConfig(meta.configs, this.topicDefaults);
      const logs = this.logs.get(name) ?? [];
      for (let i = meta.partitions; i < totalCount; i++) logs[i] = await this.openFresh(name, i, config);
      await this.registry.put({ ...meta, partitions: totalCount });
      this.logs.set(name, logs);
    });
  }

  alterTopicConfigs(name: string, changes: Record<string, string | null>): Promise<void> {
    return this.serialize(name, async () => {
      const meta = this.registry.get(name);
      if (!meta) throw new KafkaError('UNKNOWN_TOPIC_OR_PARTITION', `Topic '${name}' does not exist.`);
      const configs: Record<string, string> = { ...meta.configs };
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) delete configs[key];
        else configs[key] = value;
      }
      validateTopicConfigs(configs);
      await this.registry.put({ ...meta, configs });
      const config = resolveTopicConfig(configs, this.topicDefaults);
      for (const log of this.logs.get(name) ?? []) log.setConfig(config);
    });
  }

  /** One retention pass over every partition; each partition deletes at most a few segments per pass. */
  async enforceRetention(): Promise<void> {
    if (this.retentionRunning) return;
    this.retentionRunning = true;
    try {
      for (const logs of [...this.logs.values()]) {
        for (const log of logs) {
          if (this.closed) return;
          await log.enforceRetention();
          await log.compact();
        }
      }
    } finally {
      this.retentionRunning = false;
    }
  }

  startRetentionTimer(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.retentionTimer = setInterval(() => {
      void this.enforceRetention().catch(() => undefined);
    }, intervalMs);
    this.retentionTimer.unref();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    await Promise.all([...this.chains.values()]);
    for (const logs of this.logs.values()) for (const log of logs) await log.close();
    this.logs.clear();
  }

  async loadAll(): Promise<void> {
    const jobs: Array<() => Promise<void>> = [];
    for (const meta of this.registry.list()) {
      const config = resolveTopicConfig(meta.configs, this.topicDefaults);
      const logs: FilePartitionLog[] = new Array<FilePartitionLog>(meta.partitions);
      this.logs.set(meta.name, logs);
      for (let i = 0; i < meta.partitions; i++) {
        jobs.push(async () => {
          logs[i] = await FilePartitionLog.open(this.partitionDir(meta.name, i), meta.name, i, config, this.env);
        });
      }
    }
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < jobs.length) await jobs[next++]!();
    };
    await Promise.all(Array.from({ length: Math.min(OPEN_CONCURRENCY, jobs.length) }, worker));
  }

  private partitionDir(topic: string, index: number): string {
    return join(this.dataDir, `${topic}-${index}`);
  }

  // A directory left behind by a deletion that a crash cut short must not leak old records into a new topic.
  private async openFresh(topic: string, index: number, config: ResolvedTopicConfig): Promise<FilePartitionLog> {
    const dir = this.partitionDir(topic, index);
    await rm(dir, { recursive: true, force: true });
    return FilePartitionLog.open(dir, topic, index, config, this.env);
  }

  private serialize<T>(name: string, fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new KafkaError('KAFKA_STORAGE_ERROR', 'log store is closed'));
    const key = name.replace(/\./g, '_');
    const run = (this.chains.get(key) ?? Promise.resolve()).then(fn, fn);
    const tail = run.catch(() => undefined);
    this.chains.set(key, tail);
    void tail.then(() => {
      if (this.chains.get(key) === tail) this.chains.delete(key);
    });
    return run;
  }

}

const SILENT: LogEvents = { info: () => undefined, warn: () => undefined, error: () => undefined };

function checkPartitionCount(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new KafkaError('INVALID_PARTITIONS', 'Number of partitions must be larger than 0.');
  if (n > MAX_PARTITIONS) throw new KafkaError('INVALID_PARTITIONS', `Number of partitions must be at most ${MAX_PARTITIONS}.`);
}

export async function openLogStore(dataDir: string, options: LogOptions = {}): Promise<FileLogStore> {
  await mkdir(dataDir, { recursive: true });
  const sync = options.fsync ?? true;
  const registry = await TopicRegistry.open(dataDir, sync);
  const env: PartitionEnv = { fsync: sync, now: options.now ?? Date.now, logger: options.logger ?? SILENT };
  const producerIds = await ProducerIdAllocator.open(join(dataDir, 'meta'), sync);
  const store = new FileLogStore(dataDir, registry, env, options.topicDefaults ?? {}, producerIds);
  await store.loadAll();
  store.startRetentionTimer(options.retentionCheckIntervalMs ?? 30_000);
  return store;
}
