// Turns Kafka's message specifications (clients/src/main/resources/common/message/*.json, JSON with
// // comments) into the committed tables and types of src/protocol/generated/messages.ts.
// The spec is the grammar: nothing here knows about any particular message beyond its name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_VERSION, type DefaultValue, type FieldSpec, type MessageSpec, type PrimitiveType, type VersionRange } from '../src/protocol/schema.ts';

/** The APIs the broker serves (DESIGN.md); add a name here and regenerate to get its tables and types. */
export const API_NAMES = [
  'Produce', 'Fetch', 'ListOffsets', 'Metadata', 'OffsetCommit', 'OffsetFetch', 'FindCoordinator',
  'JoinGroup', 'Heartbeat', 'LeaveGroup', 'SyncGroup', 'DescribeGroups', 'ListGroups', 'SaslHandshake',
  'ApiVersions', 'CreateTopics', 'DeleteTopics', 'DeleteRecords', 'InitProducerId', 'DescribeConfigs',
  'AlterConfigs', 'SaslAuthenticate', 'CreatePartitions', 'DeleteGroups', 'IncrementalAlterConfigs',
  'OffsetDelete',
  // Transactions: tables and types only until their handlers exist (ApiVersions advertises handlers, not tables).
  'AddPartitionsToTxn', 'AddOffsetsToTxn', 'EndTxn', 'TxnOffsetCommit',
] as const;

export const HEADER_NAMES = ['RequestHeader', 'ResponseHeader'] as const;

interface RawField {
  name: string;
  type: string;
  versions?: string;
  nullableVersions?: string;
  taggedVersions?: string;
  tag?: number;
  default?: string | number | boolean;
  flexibleVersions?: string;
  fields?: RawField[];
}

interface RawMessage {
  name: string;
  type: MessageSpec['type'];
  apiKey?: number;
  validVersions: string;
  flexibleVersions?: string;
  fields: RawField[];
  commonStructs?: { name: string; versions?: string; fields: RawField[] }[];
}

const PRIMITIVES = new Set<string>(['bool', 'int8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'float64', 'string', 'bytes', 'records', 'uuid']);

/** Removes // comments outside string literals (the "about" texts contain URLs). */
export function stripComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else {
      out += c;
    }
  }
  return out;
}

export function parseVersions(text: string | undefined, context: string): VersionRange | null {
  if (text === undefined || text === 'none') return null;
  const plus = /^(\d+)\+$/.exec(text);
  if (plus) return [Number(plus[1]), MAX_VERSION];
  const range = /^(\d+)-(\d+)$/.exec(text);
  if (range) return [Number(range[1]), Number(range[2])];
  if (/^\d+$/.test(text)) return [Number(text), Number(text)];
  throw new Error(`${context}: bad version range "${text}"`);
}

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function convertDefault(raw: string | number | boolean, type: PrimitiveType | 'struct', context: string): DefaultValue {
  const text = String(raw);
  if (text === 'null') return null;
  switch (type) {
    case 'bool':
      if (text !== 'true' && text !== 'false') throw new Error(`${context}: bad bool default ${text}`);
      return text === 'true';
    case 'int8': case 'int16': case 'uint16': case 'int32': case 'uint32': case 'float64': {
      const n = text.startsWith('0x') ? parseInt(text, 16) : Number(text);
      if (!Number.isFinite(n)) throw new Error(`${context}: bad numeric default ${text}`);
      return n;
    }
    case 'int64':
      return BigInt(text);
    case 'string':
    case 'uuid':
      return text;
    default:
      throw new Error(`${context}: unsupported default for ${type}`);
  }
}

function loadSpec(specDir: string, name: string): RawMessage {
  const text = readFileSync(join(specDir, `${name}.json`), 'utf8');
  return JSON.parse(stripComments(text)) as RawMessage;
}

function convertFields(fields: RawField[], message: RawMessage, context: string): FieldSpec[] {
  const common = new Map((message.commonStructs ?? []).map((s) => [s.name, s.fields]));
  return fields.map((f) => {
    const where = `${context}.${f.name}`;
    const array = f.type.startsWith('[]');
    const base = array ? f.type.slice(2) : f.type;
    const isPrimitive = PRIMITIVES.has(base);
    const versions = parseVersions(f.versions, where);
    if (!versions) throw new Error(`${where}: missing versions`);
    const spec: { -readonly [K in keyof FieldSpec]: FieldSpec[K] } = {
      name: camel(f.name),
      type: isPrimitive ? (base as PrimitiveType) : 'struct',
      versions,
    };
    if (array) spec.array = true;
    const nullable = parseVersions(f.nullableVersions, where);
    if (nullable) spec.nullableVersions = nullable;
    const tagged = parseVersions(f.taggedVersions, where);
    if (tagged) {
      if (f.tag === undefined) throw new Error(`${where}: taggedVersions without tag`);
      spec.taggedVersions = tagged;
      spec.tag = f.tag;
    }
    if (f.flexibleVersions !== undefined) spec.flexibleVersions = parseVersions(f.flexibleVersions, where) ?? 'none';
    if (!isPrimitive) {
      const nested = f.fields ?? common.get(base);
      if (!nested) throw new Error(`${where}: struct ${base} has no fields`);
      spec.structName = base;
      spec.fields = convertFields(nested, message, where);
    }
    if (f.default !== undefined && !array && isPrimitive) spec.default = convertDefault(f.default, spec.type, where);
    return spec;
  });
}

export function convertMessage(raw: RawMessage): MessageSpec {
  const validVersions = parseVersions(raw.validVersions, raw.name);
  if (!validVersions) throw new Error(`${raw.name}: no valid versions`);
  const spec: MessageSpec = {
    name: raw.name,
    type: raw.type,
    ...(raw.apiKey !== undefined ? { apiKey: raw.apiKey } : {}),
    validVersions,
    flexibleVersions: parseVersions(raw.flexibleVersions, raw.name),
    fields: convertFields(raw.fields, raw, raw.name),
  };
  return spec;
}

export function loadMessages(specDir: string): MessageSpec[] {
  const names = [...HEADER_NAMES, ...API_NAMES.flatMap((api) => [`${api}Request`, `${api}Response`])];
  return names.map((name) => convertMessage(loadSpec(specDir, name)));
}
