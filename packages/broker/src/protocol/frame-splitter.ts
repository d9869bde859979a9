// Splits a byte stream into size-prefixed Kafka frames. Pure: the server pushes whatever chunks the
// socket delivers and pulls complete frames, so it can stop pulling (backpressure) at any time.
// A frame that lies inside one chunk is returned as a view of it (no copy); only frames spanning
// chunks are copied, once.

export class FrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrameError';
  }
}

export const DEFAULT_MAX_FRAME_BYTES = 100 * 1024 * 1024;

export class FrameSplitter {
  private maxFrameBytes: number;
  private chunks: Buffer[] = [];
  /** Read position inside chunks[0]. */
  private offset = 0;
  private buffered = 0;

  constructor(maxFrameBytes = DEFAULT_MAX_FRAME_BYTES) {
    this.maxFrameBytes = maxFrameBytes;
  }

  /** Changes the limit for frames not yet returned (the server raises it once a connection authenticates). */
  setMaxFrameBytes(maxFrameBytes: number): void {
    this.maxFrameBytes = maxFrameBytes;
  }

  /** Bytes received but not yet returned as frames. */
  get bufferedBytes(): number {
    return this.buffered;
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
  }

  /**
   * The next complete frame body (without its 4-byte size), or undefined when more bytes are needed.
   * Throws FrameError on a negative or oversized length; the stream cannot be resynchronised after that.
   */
  next(): Buffer | undefined {
    if (this.buffered < 4) return undefined;
    const size = this.peekSize();
    if (size < 0) throw new FrameError(`negative frame size ${size}`);
    if (size > this.maxFrameBytes) throw new FrameError(`frame of ${size} bytes exceeds the limit of ${this.maxFrameBytes}`);
    if (this.buffered < 4 + size) return undefined;
    const first = this.chunks[0] as Buffer;
    if (first.length - this.offset >= 4 + size) {
      const frame = first.subarray(this.offset + 4, this.offset + 4 + size);
      this.consume(4 + size);
      return frame;
    }
    this.consume(4);
    const frame = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const chunk = this.chunks[0] as Buffer;
      const take = Math.min(chunk.length - this.offset, size - filled);
      chunk.copy(frame, filled, this.offset, this.offset + take);
      filled += take;
      this.consume(take);
    }
    return frame;
  }

  private peekSize(): number {
    const first = this.chunks[0] as Buffer;
    if (first.length - this.offset >= 4) return first.readInt32BE(this.offset);
    const bytes = Buffer.allocUnsafe(4);
    let filled = 0;
    for (let i = 0, off = this.offset; filled < 4; i++, off = 0) {
      const chunk = this.chunks[i] as Buffer;
      filled += chunk.copy(bytes, filled, off, Math.min(chunk.length, off + 4 - filled));
    }
    return bytes.readInt32BE(0);
  }

  private consume(n: number): void {
    this.buffered -= n;
    while (n > 0) {
      const first = this.chunks[0] as Buffer;
      const left = first.length - this.offset;
      if (n < left) {
        this.offset += n;
        return;
      }
      n -= left;
      this.chunks.shift();
      this.offset = 0;
    }
  }
}
