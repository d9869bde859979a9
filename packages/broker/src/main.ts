#!/usr/bin/env -S node --import tsx
// brook-broker: start one broker from env and flags, stop cleanly on SIGINT/SIGTERM.
// `brook-broker hash-user <name>` prints a users-file entry instead (see auth/hash-user.ts).
import { hashUser } from './auth/hash-user.ts';
import { startBroker } from './broker.ts';
import { ConfigError, exposureWarning, loadConfig } from './config.ts';

async function hashUserCommand(args: readonly string[]): Promise<void> {
  try {
    console.log(await hashUser(args, process.stdin));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === 'hash-user') return hashUserCommand(process.argv.slice(3));
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
  const warning = exposureWarning(config);
  if (warning) console.error(warning);
  const broker = await startBroker(config);
  const security = `${config.tls ? 'TLS' : 'plaintext'}${config.sasl ? `, SASL ${config.sasl.mechanisms.join('/')}` : ''}`;
  console.log(`Brook broker listening on ${broker.host}:${broker.port} (data: ${config.dataDir}; ${security})`);
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
