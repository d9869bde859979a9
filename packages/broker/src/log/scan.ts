// Walks the batches of a segment file by their headers, reading in large chunks so that many small batches cost
// one read. Used by recovery, producer-state rebuild and timestamp lookups; never decodes records.
import type { FileHandle } from 'node:fs/promises';
import { BATCH_HEADER_SIZE, LOG_OVERHEAD, Off } from '../records/batch.ts';
import { crc32c } from '../records/crc32c.ts';

const CHUNK = 1024 * 1024;
const MIN_BATCH_LENGTH = BATCH_HEADER_SIZE - LOG_OVERHEAD;

export interface ScannedBatch {
  /** Buffer holding at least the header (the whole batch when verify was asked). */
  readonly buf: Buffer;
  /** Offset of the batch inside buf */
  readonly at: number;
  readonly position: number;
  readonly size: number;
}

/**
 * Calls onBatch for each well-formed batch from position `from` up to `end`; returns the position where the
 * walk stopped: `end`, or the first position holding something that is not a whole valid batch (a torn tail).
 * Batches at or past verifyFrom have their CRC checked. onBatch returning false stops the walk there.
 */
export async function scanBatches(
  fh: FileHandle,
  from: number,
  end: number,
  verifyFrom: number,
  onBatch: (b: ScannedBatch) => boolean | void,
): Promise<number> {
  let pos = from;
  let buf: Buffer = Buffer.alloc(0);
  let bufStart = from;
  while (pos < end) {
    if (end - pos < BATCH_HEADER_SIZE) return pos;
    if (pos + BATCH_HEADER_SIZE > bufStart + buf.length) {
      ({ buf, bufStart } = await readAt(fh, pos, Math.min(CHUNK, end - pos)));
      if (buf.length < BATCH_HEADER_SIZE) return pos;
    }
    let at = pos - bufStart;
    const batchLength = buf.readInt32BE(at + Off.batchLength);
    const size = LOG_OVERHEAD + batchLength;
    if (batchLength < MIN_BATCH_LENGTH || buf.readInt8(at + Off.magic) !== 2 || pos + size > end) return pos;
    if (pos >= verifyFrom) {
      if (at + size > buf.length) {
        ({ buf, bufStart } = await readAt(fh, pos, Math.max(size, Math.min(CHUNK, end - pos))));
        at = 0;
        if (buf.length < size) return pos;
      }
      if (crc32c(buf, at + Off.attributes, at + size) !== buf.readUInt32BE(at + Off.crc)) return pos;
    }
    if (onBatch({ buf, at, position: pos, size }) === false) return pos;
    pos += size;
  }
  return pos;
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<{ buf: Buffer; bufStart: number }> {
  const buf = Buffer.allocUnsafe(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return { buf: buf.subarray(0, bytesRead), bufStart: position };
}
