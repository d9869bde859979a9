// The interpreter: encode and decode any generated message at any version, flexible or not.
// Works over the compiled steps (compile.ts); errors carry the path to the bad field.
import { compile, Kind, type CompiledStruct, type Step } from './compile.ts';
import { DecodeError, Reader } from './reader.ts';
import type { MessageSpec } from './schema.ts';
import { EncodeError, Writer } from './writer.ts';

type Struct = Record<string, unknown>;

const EMPTY_BUFFER = Buffer.alloc(0);
const EMPTY_ARRAY: readonly unknown[] = Object.freeze([]);

/** Decodes one message body at version. Byte fields and records are views of the reader's buffer (no copy). */
export function decode<T>(spec: MessageSpec, version: number, reader: Reader): T {
  return decodeStruct(compile(spec, version), reader) as T;
}

/** Encodes one message body at version. Missing properties are written as the field's default. */
export function encode(spec: MessageSpec, version: number, value: object, writer: Writer): void {
  encodeStruct(compile(spec, version), value as Struct, writer);
}

export function encodeToBuffer(spec: MessageSpec, version: number, value: object): Buffer {
  const w = new Writer();
  encode(spec, version, value, w);
  return w.toBuffer();
}

function absentValue(s: Step): unknown {
  if (s.array) return s.defaultValue === null ? null : [];
  if (s.kind === Kind.struct) return undefined;
  if (s.kind === Kind.bytes) return s.defaultValue === null ? null : EMPTY_BUFFER;
  return s.defaultValue;
}

function decodeStruct(c: CompiledStruct, r: Reader): Struct {
  const out: Struct = {};
  const steps = c.steps;
  let i = 0;
  try {
    for (; i < steps.length; i++) {
      const s = steps[i] as Step;
      out[s.key] = s.array ? readArray(s, r) : readOne(s, r, false);
    }
    for (const s of c.absent) out[s.key] = absentValue(s);
    if (c.flexible) readTagged(c, r, out);
  } catch (err) {
    if (err instanceof DecodeError) err.path.unshift(steps[i]?.key ?? '_tagged_fields');
    throw err;
  }
  return out;
}

function readArray(s: Step, r: Reader): unknown[] | null {
  const n = r.arrayLength(s.compact, s.minBytes);
  if (n === -1) {
    if (!s.nullable) throw new DecodeError('null for a non-nullable array');
    return null;
  }
  const out = new Array<unknown>(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = readOne(s, r, true);
  } catch (err) {
    if (err instanceof DecodeError) err.path.unshift(`[${i}]`);
    throw err;
  }
  return out;
}

function readOne(s: Step, r: Reader, element: boolean): unknown {
  switch (s.kind) {
    case Kind.bool: return r.bool();
    case Kind.int8: return r.int8();
    case Kind.int16: return r.int16();
    case Kind.uint16: return r.uint16();
    case Kind.int32: return r.int32();
    case Kind.uint32: return r.uint32();
    case Kind.int64: return r.int64();
    case Kind.float64: return r.float64();
    case Kind.uuid: return r.uuid();
    case Kind.string: {
      const len = r.stringLength(s.compact);
      if (len === -1) return nullOrThrow(s, element);
      return r.utf8(len);
    }
    case Kind.bytes:
    case Kind.records: {
      const len = r.bytesLength(s.compact);
      if (len === -1) return nullOrThrow(s, element);
      return r.slice(len);
    }
    case Kind.struct: {
      if (!element && s.nullable && r.int8() < 0) return null;
      return decodeStruct(s.struct as CompiledStruct, r);
    }
  }
}

function nullOrThrow(s: Step, element: boolean): null {
  if (element || !s.nullable) throw new DecodeError('null for a non-nullable field');
  return null;
}

function readTagged(c: CompiledStruct, r: Reader, out: Struct): void {
  for (const s of c.tagged) out[s.key] = absentValue(s);
  const count = r.uvarint();
  let lastTag = -1;
  for (let n = 0; n < count; n++) {
    const tag = r.uvarint();
    if (tag <= lastTag) throw new DecodeError(`tagged fields out of order (${tag} after ${lastTag})`);
    lastTag = tag;
    const size = r.uvarint();
    if (size > r.remaining()) throw new DecodeError(`tagged field ${tag} size ${size} exceeds the ${r.remaining()} bytes left`);
    const s = c.taggedByTag.get(tag);
    if (s) {
      const sub = new Reader(r.buf, r.pos, r.pos + size);
      try {
        out[s.key] = s.array ? readArray(s, sub) : readOne(s, sub, false);
      } catch (err) {
        if (err instanceof DecodeError) err.path.unshift(s.key);
        throw err;
      }
    }
    // Unknown tags are skipped: that is what makes tagged fields forward compatible.
    r.pos += size;
  }
}

function encodeStruct(c: CompiledStruct, value: Struct, w: Writer): void {
  const steps = c.steps;
  let i = 0;
  try {
    for (; i < steps.length; i++) {
      const s = steps[i] as Step;
      writeField(s, value[s.key], w);
    }
    if (c.flexible) writeTagged(c, value, w);
  } catch (err) {
    const e = err instanceof EncodeError ? err : new EncodeError(err instanceof Error ? err.message : String(err));
    e.path.unshift(steps[i]?.key ?? '_tagged_fields');
    throw e;
  }
}

