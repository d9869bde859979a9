// Kafka's own key/value formats for __consumer_offsets records, so Burrow and other tools can read them.
// Layouts follow Kafka's group-coordinator message specs (OffsetCommitKey/Value, GroupMetadataKey/Value):
// every key and value starts with an int16 schema version; strings are int16-length UTF-8 (-1 = null),
// bytes int32-length. We write OffsetCommitKey v1, OffsetCommitValue v3 (v1 when the commit carries an
// explicit retention, like Kafka), GroupMetadataKey v2 and GroupMetadataValue v3; a tombstone is a null value.
import type { CoordinatorRecord, GroupRecordValue, MemberRecord, StoredOffset } from './types.ts';

const OFFSET_KEY_VERSION = 1;
const GROUP_KEY_VERSION = 2;
const GROUP_VALUE_VERSION = 3;

class Out {
  private readonly parts: Buffer[] = [];
  int16(v: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(v);
    this.parts.push(b);
    return this;
  }
  int32(v: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v);
    this.parts.push(b);
    return this;
  }
  int64(v: bigint): this {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(v);
    this.parts.push(b);
    return this;
  }
  string(v: string | null): this {
    if (v === null) return this.int16(-1);
    const b = Buffer.from(v, 'utf8');
    this.int16(b.length);
    this.parts.push(b);
    return this;
  }
  bytes(v: Buffer): this {
    this.int32(v.length);
    this.parts.push(v);
    return this;
  }
  done(): Buffer {
    return Buffer.concat(this.parts);
  }
}

class In {
  pos = 0;
  constructor(private readonly b: Buffer) {}
  int16(): number {
    const v = this.b.readInt16BE(this.pos);
    this.pos += 2;
    return v;
  }
  int32(): number {
    const v = this.b.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  int64(): bigint {
    const v = this.b.readBigInt64BE(this.pos);
    this.pos += 8;
    return v;
  }
  string(): string | null {
    const n = this.int16();
    if (n < 0) return null;
    if (this.pos + n > this.b.length) throw new RangeError('string past end of record');
    const s = this.b.toString('utf8', this.pos, this.pos + n);
    this.pos += n;
    return s;
  }
  bytes(): Buffer {
    const n = this.int32();
    if (n < 0) return Buffer.alloc(0);
    if (this.pos + n > this.b.length) throw new RangeError('bytes past end of record');
    const v = Buffer.from(this.b.subarray(this.pos, this.pos + n));
    this.pos += n;
    return v;
  }
}

export function encodeOffsetKey(groupId: string, topic: string, partition: number): Buffer {
  return new Out().int16(OFFSET_KEY_VERSION).string(groupId).string(topic).int32(partition).done();
}

export function encodeGroupKey(groupId: string): Buffer {
  return new Out().int16(GROUP_KEY_VERSION).string(groupId).done();
}

export function encodeOffsetValue(v: StoredOffset): Buffer {
  if (v.expireTimestamp !== -1n) {
    return new Out().int16(1).int64(v.offset).string(v.metadata).int64(v.commitTimestamp).int64(v.expireTimestamp).done();
  }
  return new Out().int16(3).int64(v.offset).int32(v.leaderEpoch).string(v.metadata).int64(v.commitTimestamp).done();
}

export function encodeGroupValue(v: GroupRecordValue): Buffer {
  const out = new Out().int16(GROUP_VALUE_VERSION).string(v.protocolType).int32(v.generation).string(v.protocol).string(v.leader);
  out.int64(v.currentStateTimestamp).int32(v.members.length);
  for (const m of v.members) {
    out.string(m.memberId).string(m.groupInstanceId).string(m.clientId).string(m.clientHost);
    out.int32(m.rebalanceTimeoutMs).int32(m.sessionTimeoutMs).bytes(m.subscription).bytes(m.assignment);
  }
  return out.done();
}

export function encodeRecord(r: CoordinatorRecord): { key: Buffer; value: Buffer | null } {
  if (r.type === 'offset') return { key: encodeOffsetKey(r.groupId, r.topic, r.partition), value: r.value && encodeOffsetValue(r.value) };
  return { key: encodeGroupKey(r.groupId), value: r.value && encodeGroupValue(r.value) };
}

function decodeOffsetValue(b: Buffer): StoredOffset {
  const r = new In(b);
  const version = r.int16();
  if (version < 0 || version > 3) throw new RangeError(`unsupported OffsetCommitValue version ${version}`);
  const offset = r.int64();
  const leaderEpoch = version >= 3 ? r.int32() : -1;
  const metadata = r.string() ?? '';
  const commitTimestamp = r.int64();
  const expireTimestamp = version === 1 ? r.int64() : -1n;
  return { offset, leaderEpoch, metadata, commitTimestamp, expireTimestamp };
}

function decodeGroupValue(b: Buffer): GroupRecordValue {
  const r = new In(b);
  const version = r.int16();
  if (version < 0 || version > 3) throw new RangeError(`unsupported GroupMetadataValue version ${version}`);
  const protocolType = r.string() ?? '';
  const generation = r.int32();
  const protocol = r.string();
  const leader = r.string();
  const currentStateTimestamp = version >= 2 ? r.int64() : -1n;
  const n = r.int32();
  const members: MemberRecord[] = [];
  for (let i = 0; i < n; i++) {
    const memberId = r.string() ?? '';
    const groupInstanceId = version >= 3 ? r.string() : null;
    const clientId = r.string() ?? '';
    const clientHost = r.string() ?? '';
    const rebalanceTimeoutMs = version >= 1 ? r.int32() : -1;
    const sessionTimeoutMs = r.int32();
    if (version === 0) members.push({ memberId, groupInstanceId, clientId, clientHost, rebalanceTimeoutMs: sessionTimeoutMs, sessionTimeoutMs, subscription: r.bytes(), assignment: r.bytes() });
    else members.push({ memberId, groupInstanceId, clientId, clientHost, rebalanceTimeoutMs, sessionTimeoutMs, subscription: r.bytes(), assignment: r.bytes() });
  }
  return { protocolType, generation, protocol, leader, currentStateTimestamp, members };
}

/** Decodes one __consumer_offsets record; undefined for a key version this broker does not know. */
export function decodeRecord(key: Buffer, value: Buffer | null): CoordinatorRecord | undefined {
  const k = new In(key);
  const version = k.int16();
  if (version === 0 || version === 1) {
    const groupId = k.string() ?? '';
    const topic = k.string() ?? '';
    const partition = k.int32();
    return { type: 'offset', groupId, topic, partition, value: value && decodeOffsetValue(value) };
  }
  if (version === 2) return { type: 'group', groupId: k.string() ?? '', value: value && decodeGroupValue(value) };
  return undefined;
}

/** Java's String.hashCode over UTF-16 code units, as Kafka uses it to place a group. */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** Kafka's partitionFor: Utils.abs(groupId.hashCode) % partitions (abs of MIN_VALUE is 0). */
export function partitionForGroup(groupId: string, partitions: number): number {
  const h = javaStringHashCode(groupId);
  const abs = h === -2147483648 ? 0 : Math.abs(h);
  return abs % partitions;
}
