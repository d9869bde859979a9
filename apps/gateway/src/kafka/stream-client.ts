import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { ProblemDetail } from '@brook/contract';
import type { WireMessage } from './wire.ts';

export interface OpenStream {
  topic: string;
  /** Only this partition (and only it in event ids). */
  partition?: number | undefined;
  /** Where to start, per partition; undefined: at the live end, with everyone else. */
  start?: Map<number, number> | undefined;
  filter?: ((message: WireMessage, partition?: number) => boolean) | undefined;
  response: ServerResponse;
}

export const sseEvent = (event: string, data: string, id?: string): string => `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${data}\n\n`;

/** One SSE client: where it is in each partition of its scope, and its socket. */
export class StreamClient {
  /** Next offset per partition; while `synced`, it equals the topic's live position and is not kept. */
  positions = new Map<number, number>();
  synced = false;
  closed = false;

  constructor(
    readonly options: OpenStream,
    private readonly bufferBytes: number,
    private readonly onClose: (client: StreamClient) => void,
  ) {
    options.response.on('close', () => this.close());
  }

  inScope(partition: number): boolean {
    return this.options.partition === undefined || this.options.partition === partition;
  }

  write(text: string | Buffer): void {
    if (this.closed) return;
    // A client that does not read: stop with an error after what it was sent; it resumes from its last id.
    if (this.options.response.writableLength > this.bufferBytes) {
      this.fail({ code: 'GATEWAY_SLOW_CONSUMER', message: 'Client too slow: buffer limit reached; reconnect with Last-Event-ID to resume' });
      return;
    }
    this.options.response.write(text);
  }

  async drained(): Promise<void> {
    const response = this.options.response;
    while (!this.closed && response.writableLength > this.bufferBytes / 2) {
      await Promise.race([once(response, 'drain'), once(response, 'close')]);
    }
  }

  fail(problem: ProblemDetail): void {
    if (this.closed) return;
    this.options.response.write(sseEvent('error', JSON.stringify(problem)));
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.options.response.end();
    this.onClose(this);
  }
}
