import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../bench/processes.ts';

export interface RunningStack {
  readonly webUrl: string;
  readonly gatewayUrl: string;
  readonly broker: string;
  stop(): Promise<void>;
}

/**
 * Starts broker, gateway and console through the same script a user runs (`npm start`), on free ports.
 * With kafkaBrokers, the gateway and console use that cluster and no bundled broker starts.
 */
export async function startStack(options: { kafkaBrokers?: string } = {}): Promise<RunningStack> {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const [brokerPort, gatewayPort, webPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'brook-e2e-'));
  const kafka = options.kafkaBrokers ? ['--kafka-brokers', options.kafkaBrokers] : ['--broker-port', String(brokerPort), '--data-dir', dataDir];
  const child: ChildProcess = spawn(
    process.execPath,
    ['scripts/start.mjs', '--skip-install', '--skip-build', ...kafka, '--gateway-port', String(gatewayPort), '--web-port', String(webPort)],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KAFKA_BROKERS: '' } },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stack did not start within 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Brook is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stack exited with code ${code}:\n${output}`));
    });
  });
  return {
    webUrl: `http://127.0.0.1:${webPort}`,
    gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
    broker: options.kafkaBrokers ?? `127.0.0.1:${brokerPort}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
