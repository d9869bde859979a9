// Prints the converted message specs as TypeScript: the tables (data for the interpreter) and one
// interface per message and nested struct, so handlers are typed by the same declaration.
import { MAX_VERSION, type FieldSpec, type MessageSpec, type VersionRange } from '../src/protocol/schema.ts';

export const BANNER = [
  '// Generated from Apache Kafka\'s message specifications by scripts/generate-protocol.ts — do not edit.',
  '// Regenerate: npm run generate -w @brook/broker   (= tsx scripts/generate-protocol.ts <specDir> [outFile])',
];

function range(r: VersionRange): string {
  return `[${r[0]}, ${r[1] === MAX_VERSION ? 'MAX' : r[1]}]`;
}

function literal(value: FieldSpec['default']): string {
  if (typeof value === 'bigint') return `${value}n`;
  return JSON.stringify(value);
}

function printField(f: FieldSpec, indent: string): string {
  const parts = [`name: '${f.name}'`, `type: '${f.type}'`];
  if (f.array) parts.push('array: true');
  parts.push(`versions: ${range(f.versions)}`);
  if (f.nullableVersions) parts.push(`nullableVersions: ${range(f.nullableVersions)}`);
  if (f.taggedVersions) parts.push(`taggedVersions: ${range(f.taggedVersions)}`, `tag: ${f.tag}`);
  if (f.default !== undefined) parts.push(`default: ${literal(f.default)}`);
  if (f.flexibleVersions) parts.push(`flexibleVersions: ${f.flexibleVersions === 'none' ? "'none'" : range(f.flexibleVersions)}`);
  if (f.structName) parts.push(`structName: '${f.structName}'`);
  if (!f.fields) return `${indent}{ ${parts.join(', ')} },`;
  const nested = f.fields.map((n) => printField(n, `${indent}    `)).join('\n');
  return `${indent}{\n${indent}  ${parts.join(', ')},\n${indent}  fields: [\n${nested}\n${indent}  ],\n${indent}},`;
}

function printMessage(m: MessageSpec): string {
  const lines = [`  ${m.name}: {`, `    name: '${m.name}',`, `    type: '${m.type}',`];
  if (m.apiKey !== undefined) lines.push(`    apiKey: ${m.apiKey},`);
  lines.push(`    validVersions: ${range(m.validVersions)},`);
  lines.push(`    flexibleVersions: ${m.flexibleVersions ? range(m.flexibleVersions) : 'null'},`);
  lines.push('    fields: [', ...m.fields.map((f) => printField(f, '      ')), '    ],', '  },');
  return lines.join('\n');
}

/** Names nested struct interfaces uniquely across all messages. */
class TypeNamer {
  private readonly used = new Map<string, string>();

  name(message: MessageSpec, structName: string, path: string): string {
    const api = message.name.replace(/(Request|Response)$/, '');
    let candidate = structName.startsWith(api) ? structName : `${message.name}${structName}`;
    if (this.used.has(candidate) && this.used.get(candidate) !== path) candidate = `${message.name}${structName}`;
    const owner = this.used.get(candidate);
    if (owner !== undefined && owner !== path) throw new Error(`type name collision: ${candidate} (${owner}, ${path})`);
    this.used.set(candidate, path);
    return candidate;
  }
}

function covers(outer: VersionRange, inner: VersionRange): boolean {
  return inner[0] <= outer[0] && inner[1] >= outer[1];
}

function intersect(a: VersionRange, b: VersionRange): VersionRange {
  return [Math.max(a[0], b[0]), Math.min(a[1], b[1])];
}

function overlaps(a: VersionRange | undefined, b: VersionRange): boolean {
  return a !== undefined && a[0] <= b[1] && b[0] <= a[1];
}

function emitTypes(message: MessageSpec, namer: TypeNamer): string[] {
  const out: string[] = [];
  const visit = (typeName: string, fields: readonly FieldSpec[], scope: VersionRange, path: string): void => {
    const members: string[] = [];
    for (const f of fields) {
      const effective = intersect(scope, f.versions);
      if (effective[0] > effective[1]) continue;
      let base: string;
      if (f.type === 'struct') {
        base = namer.name(message, f.structName ?? f.name, `${path}.${f.name}`);
        visit(base, f.fields ?? [], effective, `${path}.${f.name}`);
      } else {
        base = primitiveType(f.type, message.type);
      }
      let type = f.array ? (base.includes(' ') ? `(${base})[]` : `${base}[]`) : base;
      if (overlaps(f.nullableVersions, effective)) type += ' | null';
      const optional = !covers(scope, effective) || f.taggedVersions !== undefined ? '?' : '';
      members.push(`  ${f.name}${optional}: ${type};`);
    }
    out.push(`export interface ${typeName} {`, ...members, '}', '');
  };
  visit(message.name, message.fields, message.validVersions, message.name);
  return out;
}

function primitiveType(type: FieldSpec['type'], kind: MessageSpec['type']): string {
  switch (type) {
    case 'bool': return 'boolean';
    case 'int64': return 'bigint';
    case 'string': case 'uuid': return 'string';
    case 'bytes': return 'Buffer';
    // Decoded records are a slice of the request frame; responses may pass chunks to avoid a copy.
    case 'records': return kind === 'response' ? 'RecordsData' : 'Buffer';
    default: return 'number';
  }
}

export function emit(messages: readonly MessageSpec[], apiNames: readonly string[]): string {
  const apis = apiNames
    .map((name) => {
      const request = messages.find((m) => m.name === `${name}Request`);
      if (request?.apiKey === undefined) throw new Error(`${name}Request missing or without apiKey`);
      return { name, apiKey: request.apiKey };
    })
    .sort((a, b) => a.apiKey - b.apiKey);
  const namer = new TypeNamer();
  const lines = [
    ...BANNER,
    "import { MAX_VERSION as MAX, type MessageSpec, type RecordsData } from '../schema.ts';",
    '',
    'export const ApiKey = {',
    ...apis.map((a) => `  ${a.name}: ${a.apiKey},`),
    '} as const;',
    '',
    'export type ApiName = keyof typeof ApiKey;',
    '',
    `export type MessageName =\n${messages.map((m) => `  | '${m.name}'`).join('\n')};`,
    '',
    'export const schemas: { readonly [K in MessageName]: MessageSpec } = {',
    ...messages.map(printMessage),
    '};',
    '',
    '/** Request and response types of every API, by API name. */',
    'export interface ApiMessages {',
    ...apis.map((a) => `  ${a.name}: { request: ${a.name}Request; response: ${a.name}Response };`),
    '}',
    '',
    ...messages.flatMap((m) => emitTypes(m, namer)),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