function writeField(s: Step, v: unknown, w: Writer): void {
  if (!s.array) {
    writeOne(s, v, w, false);
    return;
  }
  const list = v === undefined ? (s.defaultValue === null ? null : EMPTY_ARRAY) : v;
  if (list === null) {
    if (!s.nullable) throw new EncodeError('null for a non-nullable array');
    if (s.compact) w.uvarint(0);
    else w.int32(-1);
    return;
  }
  if (!Array.isArray(list)) throw new EncodeError(`expected an array, got ${typeof list}`);
  if (s.compact) w.uvarint(list.length + 1);
  else w.int32(list.length);
  let i = 0;
  try {
    for (; i < list.length; i++) writeOne(s, list[i], w, true);
  } catch (err) {
    const e = err instanceof EncodeError ? err : new EncodeError(err instanceof Error ? err.message : String(err));
    e.path.unshift(`[${i}]`);
    throw e;
  }
}

function writeNull(s: Step, element: boolean, w: Writer, wide: boolean): void {
  if (element || !s.nullable) throw new EncodeError('null for a non-nullable field');
  if (s.compact) w.uvarint(0);
  else if (wide) w.int32(-1);
  else w.int16(-1);
}

function writeOne(s: Step, value: unknown, w: Writer, element: boolean): void {
  const v = value === undefined ? s.defaultValue : value;
  switch (s.kind) {
    case Kind.bool: w.bool(v === true); return;
    case Kind.int8: w.int8(v as number); return;
    case Kind.int16: w.int16(v as number); return;
    case Kind.uint16: w.uint16(v as number); return;
    case Kind.int32: w.int32(v as number); return;
    case Kind.uint32: w.uint32(v as number); return;
    case Kind.int64:
      if (typeof v !== 'bigint') throw new EncodeError(`expected a bigint, got ${typeof v}`);
      w.int64(v);
      return;
    case Kind.float64: w.float64(v as number); return;
    case Kind.uuid:
      if (typeof v !== 'string') throw new EncodeError(`expected a UUID string, got ${typeof v}`);
      w.uuid(v);
      return;
    case Kind.string: {
      if (v === null) return writeNull(s, element, w, false);
      if (typeof v !== 'string') throw new EncodeError(`expected a string, got ${typeof v}`);
      const len = Buffer.byteLength(v, 'utf8');
      if (s.compact) w.uvarint(len + 1);
      else if (len > 0x7fff) throw new EncodeError(`string of ${len} bytes is too long`);
      else w.int16(len);
      w.utf8(v, len);
      return;
    }
    case Kind.bytes: {
      const b = v === undefined ? EMPTY_BUFFER : v;
      if (b === null) return writeNull(s, element, w, true);
      if (!Buffer.isBuffer(b)) throw new EncodeError('expected a Buffer');
      if (s.compact) w.uvarint(b.length + 1);
      else w.int32(b.length);
      w.raw(b);
      return;
    }
    case Kind.records: {
      if (v === null || v === undefined) return writeNull(s, element, w, true);
      const chunks: readonly Buffer[] = Buffer.isBuffer(v) ? [v] : (v as readonly Buffer[]);
      let total = 0;
      for (const c of chunks) total += c.length;
      if (s.compact) w.uvarint(total + 1);
      else w.int32(total);
      for (const c of chunks) w.raw(c);
      return;
    }
    case Kind.struct: {
      if (!element && s.nullable) {
        if (v === null) {
          w.int8(-1);
          return;
        }
        w.int8(1);
      } else if (v === null) {
        throw new EncodeError('null for a non-nullable struct');
      }
      encodeStruct(s.struct as CompiledStruct, (v ?? {}) as Struct, w);
      return;
    }
  }
}

function isDefault(s: Step, v: unknown): boolean {
  if (v === undefined) return true;
  if (s.array) return s.defaultValue === null ? v === null : Array.isArray(v) && v.length === 0;
  if (s.kind === Kind.struct) return false;
  if (s.kind === Kind.bytes) return Buffer.isBuffer(v) && v.length === 0 && s.defaultValue !== null;
  return v === s.defaultValue;
}

function writeTagged(c: CompiledStruct, value: Struct, w: Writer): void {
  if (c.tagged.length === 0) {
    w.int8(0); // uvarint 0: no tagged fields
    return;
  }
  const present: Step[] = [];
  for (const s of c.tagged) if (!isDefault(s, value[s.key])) present.push(s);
  w.uvarint(present.length);
  for (const s of present) {
    const sub = new Writer(64);
    try {
      writeField(s, value[s.key], sub);
    } catch (err) {
      const e = err instanceof EncodeError ? err : new EncodeError(err instanceof Error ? err.message : String(err));
      e.path.unshift(s.key);
      throw e;
    }
    const body = sub.toBuffer();
    w.uvarint(s.tag);
    w.uvarint(body.length);
    w.raw(body);
  }
}
