// Pure-JS codecs registered into kafkajs for tests (kafkajs ships gzip only). zstd: fzstd decompresses; to
// compress, a zstd frame of raw (stored) blocks is written by hand, which every decoder must accept.
import { CompressionCodecs, CompressionTypes } from 'kafkajs';
import { decompress as zstdDecompress } from 'fzstd';
import { lz4Compress, lz4Decompress, snappyCompress, snappyDecompress } from '../records/compression.ts';

interface Encoder {
  buffer: Buffer;
}

function zstdStored(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  const header = Buffer.alloc(4 + 1 + 8);
  header.writeUInt32LE(0xfd2fb528, 0);
  header[4] = 0xc0 | 0x20; // 8-byte content size, single segment
  header.writeBigUInt64LE(BigInt(data.length), 5);
  parts.push(header);
  const MAX = 128 * 1024 - 1;
  let pos = 0;
  do {
    const size = Math.min(MAX, data.length - pos);
    const last = pos + size >= data.length ? 1 : 0;
    const bh = Buffer.alloc(3);
    const v = (size << 3) | (0 << 1) | last; // block type 0 = raw
    bh[0] = v & 0xff;
    bh[1] = (v >> 8) & 0xff;
    bh[2] = (v >> 16) & 0xff;
    parts.push(bh, data.subarray(pos, pos + size));
    pos += size;
  } while (pos < data.length);
  return Buffer.concat(parts);
}

export function registerTestCodecs(): void {
  const codecs = CompressionCodecs as unknown as Record<number, () => { compress(e: Encoder): Promise<Buffer>; decompress(b: Buffer): Promise<Buffer> }>;
  codecs[CompressionTypes.Snappy] = () => ({ compress: async (e) => snappyCompress(e.buffer), decompress: async (b) => snappyDecompress(b) });
  codecs[CompressionTypes.LZ4] = () => ({ compress: async (e) => lz4Compress(e.buffer), decompress: async (b) => lz4Decompress(b) });
  codecs[CompressionTypes.ZSTD] = () => ({ compress: async (e) => zstdStored(e.buffer), decompress: async (b) => Buffer.from(zstdDecompress(b)) });
}
