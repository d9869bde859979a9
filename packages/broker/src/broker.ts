// Wires the broker together: config → log store → cluster id → handler registry → TCP server.
import type { Logger } from 'pino';
import type { BrokerConfig } from './config.ts';
import { loadCoordinatorOptions } from './coordinator/config.ts';
import { GroupCoordinator, type GroupCoordinatorOptions } from './coordinator/coordinator.ts';
import { handlers as defaultHandlers } from './handlers/index.ts';
import { openLogStore } from './log/index.ts';
import type { LogStore } from './log/types.ts';
import { loadOrCreateClusterId } from './server/cluster-id.ts';
import type { AnyHandler } from './server/context.ts';
import { createLogger } from './server/logger.ts';
import { HandlerRegistry } from './server/registry.ts';
import { BrokerServer } from './server/server.ts';

export interface RunningBroker {
  readonly host: string;
  readonly port: number;
  readonly clusterId: string;
  readonly store: LogStore;
  /** Stops accepting, ends every connection, closes the log store. */
  close(): Promise<void>;
}

export interface StartOptions {
  readonly logger?: Logger;
  /** Replaces the handler list (tests). */
  readonly handlers?: readonly AnyHandler[];
  /** Serve only ApiVersions and the SASL APIs until a connection authenticates. Default: on when config.sasl is set. */
  readonly requireAuthentication?: boolean;
  /** Group coordinator settings, over those from the environment (GROUP_*, OFFSETS_*). */
  readonly coordinator?: GroupCoordinatorOptions;
}

export async function startBroker(config: BrokerConfig, options: StartOptions = {}): Promise<RunningBroker> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const registry = new HandlerRegistry(options.handlers ?? defaultHandlers);
  const clusterId = await loadOrCreateClusterId(config.dataDir, config.nodeId);
  const store = await openLogStore(config.dataDir, { fsync: config.fsync, topicDefaults: config.topicDefaults, logger: logger.child({ component: 'log' }) });
  let coordinator: GroupCoordinator;
  try {
    coordinator = await GroupCoordinator.open(store, { ...loadCoordinatorOptions(), ...options.coordinator }, logger);
  } catch (err) {
    await store.close();
    throw err;
  }
  const server = new BrokerServer({
    registry,
    maxFrameBytes: config.maxFrameBytes,
    maxInFlight: config.maxInFlightPerConnection,
    maxIdleMs: config.connectionsMaxIdleMs,
    requireAuthentication: options.requireAuthentication ?? config.sasl !== null,
    tls: config.tls,
  });
  let bound: { host: string; port: number };
  try {
    bound = await server.listen(config.host, config.port, (address) => ({
      config,
      store,
      coordinator,
      clusterId,
      advertised: { host: config.advertisedHost, port: config.advertisedPort ?? address.port },
      supportedApis: () => registry.supportedApis(),
      logger,
    }));
  } catch (err) {
    coordinator.close();
    await store.close();
    throw err;
  }
  let closing: Promise<void> | undefined;
  return {
    host: bound.host,
    port: bound.port,
    clusterId,
    store,
    close() {
      closing ??= (async () => {
        // Parked JoinGroup/SyncGroup requests are answered first, so no connection waits on them while closing.
        coordinator.close();
        await server.close();
        await store.close();
      })();
      return closing;
    },
  };
}
