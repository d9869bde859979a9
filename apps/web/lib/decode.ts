import type { DataEncoding, KafkaRecord } from '@brook/contract';

/**
 * Views of a record's key or value. The gateway sends each decoded as JSON, UTF-8 text or
 * base64 of raw bytes; the console shows any of them as a JSON tree, text, hex or base64.
 */

export const VALUE_VIEWS = ['json', 'text', 'hex', 'base64'] as const;
export type ValueView = (typeof VALUE_VIEWS)[number];

/** Values above this are not rendered until the user asks: a 5 MB JSON tree freezes a tab. */
export const LARGE_VALUE_BYTES = 20 * 1024;

/** A record's identity in a topic: its partition and offset. */
export function recordKey(record: Pick<KafkaRecord, 'partition' | 'offset'>): string {
  return `${record.partition}:${record.offset}`;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

export function base64ToBytes(b64: string): Uint8Array {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked: String.fromCharCode(...bigArray) overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The bytes behind a decoded value. For JSON this is the compact re-serialisation of what
 * the gateway parsed, which may differ in whitespace from what the producer wrote.
 */
export function valueBytes(value: unknown, encoding: DataEncoding): Uint8Array {
  switch (encoding) {
    case 'null':
      return new Uint8Array(0);
    case 'base64':
      return base64ToBytes(String(value));
    case 'string':
      return encoder.encode(String(value));
    case 'json':
      return encoder.encode(JSON.stringify(value));
  }
}

/** Text for display: JSON pretty-printed, strings as is, binary as lossy UTF-8. */
export function valueText(value: unknown, encoding: DataEncoding, pretty = true): string {
  switch (encoding) {
    case 'null':
      return '';
    case 'string':
      return String(value);
    case 'json':
      return pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
    case 'base64':
      return decoder.decode(base64ToBytes(String(value)));
  }
}

/** One line, cut to `max` characters, for a table cell. */
export function valuePreview(value: unknown, encoding: DataEncoding, max = 160): string {
  if (encoding === 'null') return 'null';
  const text = encoding === 'base64' ? String(value) : valueText(value, encoding, false);
  const line = text.replace(/\s+/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The view to open first: a tree for JSON, text for strings, hex for binary. */
export function defaultView(encoding: DataEncoding): ValueView {
  return encoding === 'json' ? 'json' : encoding === 'base64' ? 'hex' : 'text';
}

function printable(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
}

/** A classic hexdump: offset, 16 bytes in two groups of 8, and their ASCII. Capped at `maxBytes`. */
export function hexDump(bytes: Uint8Array, maxBytes = 64 * 1024): string {
  const lines: string[] = [];
  const end = Math.min(bytes.length, maxBytes);
  for (let offset = 0; offset < end; offset += 16) {
    const row = bytes.subarray(offset, Math.min(offset + 16, end));
    const hex: string[] = [];
    for (let i = 0; i < 16; i++) {
      const byte = row[i];
      hex.push(byte === undefined ? '  ' : byte.toString(16).padStart(2, '0'));
      if (i === 7) hex.push('');
    }
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.join(' ')}  |${Array.from(row, printable).join('')}|`);
  }
  if (bytes.length > end) lines.push(`… ${bytes.length - end} more bytes`);
  return lines.join('\n');
}
