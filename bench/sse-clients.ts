// SSE load clients for bench/gateway.ts, which forks this module as child processes (--sse-worker).
import { fork, type ChildProcess } from 'node:child_process';
import { request as httpRequest, Agent } from 'node:http';
import net from 'node:net';

// Every client is a real HTTP/1.1 SSE connection whose received record events are counted for loss. One
// Node process decoding 1,000 streams at ~1M events/s as text would itself be the bottleneck, so the load
// clients are cheap: a counting client sends its GET on a plain socket, checks the response head (200,
// text/event-stream), then counts `event: record` lines by scanning the raw bytes as they arrive, read
// into one buffer shared by the process (no allocation per read, no stream machinery). Every 50th client
// is a sampled one: a node:http client that decodes its events and records now − the send time carried in
// each value. Clients are spread over child processes (BENCH_SSE_PROCS, default 2).

const RECORD_EVENT = Buffer.from('event: record\n');
export const SAMPLE_EVERY = 50;

export type ToSseWorker = { type: 'open'; url: string; clients: number; firstIndex: number } | { type: 'finish' };
export type FromSseWorker =
  | { type: 'opened' }
  | { type: 'progress'; minReceived: number }
  | { type: 'report'; received: number[]; latencies: number[] }
  | { type: 'failed'; message: string };

/** Occurrences of RECORD_EVENT in `chunk`, including one that starts in the previous chunk's tail `carry`. */
function countRecordEvents(carry: Buffer, carryLength: number, chunk: Buffer): number {
  let count = 0;
  if (carryLength > 0) {
    const seam = Buffer.concat([carry.subarray(0, carryLength), chunk.subarray(0, RECORD_EVENT.length - 1)]);
    if (seam.indexOf(RECORD_EVENT) !== -1) count++;
  }
  for (let at = chunk.indexOf(RECORD_EVENT); at !== -1; at = chunk.indexOf(RECORD_EVENT, at + RECORD_EVENT.length)) count++;
  return count;
}

interface SseClient {
  received: number;
  latencies: number[];
  close(): void;
}

/** Reads of every counting client of this process land here: onread callbacks run one at a time. */
const sharedReadBuffer = Buffer.allocUnsafe(256 * 1024);

/** A counting client: HTTP/1.1 GET on a raw socket; counts record events in the (chunked) body bytes. */
function openCountingSse(url: string): Promise<SseClient> {
  const { hostname, port, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    let head = '';
    let inBody = false;
    const carry = Buffer.alloc(RECORD_EVENT.length - 1);
    let carryLength = 0;
    const client: SseClient = { received: 0, latencies: [], close: () => socket.destroy() };
    // `carry` keeps the stream's last bytes (fewer than the marker) across reads, however short the reads.
    const body = (chunk: Buffer): void => {
      client.received += countRecordEvents(carry, carryLength, chunk);
      if (chunk.length >= carry.length) {
        chunk.copy(carry, 0, chunk.length - carry.length);
        carryLength = carry.length;
      } else {
        const kept = Math.min(carryLength, carry.length - chunk.length);
        carry.copy(carry, 0, carryLength - kept, carryLength);
        chunk.copy(carry, kept);
        carryLength = kept + chunk.length;
      }
    };
    const socket = net.connect({
      host: hostname,
      port: Number(port),
      onread: {
        buffer: sharedReadBuffer,
        callback: (size: number, buffer: Uint8Array): boolean => {
          const chunk = Buffer.from(buffer.buffer, buffer.byteOffset, size);
          if (inBody) {
            body(chunk);
            return true;
          }
          head += chunk.toString('latin1');
          const end = head.indexOf('\r\n\r\n');
          if (end === -1) return true;
          const lines = head.slice(0, end);
          if (!/^HTTP\/1\.1 200 /.test(lines) || !/\r\ncontent-type: text\/event-stream/i.test(lines)) {
            reject(new Error(`stream answered ${lines.split('\r\n')[0]}`));
            socket.destroy();
            return false;
          }
          inBody = true;
          body(Buffer.from(head.slice(end + 4), 'latin1'));
          resolve(client);
          return true;
        },
      },
    });
    socket.setNoDelay(true);
    socket.once('connect', () => socket.write(`GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept: text/event-stream\r\n\r\n`));
    socket.on('error', reject);
  });
}

/** A sampled client: node:http, decodes complete events and takes now − send time of each record. */
function openSampledSse(url: string, agent: Agent): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const client: SseClient = { received: 0, latencies: [], close: () => req.destroy() };
    const req = httpRequest(url, { agent }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      res.setEncoding('utf8');
      let pending = '';
      res.on('data', (chunk: string) => {
        pending += chunk;
        const end = pending.lastIndexOf('\n\n');
        if (end === -1) return;
        const complete = pending.slice(0, end);
        pending = pending.slice(end + 2);
        const now = Date.now();
        for (const event of complete.split('\n\n')) {
          if (!event.includes('event: record\n')) continue;
          client.received++;
          const sent = /"value":\{"t":(\d+)/.exec(event);
          if (sent) client.latencies.push(now - Number(sent[1]));
        }
      });
      resolve(client);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Child-process side: opens its share of the clients, reports progress, and finally counts and latencies. */
function sseWorkerMain(): void {
  let clients: SseClient[] = [];
  let agent: Agent | undefined;
  const send = (message: FromSseWorker): void => void process.send?.(message);
  const progress = setInterval(() => {
    if (clients.length > 0) send({ type: 'progress', minReceived: Math.min(...clients.map((c) => c.received)) });
  }, 100);
  process.on('message', (message: ToSseWorker) => {
    if (message.type === 'open') {
      agent = new Agent({ keepAlive: true, maxSockets: message.clients + 10 });
      void (async () => {
        try {
          for (let i = 0; i < message.clients; i++) {
            const sampled = (message.firstIndex + i) % SAMPLE_EVERY === 0;
            clients.push(await (sampled ? openSampledSse(message.url, agent as Agent) : openCountingSse(message.url)));
          }
          send({ type: 'opened' });
        } catch (error) {
          send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
        }
      })();
    } else {
      clearInterval(progress);
      const report: FromSseWorker = { type: 'report', received: clients.map((c) => c.received), latencies: clients.flatMap((c) => c.latencies) };
      for (const c of clients) c.close();
      clients = [];
      agent?.destroy();
      // Disconnect only once the report is out: a pending IPC message is dropped by disconnect().
      process.send?.(report, () => process.disconnect());
    }
  });
}

export interface SseWorker {
  child: ChildProcess;
  minReceived: number;
  next(type: FromSseWorker['type']): Promise<FromSseWorker>;
}

export function startSseWorker(): SseWorker {
  const child = fork(import.meta.filename, ['--sse-worker'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const worker: SseWorker = {
    child,
    minReceived: 0,
    next: (type) =>
      new Promise((resolve, reject) => {
        const settle = (): void => {
          child.off('message', onMessage);
          child.off('exit', onExit);
        };
        const onMessage = (message: FromSseWorker): void => {
          if (message.type === 'failed') reject(new Error(`SSE worker: ${message.message}`));
          else if (message.type === type) resolve(message);
          else return;
          settle();
        };
        const onExit = (code: number | null): void => {
          settle();
          reject(new Error(`SSE worker exited with ${code} before '${type}'`));
        };
        child.on('message', onMessage);
        child.on('exit', onExit);
      }),
  };
  child.on('message', (message: FromSseWorker) => {
    if (message.type === 'progress') worker.minReceived = message.minReceived;
  });
  return worker;
}

if (process.argv.includes('--sse-worker')) sseWorkerMain();
