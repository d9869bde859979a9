// The storage contract between the wire handlers (handlers/) and the log (log/).
// Offsets are bigint inside the broker. Batches are Kafka v2 record batches, kept exactly as received
// apart from baseOffset and partitionLeaderEpoch, which the log overwrites in place (the CRC covers neither).

/** How far an append must get before its promise resolves. */
export type Durability =
  | 'os' // written to the file (page cache): survives a process crash (acks=0/1, or acks=all with fsync disabled)
  | 'fsync'; // fsynced (group commit shared by concurrent appenders): survives power loss (acks=all)

export interface TopicMeta {
  readonly name: string;
  /** Kafka topic id (UUID string) */
  readonly id: string;
  readonly partitions: number;
  /** Config overrides only; defaults come from the broker config. */
  readonly configs: Readonly<Record<string, string>>;
  readonly internal: boolean;
}

export interface AppendResult {
  /** Offset of the first record appended (or, for a duplicate idempotent batch, of the batch appended before). */
  readonly baseOffset: bigint;
  readonly lastOffset: bigint;
  /** -1n unless the topic uses message.timestamp.type=LogAppendTime */
  readonly logAppendTimeMs: bigint;
  readonly logStartOffset: bigint;
  /** true when an idempotent producer resent a batch already in the log: nothing was written. */
  readonly duplicate: boolean;
}

export interface ReadResult {
  /** Whole v2 batches, the first containing the requested offset, as raw bytes (slices of the segment file). */
  readonly chunks: Buffer[];
  readonly bytes: number;
}

export interface PartitionLog {
  readonly topic: string;
  readonly index: number;
  logStartOffset(): bigint;
  /** Next offset to be written. The bundled broker is a single replica, so this is also the high watermark. */
  logEndOffset(): bigint;
  sizeBytes(): number;
  /**
   * Appends validated v2 batches. Idempotent batches (producerId >= 0) are sequence-checked per producer:
   * a duplicate resolves with duplicate=true without writing; a gap throws OUT_OF_ORDER_SEQUENCE_NUMBER.
   */
  append(batches: readonly Buffer[], durability: Durability): Promise<AppendResult>;
  /** Throws KafkaError OFFSET_OUT_OF_RANGE outside [logStartOffset, logEndOffset]. Returns at least one batch when any exists at offset, even past maxBytes. */
  read(offset: bigint, maxBytes: number): Promise<ReadResult>;
  /** First offset whose batch max timestamp >= timestampMs, or undefined when none. */
  offsetForTimestamp(timestampMs: bigint): Promise<{ offset: bigint; timestampMs: bigint } | undefined>;
  /** Moves the log start offset forward (DeleteRecords); returns the new log start offset. */
  deleteRecordsBefore(offset: bigint): Promise<bigint>;
  /** Calls listener after every append; returns an unsubscribe function. Used by Fetch long-polls. */
  onAppend(listener: () => void): () => void;
}

export interface LogStore {
  listTopics(): TopicMeta[];
  getTopic(name: string): TopicMeta | undefined;
  /** By topic id (Metadata v10+, Fetch v13, DeleteTopics v6 name topics by id). */
  getTopicById(id: string): TopicMeta | undefined;
  /** Throws KafkaError TOPIC_ALREADY_EXISTS, INVALID_TOPIC_EXCEPTION, INVALID_PARTITIONS or INVALID_CONFIG. */
  createTopic(name: string, partitions: number, configs?: Record<string, string>, options?: { internal?: boolean }): Promise<TopicMeta>;
  deleteTopic(name: string): Promise<void>;
  /** Grows the topic to totalCount partitions. */
  createPartitions(name: string, totalCount: number): Promise<void>;
  /** null removes an override. */
  alterTopicConfigs(name: string, changes: Record<string, string | null>): Promise<void>;
  partition(topic: string, index: number): PartitionLog | undefined;
  /** A new idempotent producer id (InitProducerId), never reused across restarts. */
  allocateProducerId(): Promise<bigint>;
  close(): Promise<void>;
}

/** Where the log reports what it did on its own (recovery truncations, retention deletions, storage failures). pino fits. */
export interface LogEvents {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Options for openLogStore (src/log/index.ts). All optional; the defaults are the durable ones. */
export interface LogOptions {
  /** false turns fsync off (development): 'fsync' appends then resolve once written, like 'os'. Default true. */
  readonly fsync?: boolean;
  /** Broker-wide topic config defaults by Kafka name (e.g. 'retention.ms': '3600000'), overriding Kafka's built-in ones. */
  readonly topicDefaults?: Readonly<Record<string, string>>;
  /** How often the background retention pass runs. Default 30 s; 0 disables the timer (tests call enforceRetention). */
  readonly retentionCheckIntervalMs?: number;
  /** Injected clock for segment.ms, retention.ms and LogAppendTime. Default Date.now. */
  readonly now?: () => number;
  /** Default: silent. */
  readonly logger?: LogEvents;
}
