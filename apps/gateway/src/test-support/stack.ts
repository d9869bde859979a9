import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig as loadBrokerConfig, startBroker, type RunningBroker } from '@brook/broker';
import kafkajs from 'kafkajs';
import { buildApp, loadConfig, type GatewayApp } from '../app.ts';

export interface Stack {
  broker: RunningBroker;
  /** Stops the broker and starts a new one on the same port and data (a broker restart). */
  restartBroker(): Promise<void>;
  app: GatewayApp;
  brokers: string;
  /** The gateway's URL once `listen` was asked for. */
  url: string;
  kafka: kafkajs.Kafka;
  close(): Promise<void>;
}

/** A real bundled broker on a free loopback port and a gateway on it (tests only). */
export async function startStack(options: { env?: Record<string, string>; brokerEnv?: Record<string, string>; listen?: boolean; kafka?: Partial<kafkajs.KafkaConfig> } = {}): Promise<Stack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'brook-gateway-'));
  const brokerConfig = (port: number) =>
    loadBrokerConfig({ BROKER_FSYNC: 'false', LOG_LEVEL: 'silent', ...options.brokerEnv }, ['--host', '127.0.0.1', '--port', String(port), '--data-dir', dataDir]);
  let broker = await startBroker(brokerConfig(0));
  const brokers = `127.0.0.1:${broker.port}`;
  const app = await buildApp({ config: loadConfig({ KAFKA_BROKERS: brokers, ...options.env }), logger: false });
  let url = '';
  if (options.listen) url = await app.listen({ host: '127.0.0.1', port: 0 });
  const kafka = new kafkajs.Kafka({ brokers: [brokers], clientId: 'gateway-test', logLevel: kafkajs.logLevel.NOTHING, ...options.kafka });
  const stack: Stack = {
    broker,
    async restartBroker() {
      const port = broker.port;
      await broker.close();
      broker = await startBroker(brokerConfig(port));
      stack.broker = broker;
    },
    app,
    brokers,
    url,
    kafka,
    async close() {
      await app.close();
      await broker.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}

/** The problem body's code of a failed fetch Response. */
export async function problemCode(response: Response): Promise<string> {
  const body = (await response.json()) as { error: { code: string } };
  return body.error.code;
}
