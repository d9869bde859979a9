// This machine's ceilings, measured in the same run as every other benchmark so results can be read
// as a fraction of what the hardware allows: loopback TCP between two Node processes, and sequential
// file writes with fsync.
import { fork } from 'node:child_process';
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { median, type BenchRow } from './types.ts';

const MiB = 1024 * 1024;

/** Runs in a child process: accepts one connection and reports how many bytes it received. */
function sinkMain(): void {
  const server = net.createServer((socket) => {
    let received = 0;
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    socket.on('end', () => {
      socket.end(String(received));
      server.close();
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send?.(typeof address === 'object' && address ? address.port : 0);
  });
}

async function loopbackOnce(totalBytes: number): Promise<number> {
  const child = fork(import.meta.filename, ['--sink'], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
  const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve(Number(m))));
  const chunk = Buffer.alloc(256 * 1024, 7);
  const started = process.hrtime.bigint();
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.on('error', reject);
    socket.once('connect', () => {
      let sent = 0;
      const pump = (): void => {
        while (sent < totalBytes) {
          sent += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
        socket.end();
      };
      pump();
    });
    socket.on('data', () => undefined);
    socket.on('close', () => resolve());
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  child.kill();
  return totalBytes / MiB / seconds;
}

function fileWriteOnce(dir: string, totalBytes: number, fsyncEvery: number): number {
  const file = path.join(dir, `w-${Math.random()}`);
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(Math.min(fsyncEvery, MiB), 1);
  const started = process.hrtime.bigint();
  let sinceSync = 0;
  for (let written = 0; written < totalBytes; written += chunk.length) {
    writeSync(fd, chunk);
    sinceSync += chunk.length;
    if (sinceSync >= fsyncEvery) {
      fsyncSync(fd);
      sinceSync = 0;
    }
  }
  fsyncSync(fd);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  closeSync(fd);
  rmSync(file);
  return seconds;
}

export async function run(): Promise<BenchRow[]> {
  const loopback: number[] = [];
  for (let i = 0; i < 3; i++) loopback.push(await loopbackOnce(1024 * MiB));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'brook-bench-'));
  try {
    const bulk = [0, 1, 2].map(() => (256 * MiB) / MiB / fileWriteOnce(dir, 256 * MiB, 16 * MiB));
    const small = [0, 1, 2].map(() => 2000 / fileWriteOnce(dir, 2000 * 4096, 4096));
    return [
      { name: 'ceiling: loopback TCP, node → node', value: median(loopback), unit: 'MiB/s', note: 'median of 3 × 1 GiB' },
      { name: 'ceiling: sequential write, fsync every 16 MiB', value: median(bulk), unit: 'MiB/s', note: 'median of 3 × 256 MiB' },
      { name: 'ceiling: 4 KiB write + fsync', value: median(small), unit: 'fsyncs/s', note: 'median of 3 × 2000' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--sink')) sinkMain();
