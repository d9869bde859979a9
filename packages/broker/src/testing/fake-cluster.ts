// A fake three-node Apache Kafka cluster at the protocol level, for tests of what only a multi-broker
// cluster shows (replicas, ISR, under-replicated and offline partitions, the controller, racks). Each
// node is the broker's own TCP server and codec with the handlers of fake-cluster-handlers.ts, on its
// own loopback port, answering from one in-memory description (fake-cluster-model.ts). No records are
// kept: Fetch answers empty at the high watermark.
import { pino } from 'pino';
import type { GroupCoordinator } from '../coordinator/coordinator.ts';
import { defineConfig } from '../config.ts';
import type { LogStore } from '../log/types.ts';
import type { BrokerServices } from '../server/context.ts';
import { HandlerRegistry } from '../server/registry.ts';
import { BrokerServer } from '../server/server.ts';
import { nodeHandlers } from './fake-cluster-handlers.ts';
import { threeNodeCluster, type FakeClusterModel } from './fake-cluster-model.ts';

export { coordinatorOf } from './fake-cluster-handlers.ts';
export { threeNodeCluster, type FakeClusterModel, type FakePartition, type FakeTopic } from './fake-cluster-model.ts';

export interface FakeCluster {
  /** The description served; topics created through CreateTopics join it. */
  readonly model: FakeClusterModel;
  readonly nodes: ReadonlyArray<{ readonly nodeId: number; readonly host: string; readonly port: number }>;
  /** "127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3", for KAFKA_BROKERS. */
  readonly bootstrap: string;
  close(): Promise<void>;
}

/** Services the fake's handlers never use: a call means a handler reached for real broker state. */
function absent<T extends object>(what: string): T {
  return new Proxy({} as T, {
    get(_target, property) {
      throw new Error(`the fake cluster has no ${what} (asked for ${String(property)})`);
    },
  });
}

export async function startFakeCluster(model: FakeClusterModel = threeNodeCluster, host = '127.0.0.1'): Promise<FakeCluster> {
  const ports = new Map<number, number>();
  const state = { ...model, topics: [...model.topics] };
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const config = defineConfig({ host, port: 0, logLevel: 'silent' });
  const servers: BrokerServer[] = [];
  try {
    for (const broker of model.brokers) {
      const registry = new HandlerRegistry(nodeHandlers({ nodeId: broker.nodeId, model: state, ports, host }));
      const server = new BrokerServer({ registry, maxFrameBytes: config.maxFrameBytes, maxInFlight: 100, maxIdleMs: 600_000, requireAuthentication: false });
      servers.push(server);
      const bound = await server.listen(host, 0, (address): BrokerServices => ({
        config: { ...config, nodeId: broker.nodeId },
        store: absent<LogStore>('log store'),
        coordinator: absent<GroupCoordinator>('group coordinator'),
        clusterId: model.clusterId,
        advertised: { host, port: address.port },
        supportedApis: () => registry.supportedApis(),
        logger: logger.child({ node: broker.nodeId }),
      }));
      ports.set(broker.nodeId, bound.port);
    }
  } catch (err) {
    await Promise.all(servers.map((s) => s.close()));
    throw err;
  }
  const nodes = model.brokers.map((b) => ({ nodeId: b.nodeId, host, port: ports.get(b.nodeId) ?? -1 }));
  return {
    model: state,
    nodes,
    bootstrap: nodes.map((n) => `${n.host}:${n.port}`).join(','),
    async close() {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
