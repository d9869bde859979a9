// A growable output buffer that can hand large blobs (records) through as separate chunks instead of
// copying them, so a Fetch response is written as [header+fields, batch, batch, ...] with writev.

/** Blobs at least this large are passed through by reference rather than copied. */
const PASS_THROUGH_BYTES = 4096;

const UUID_RE = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;

export class EncodeError extends Error {
  readonly path: string[] = [];
  readonly reason: string;

  constructor(reason: string) {
    // No message to super: an own "message" property would shadow the getter that adds the path.
    super();
    this.name = 'EncodeError';
    this.reason = reason;
  }

  override get message(): string {
    return this.path.length === 0 ? this.reason : `${this.path.join('.').replace(/\.\[/g, '[')}: ${this.reason}`;
  }

}

export class Writer {
  private buf: Buffer;
  private pos = 0;
  /** Start of the bytes in buf not yet moved to chunks. */
  private start = 0;
  private readonly chunks: Buffer[] = [];
  private flushed = 0;

  constructor(initialSize = 512) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  /** Total bytes written so far. */
  get length(): number {
    return this.flushed + this.pos - this.start;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const used = this.pos - this.start;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, used + n, 512));
    this.buf.copy(next, 0, this.start, this.pos);
    this.buf = next;
    this.start = 0;
    this.pos = used;
  }

  int8(v: number): void {
    this.ensure(1);
    this.pos = this.buf.writeInt8(v, this.pos);
  }

  bool(v: boolean): void {
    this.int8(v ? 1 : 0);
  }

  int16(v: number): void {
    this.ensure(2);
    this.pos = this.buf.writeInt16BE(v, this.pos);
  }

  uint16(v: number): void {
    this.ensure(2);
    this.pos = this.buf.writeUInt16BE(v, this.pos);
  }

  int32(v: number): void {
    this.ensure(4);
    this.pos = this.buf.writeInt32BE(v, this.pos);
  }

  uint32(v: number): void {
    this.ensure(4);
    this.pos = this.buf.writeUInt32BE(v, this.pos);
  }

  int64(v: bigint): void {
    this.ensure(8);
    this.pos = this.buf.writeBigInt64BE(v, this.pos);
  }

  float64(v: number): void {
    this.ensure(8);
    this.pos = this.buf.writeDoubleBE(v, this.pos);
  }

  uvarint(v: number): void {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new EncodeError(`unsigned varint out of range: ${v}`);
    this.ensure(5);
    while (v >= 0x80) {
      this.buf[this.pos++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.pos++] = v;
  }

  varint(v: number): void {
    if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) throw new EncodeError(`varint out of range: ${v}`);
    this.uvarint(v >= 0 ? v * 2 : -v * 2 - 1);
  }

  varlong(v: bigint): void {
    let raw = BigInt.asUintN(64, (v << 1n) ^ (v >> 63n));
    this.ensure(10);
    while (raw >= 0x80n) {
      this.buf[this.pos++] = Number(raw & 0x7fn) | 0x80;
      raw >>= 7n;
    }
    this.buf[this.pos++] = Number(raw);
  }

  /** Writes a UTF-8 string body (the caller writes the length). */
  utf8(s: string, byteLength: number): void {
    this.ensure(byteLength);
    this.pos += this.buf.write(s, this.pos, byteLength, 'utf8');
  }

  /** Writes bytes: small ones are copied, large ones are kept by reference as their own chunk. */
  raw(b: Buffer): void {
    if (b.length < PASS_THROUGH_BYTES) {
      this.ensure(b.length);
      this.pos += b.copy(this.buf, this.pos);
      return;
    }
    this.flushPending();
    this.chunks.push(b);
    this.flushed += b.length;
  }

  uuid(s: string): void {
    if (!UUID_RE.test(s)) throw new EncodeError(`not a UUID: ${s}`);
    this.ensure(16);
    this.pos += this.buf.write(s.replace(/-/g, ''), this.pos, 16, 'hex');
  }

  private flushPending(): void {
    if (this.pos > this.start) {
      const piece = this.buf.subarray(this.start, this.pos);
      this.chunks.push(piece);
      this.flushed += piece.length;
      this.start = this.pos;
    }
  }

  /** The output as chunks (no copy of passed-through blobs). The writer must not be used afterwards. */
  toChunks(): Buffer[] {
    this.flushPending();
    return this.chunks;
  }

  /**
   * The output as a size-prefixed frame: the caller must have started with int32(0) as a placeholder,
   * which is overwritten with the length of everything after it.
   */
  toFrame(): Buffer[] {
    const chunks = this.toChunks();
    const first = chunks[0];
    if (first === undefined || first.length < 4) throw new EncodeError('frame has no size placeholder');
    first.writeInt32BE(this.flushed - 4, 0);
    return chunks;
  }

  /** The output as one buffer (copies only when there is more than one chunk). */
  toBuffer(): Buffer {
    const chunks = this.toChunks();
    if (chunks.length === 1) return chunks[0] as Buffer;
    return Buffer.concat(chunks, this.flushed);
  }
}
