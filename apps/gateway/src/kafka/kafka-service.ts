import kafkajs from 'kafkajs';
import type { Admin, Kafka, KafkaConfig, logCreator, SASLOptions } from 'kafkajs';
import type { FastifyBaseLogger } from 'fastify';
import type { GatewayConfig } from '../config.ts';
import { tolerateDegradedMetadata } from './degraded-metadata.ts';
import { createWireCluster, type WireCluster } from './wire.ts';

const { Kafka: KafkaClient, logLevel } = kafkajs;

// Before any client exists: one offline partition must not blind the gateway to the whole cluster.
tolerateDegradedMetadata();

/** kafkajs logs every reconnect attempt at error level: route it into pino at warn. */
function pinoLogCreator(log: FastifyBaseLogger): logCreator {
  return () => ({ namespace, level, log: entry }) => {
    if (level > logLevel.WARN) return;
    const { message, ...rest } = entry;
    log.warn({ kafkajs: namespace, ...rest }, `kafkajs: ${message}`);
  };
}

function saslOptions(config: GatewayConfig['kafka']): SASLOptions | undefined {
  const sasl = config.sasl;
  if (!sasl) return undefined;
  return { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } as SASLOptions;
}

/** A value connected once on first use; a failed connection is forgotten so the next use retries. */
class Lazy<T> {
  private promise: Promise<T> | undefined;
  constructor(
    private readonly open: () => Promise<T>,
    private readonly shut: (value: T) => Promise<void>,
  ) {}

  get(): Promise<T> {
    if (!this.promise) {
      const promise = this.open();
      this.promise = promise;
      promise.catch(() => {
        if (this.promise === promise) this.promise = undefined;
      });
    }
    return this.promise;
  }

  get started(): boolean {
    return this.promise !== undefined;
  }

  async reset(): Promise<void> {
    const promise = this.promise;
    this.promise = undefined;
    if (!promise) return;
    const value = await promise.catch(() => undefined);
    if (value !== undefined) await this.shut(value).catch(() => undefined);
  }
}

const CONNECTION_ERRORS = /^(KafkaJSConnection|KafkaJSConnectionClosedError|KafkaJSBrokerNotFound|KafkaJSNoBrokerAvailableError|KafkaJSRequestTimeoutError)/;

/** A lost connection somewhere in kafkajs's wrapper chain (retries exceeded wraps the real cause). */
function isConnectionLoss(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (CONNECTION_ERRORS.test(current.name)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The gateway's long-lived Kafka clients: one admin and four protocol-level clusters
 * (browse reads, SSE long-polls, produce, all-topic listings), which would otherwise queue
 * behind each other on the same connections: brokers answer one request per connection at a
 * time, and the Metadata of 10,000 topics takes tens of milliseconds to answer and decode.
 */
export class KafkaService {
  readonly kafka: Kafka;
  private readonly adminClient: Lazy<Admin>;
  private readonly readCluster: Lazy<WireCluster>;
  private readonly streamCluster: Lazy<WireCluster>;
  private readonly writeCluster: Lazy<WireCluster>;
  private readonly listCluster: Lazy<WireCluster>;

  constructor(config: GatewayConfig['kafka'], log: FastifyBaseLogger) {
    const options: KafkaConfig = {
      clientId: config.clientId,
      brokers: [...config.brokers],
      ssl: config.ssl,
      connectionTimeout: config.connectionTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      retry: { initialRetryTime: 100, maxRetryTime: 2000, retries: 3 },
      logLevel: logLevel.WARN,
      logCreator: pinoLogCreator(log),
    };
    const sasl = saslOptions(config);
    if (sasl) options.sasl = sasl;
    this.kafka = new KafkaClient(options);

    this.adminClient = new Lazy(
      async () => {
        const admin = this.kafka.admin({ retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 } });
        await admin.connect();
        return admin;
      },
      (admin) => admin.disconnect(),
    );
    const wire = (): Lazy<WireCluster> =>
      new Lazy(
        async () => {
          const cluster = createWireCluster(this.kafka);
          await cluster.connect();
          // Learn every broker's address now: Fetch and ListOffsets go straight to leaders.
          await cluster.refreshMetadata();
          return cluster;
        },
        (cluster) => cluster.disconnect(),
      );
    this.readCluster = wire();
    this.streamCluster = wire();
    this.writeCluster = wire();
    this.listCluster = wire();
  }

  /** Run against the admin; a lost connection drops the client so the next call reconnects. */
  async withAdmin<T>(fn: (admin: Admin) => Promise<T>): Promise<T> {
    return this.use(this.adminClient, fn);
  }

  /** Produce requests go straight to partition leaders on their own connections (acks=all waits must not delay reads). */
  async withWriter<T>(fn: (cluster: WireCluster) => Promise<T>): Promise<T> {
    return this.use(this.writeCluster, fn);
  }

  async withReader<T>(fn: (cluster: WireCluster) => Promise<T>): Promise<T> {
    return this.use(this.readCluster, fn);
  }

  /** Metadata of every topic, refreshed behind cached answers: it must not delay page reads. */
  async withLister<T>(fn: (cluster: WireCluster) => Promise<T>): Promise<T> {
    return this.use(this.listCluster, fn);
  }

  async withStreamer<T>(fn: (cluster: WireCluster) => Promise<T>): Promise<T> {
    return this.use(this.streamCluster, fn);
  }

  private async use<C, T>(client: Lazy<C>, fn: (value: C) => Promise<T>): Promise<T> {
    const value = await client.get();
    try {
      return await fn(value);
    } catch (error) {
      if (isConnectionLoss(error)) await client.reset();
      throw error;
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.adminClient.reset(), this.readCluster.reset(), this.streamCluster.reset(), this.writeCluster.reset(), this.listCluster.reset()]);
  }
}
