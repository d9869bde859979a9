// Bounds-checked reads over one frame. Every length or count is checked against the bytes left before
// anything is allocated, so a hostile size can only produce a DecodeError, never a huge allocation.

export class DecodeError extends Error {
  /** Path to the bad field, outermost first, e.g. ["topics", "[2]", "partitions", "[0]", "index"]. */
  readonly path: string[] = [];
  readonly reason: string;

  constructor(reason: string) {
    // No message to super: an own "message" property would shadow the getter that adds the path.
    super();
    this.name = 'DecodeError';
    this.reason = reason;
  }

  override get message(): string {
    return this.path.length === 0 ? this.reason : `${this.path.join('.').replace(/\.\[/g, '[')}: ${this.reason}`;
  }

}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class Reader {
  readonly buf: Buffer;
  pos: number;
  readonly end: number;

  constructor(buf: Buffer, pos = 0, end = buf.length) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }

  remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number): void {
    if (this.pos + n > this.end) throw new DecodeError(`needs ${n} bytes, ${this.end - this.pos} left`);
  }

  int8(): number {
    this.need(1);
    return this.buf.readInt8(this.pos++);
  }

  bool(): boolean {
    return this.int8() !== 0;
  }

  int16(): number {
    this.need(2);
    const v = this.buf.readInt16BE(this.pos);
    this.pos += 2;
    return v;
  }

  uint16(): number {
    this.need(2);
    const v = this.buf.readUInt16BE(this.pos);
    this.pos += 2;
    return v;
  }

  int32(): number {
    this.need(4);
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  uint32(): number {
    this.need(4);
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  int64(): bigint {
    this.need(8);
    const v = this.buf.readBigInt64BE(this.pos);
    this.pos += 8;
    return v;
  }

  float64(): number {
    this.need(8);
    const v = this.buf.readDoubleBE(this.pos);
    this.pos += 8;
    return v;
  }

  /** Unsigned LEB128, at most 32 bits. */
  uvarint(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      this.need(1);
      const byte = this.buf[this.pos++] as number;
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) {
        if (result > 0xffffffff) throw new DecodeError('unsigned varint exceeds 32 bits');
        return result;
      }
    }
    throw new DecodeError('unsigned varint longer than 5 bytes');
  }

  /** Zigzag-encoded signed 32-bit varint. */
  varint(): number {
    const raw = this.uvarint();
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
  }

  /** Zigzag-encoded signed 64-bit varint. */
  varlong(): bigint {
    let raw = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      this.need(1);
      const byte = this.buf[this.pos++] as number;
      raw |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return (raw >> 1n) ^ -(raw & 1n);
    }
    throw new DecodeError('varlong longer than 10 bytes');
  }

  /** Length of a classic (int16) or compact (uvarint + 1) string; -1 means null. */
  stringLength(compact: boolean): number {
    const len = compact ? this.uvarint() - 1 : this.int16();
    if (len < -1) throw new DecodeError(`negative string length ${len}`);
    if (len > this.end - this.pos) throw new DecodeError(`string length ${len} exceeds the ${this.end - this.pos} bytes left`);
    return len;
  }

  /** Length of classic (int32) or compact (uvarint + 1) bytes; -1 means null. */
  bytesLength(compact: boolean): number {
    const len = compact ? this.uvarint() - 1 : this.int32();
    if (len < -1) throw new DecodeError(`negative bytes length ${len}`);
    if (len > this.end - this.pos) throw new DecodeError(`bytes length ${len} exceeds the ${this.end - this.pos} bytes left`);
    return len;
  }

  /**
   * Element count of a classic (int32) or compact (uvarint + 1) array; -1 means null. Each element
   * takes at least minElementBytes (at least 1 is assumed), so a count the remaining bytes cannot
   * hold is refused before anything is allocated.
   */
  arrayLength(compact: boolean, minElementBytes = 1): number {
    const len = compact ? this.uvarint() - 1 : this.int32();
    if (len < -1) throw new DecodeError(`negative array length ${len}`);
    if (len * Math.max(1, minElementBytes) > this.end - this.pos) {
      throw new DecodeError(`array length ${len} exceeds the ${this.end - this.pos} bytes left`);
    }
    return len;
  }

  utf8(len: number): string {
    const s = this.buf.toString('utf8', this.pos, this.pos + len);
    this.pos += len;
    return s;
  }

  /** A view of the next len bytes (no copy). */
  slice(len: number): Buffer {
    this.need(len);
    const s = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return s;
  }

  uuid(): string {
    this.need(16);
    const b = this.buf;
    const p = this.pos;
    this.pos += 16;
    let s = '';
    for (let i = 0; i < 16; i++) {
      if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
      s += HEX[b[p + i] as number];
    }
    return s;
  }

  skip(n: number): void {
    this.need(n);
    this.pos += n;
  }
}
