#!/usr/bin/env -S node --import tsx
// brook-broker: start one broker from env and flags, stop cleanly on SIGINT/SIGTERM.
import { startBroker } from './broker.ts';
import { ConfigError, loadConfig } from './config.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`brook-broker: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const broker = await startBroker(config);
  console.log(`Brook broker listening on ${broker.host}:${broker.port} (data: ${config.dataDir})`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    broker.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`brook-broker: error while stopping on ${signal}:`, err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    const { address, port } = err as { address?: string; port?: number };
    console.error(`brook-broker: ${address ?? ''}:${port ?? ''} is already in use; choose another port with --port or BROKER_PORT`);
    process.exit(1);
  }
  console.error('brook-broker: failed to start:', err);
  process.exit(1);
});
