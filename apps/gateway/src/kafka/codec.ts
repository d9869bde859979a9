import type { DataEncoding, HeadersInput, InputEncoding, RecordHeader } from '@brook/contract';
import { HttpError } from '../errors.ts';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Strict base64 (standard or URL alphabet): Buffer.from would silently skip junk characters. */
export function decodeBase64(text: string, where: string): Buffer {
  if (BASE64.test(text)) return Buffer.from(text, 'base64');
  if (BASE64URL.test(text) && text.length % 4 !== 1) return Buffer.from(text, 'base64url');
  throw new HttpError(400, 'GATEWAY_INVALID_BASE64', `${where} is not valid base64`, { details: { path: where } });
}

/**
 * A posted key or value to bytes. Default: strings are written as UTF-8 text, anything else
 * as its JSON text; `json` always writes JSON; `string` requires a string; `base64` decodes.
 * `undefined` and `null` mean absent (no key; a tombstone value).
 */
export function encodeData(value: unknown, encoding: InputEncoding | undefined, where: string): Buffer | null {
  if (value === undefined || value === null) {
    if (encoding === 'json' && value === null) return Buffer.from('null');
    return null;
  }
  switch (encoding) {
    case 'base64':
      if (typeof value !== 'string') throw new HttpError(400, 'GATEWAY_VALIDATION_FAILED', `${where} must be a base64 string`);
      return decodeBase64(value, where);
    case 'string':
      if (typeof value !== 'string') throw new HttpError(400, 'GATEWAY_VALIDATION_FAILED', `${where} must be a string with encoding "string"`);
      return Buffer.from(value, 'utf8');
    case 'json':
      return Buffer.from(JSON.stringify(value), 'utf8');
    default:
      return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
  }
}

export type KafkaHeaders = Record<string, Buffer | Array<Buffer | null> | null>;

/** Headers as a map or a list (duplicates kept in order, binary values by base64) to kafkajs's shape. */
export function encodeHeaders(headers: HeadersInput | undefined, where: string): KafkaHeaders | undefined {
  if (!headers) return undefined;
  const out: KafkaHeaders = {};
  const add = (key: string, value: Buffer | null): void => {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[key] = [existing, value];
  };
  if (Array.isArray(headers)) {
    headers.forEach((header, i) => {
      const value =
        header.value === null ? null : header.encoding === 'base64' ? decodeBase64(header.value, `${where}/${i}/value`) : Buffer.from(header.value, 'utf8');
      add(header.key, value);
    });
  } else {
    for (const [key, value] of Object.entries(headers)) add(key, value === null ? null : Buffer.from(value, 'utf8'));
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

// Control characters (other than tab and newlines) mean bytes, not text: show them as base64.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/;

function toText(bytes: Buffer): string | undefined {
  try {
    const text = utf8.decode(bytes);
    return CONTROL.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

/** Bytes read from Kafka to JSON if they parse, else UTF-8 text, else base64 — saying which. */
export function decodeData(bytes: Buffer | null | undefined): { data: unknown; encoding: DataEncoding } {
  if (bytes === null || bytes === undefined) return { data: null, encoding: 'null' };
  const text = toText(bytes);
  if (text === undefined) return { data: bytes.toString('base64'), encoding: 'base64' };
  const first = text.charCodeAt(0);
  // Only texts that can start a JSON document are tried: most plain strings never hit JSON.parse.
  if (text.length > 0 && (first === 123 || first === 91 || first === 34 || first === 45 || (first >= 48 && first <= 57) || text === 'true' || text === 'false' || text === 'null')) {
    try {
      const parsed: unknown = JSON.parse(text);
      // Numbers beyond 2^53 would lose digits as JSON numbers: keep them as text.
      if (typeof parsed !== 'number' || Number.isSafeInteger(parsed) || !/^-?\d+$/.test(text.trim())) return { data: parsed, encoding: 'json' };
    } catch {
      // not JSON: text
    }
  }
  return { data: text, encoding: 'string' };
}

export function decodeHeaders(headers: Record<string, Buffer | null | Array<Buffer | null>> | undefined): RecordHeader[] {
  const out: RecordHeader[] = [];
  if (!headers) return out;
  for (const [key, raw] of Object.entries(headers)) {
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      if (value === null || value === undefined) {
        out.push({ key, value: null, encoding: 'null' });
        continue;
      }
      const text = toText(value);
      out.push(text === undefined ? { key, value: value.toString('base64'), encoding: 'base64' } : { key, value: text, encoding: 'string' });
    }
  }
  return out;
}
