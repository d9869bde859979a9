// Test support: a real broker on a free loopback port over a temporary data dir, and a raw client
// for byte-level tests. Used by integration tests across the broker package.
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startBroker, type RunningBroker, type StartOptions } from '../broker.ts';
import { defineConfig, type BrokerConfig } from '../config.ts';

export interface TestBroker extends RunningBroker {
  readonly dataDir: string;
  readonly address: string;
  /** Stops the broker and deletes its data dir. */
  destroy(): Promise<void>;
}

export async function makeTempDir(prefix = 'brook-broker-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function startTestBroker(overrides: Partial<BrokerConfig> = {}, options: StartOptions = {}): Promise<TestBroker> {
  const dataDir = overrides.dataDir ?? (await makeTempDir());
  const config = defineConfig({ host: '127.0.0.1', port: 0, fsync: false, logLevel: 'silent', ...overrides, dataDir });
  const broker = await startBroker(config, { logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }), ...options });
  return {
    ...broker,
    close: () => broker.close(),
    dataDir,
    address: `${broker.host}:${broker.port}`,
    async destroy() {
      await broker.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A raw TCP client that collects size-prefixed frames. */
export class RawClient {
  private readonly socket: Socket;
  private buffered = Buffer.alloc(0);
  private readonly frames: Buffer[] = [];
  private waiters: (() => void)[] = [];
  closed = false;
  readonly ready: Promise<void>;

  constructor(port: number, host = '127.0.0.1') {
    this.socket = connect({ port, host });
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('error', reject);
    });
    this.socket.on('error', () => {});
    this.socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      while (this.buffered.length >= 4 && this.buffered.length >= 4 + this.buffered.readInt32BE(0)) {
        const size = this.buffered.readInt32BE(0);
        this.frames.push(this.buffered.subarray(4, 4 + size));
        this.buffered = this.buffered.subarray(4 + size);
      }
      this.wake();
    });
    this.socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  write(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** Sends a request: header v1 (or v2 when flexible) followed by body. */
  request(apiKey: number, apiVersion: number, correlationId: number, body: Buffer, flexibleHeader = false): void {
    const clientId = Buffer.from('raw-test');
    const header = Buffer.alloc(10 + clientId.length + (flexibleHeader ? 1 : 0));
    header.writeInt16BE(apiKey, 0);
    header.writeInt16BE(apiVersion, 2);
    header.writeInt32BE(correlationId, 4);
    header.writeInt16BE(clientId.length, 8);
    clientId.copy(header, 10);
    const size = Buffer.alloc(4);
    size.writeInt32BE(header.length + body.length);
    this.write(Buffer.concat([size, header, body]));
  }

  /** The next response frame, or null when the broker closed the connection first. */
  async next(): Promise<Buffer | null> {
    for (;;) {
      const frame = this.frames.shift();
      if (frame) return frame;
      if (this.closed) return null;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Resolves once the broker has closed the connection. */
  async waitClosed(): Promise<void> {
    while (!this.closed) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  end(): void {
    this.socket.destroy();
  }
}
