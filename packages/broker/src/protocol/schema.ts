// The shape of the generated message tables (generated/messages.ts). The tables are data: one entry per
// Kafka message, one FieldSpec per field, version ranges as inclusive [min, max] pairs.

/** Upper bound used for open ranges such as "3+". */
export const MAX_VERSION = 0x7fff;

export type VersionRange = readonly [min: number, max: number];

export type PrimitiveType =
  | 'bool'
  | 'int8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'float64'
  | 'string'
  | 'bytes'
  | 'records'
  | 'uuid';

export type FieldType = PrimitiveType | 'struct';

export type DefaultValue = string | number | bigint | boolean | null;

export interface FieldSpec {
  /** camelCase property name */
  readonly name: string;
  readonly type: FieldType;
  readonly array?: true;
  readonly versions: VersionRange;
  readonly nullableVersions?: VersionRange;
  readonly taggedVersions?: VersionRange;
  readonly tag?: number;
  /** Explicit default from the spec, already converted to the field's runtime type. */
  readonly default?: DefaultValue;
  /** Field-level override of the message's flexible versions ("none" keeps the classic encoding). */
  readonly flexibleVersions?: VersionRange | 'none';
  /** Struct name from the spec (for struct fields and struct arrays). */
  readonly structName?: string;
  readonly fields?: readonly FieldSpec[];
}

export interface MessageSpec {
  readonly name: string;
  readonly type: 'request' | 'response' | 'header' | 'data';
  readonly apiKey?: number;
  readonly validVersions: VersionRange;
  /** null when the message has no flexible version */
  readonly flexibleVersions: VersionRange | null;
  readonly fields: readonly FieldSpec[];
}

export function inRange(range: VersionRange | undefined, version: number): boolean {
  return range !== undefined && version >= range[0] && version <= range[1];
}

/** Value type of a `records` field when encoding: one buffer, or a list of chunks written without copying. */
export type RecordsData = Buffer | readonly Buffer[];
