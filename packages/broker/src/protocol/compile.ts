// Compiles a message table for one version into flat lists of steps, once, so the interpreter's hot
// loop is a switch over small integers with no per-field version checks, closures or lookups.
import { inRange, type DefaultValue, type FieldSpec, type MessageSpec, type VersionRange } from './schema.ts';

export const Kind = {
  bool: 0,
  int8: 1,
  int16: 2,
  uint16: 3,
  int32: 4,
  uint32: 5,
  int64: 6,
  float64: 7,
  string: 8,
  bytes: 9,
  records: 10,
  uuid: 11,
  struct: 12,
} as const;
export type KindValue = (typeof Kind)[keyof typeof Kind];

export interface Step {
  readonly key: string;
  readonly kind: KindValue;
  readonly array: boolean;
  readonly nullable: boolean;
  /** compact (uvarint-length) encoding for strings, bytes, records and arrays */
  readonly compact: boolean;
  readonly struct: CompiledStruct | null;
  readonly tag: number;
  /** Runtime default when the field is absent (not in this version, or an omitted tagged field). */
  readonly defaultValue: DefaultValue | undefined;
  /** Fewest bytes one value (one array element) takes on the wire: bounds array counts before allocating. */
  readonly minBytes: number;
}

export interface CompiledStruct {
  readonly flexible: boolean;
  /** Fewest bytes an instance takes on the wire. */
  readonly minBytes: number;
  /** Fields written in order. */
  readonly steps: readonly Step[];
  /** Tagged fields, ascending by tag. */
  readonly tagged: readonly Step[];
  readonly taggedByTag: ReadonlyMap<number, Step>;
  /** Fields not in this version: decode fills in their defaults so handlers see every property. */
  readonly absent: readonly Step[];
}

export const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

function implicitDefault(f: FieldSpec): DefaultValue | undefined {
  if (f.default !== undefined) return f.default;
  if (f.array || f.type === 'struct') return undefined;
  switch (f.type) {
    case 'bool': return false;
    case 'int64': return 0n;
    case 'string': return '';
    case 'uuid': return ZERO_UUID;
    case 'bytes': return undefined;
    case 'records': return null;
    default: return 0;
  }
}

const FIXED_BYTES: Partial<Record<FieldSpec['type'], number>> = { bool: 1, int8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, float64: 8, uuid: 16 };

function minValueBytes(f: FieldSpec, compact: boolean, struct: CompiledStruct | null): number {
  if (struct) return struct.minBytes;
  const fixed = FIXED_BYTES[f.type];
  if (fixed !== undefined) return fixed;
  // strings, bytes and records: just their length prefix
  if (compact) return 1;
  return f.type === 'string' ? 2 : 4;
}

function compileFields(fields: readonly FieldSpec[], version: number, flexible: boolean): CompiledStruct {
  const steps: Step[] = [];
  const tagged: Step[] = [];
  const absent: Step[] = [];
  for (const f of fields) {
    const fieldFlexible = flexible && f.flexibleVersions !== 'none' && (f.flexibleVersions === undefined || inRange(f.flexibleVersions as VersionRange, version));
    const struct = f.fields ? compileFields(f.fields, version, flexible) : null;
    const step: Step = {
      key: f.name,
      kind: Kind[f.type],
      array: f.array === true,
      nullable: inRange(f.nullableVersions, version),
      compact: fieldFlexible,
      struct,
      tag: f.tag ?? -1,
      defaultValue: implicitDefault(f),
      minBytes: minValueBytes(f, fieldFlexible, struct),
    };
    if (!inRange(f.versions, version)) absent.push(step);
    else if (flexible && inRange(f.taggedVersions, version)) tagged.push(step);
    else steps.push(step);
  }
  tagged.sort((a, b) => a.tag - b.tag);
  let minBytes = flexible ? 1 : 0; // the tagged-field count
  for (const s of steps) minBytes += s.array ? (s.compact ? 1 : 4) : s.nullable && s.kind === Kind.struct ? 1 : s.minBytes;
  return { flexible, minBytes, steps, tagged, taggedByTag: new Map(tagged.map((s) => [s.tag, s])), absent };
}

const cache = new WeakMap<MessageSpec, (CompiledStruct | undefined)[]>();

export function isFlexible(spec: MessageSpec, version: number): boolean {
  return inRange(spec.flexibleVersions ?? undefined, version);
}

/** The compiled form of spec at version; throws RangeError outside the spec's valid versions. */
export function compile(spec: MessageSpec, version: number): CompiledStruct {
  let byVersion = cache.get(spec);
  if (!byVersion) {
    byVersion = [];
    cache.set(spec, byVersion);
  }
  const hit = byVersion[version];
  if (hit) return hit;
  if (!inRange(spec.validVersions, version)) {
    throw new RangeError(`${spec.name} has no version ${version} (valid ${spec.validVersions[0]}-${spec.validVersions[1]})`);
  }
  const compiled = compileFields(spec.fields, version, isFlexible(spec, version));
  byVersion[version] = compiled;
  return compiled;
}
