// Fetch v0–1 read magic 0 message sets, v2–3 magic 1: v2 batches are decoded (decompressed when needed) and
// re-encoded as uncompressed legacy messages with their original offsets. Headers have no legacy form and
// are dropped; control batches are skipped. zstd cannot be asked for below Fetch v10 (clients that can read
// zstd fetch with v10+), so it is refused with UNSUPPORTED_COMPRESSION_TYPE.
import { KafkaError } from '../errors.ts';
import { Compression, batchCodec, batchIsControl, batchIsLogAppendTime } from './batch.ts';
import { decompress } from './compression.ts';
import { encodeLegacyMessage } from './legacy.ts';
import { decodeBatch } from './record.ts';

const ATTR_LOG_APPEND_TIME = 0x08;

/** Records before fromOffset are left out (old clients may not skip them), as Kafka does for uncompressed output. */
export function downConvert(chunks: readonly Buffer[], magic: 0 | 1, fromOffset = 0n): Buffer {
  const out: Buffer[] = [];
  for (const batch of chunks) {
    if (batchIsControl(batch)) continue;
    if (batchCodec(batch) === Compression.zstd) {
      throw new KafkaError('UNSUPPORTED_COMPRESSION_TYPE', 'zstd batches cannot be down-converted for Fetch below v10');
    }
    const logAppend = batchIsLogAppendTime(batch);
    for (const r of decodeBatch(batch, decompress)) {
      if (r.offset < fromOffset) continue;
      out.push(encodeLegacyMessage(magic, r.offset, r.key, r.value, r.timestamp, magic === 1 && logAppend ? ATTR_LOG_APPEND_TIME : 0));
    }
  }
  return out.length === 1 ? out[0]! : Buffer.concat(out);
}
