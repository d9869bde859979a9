import { HttpError } from '../errors.ts';

/**
 * A cursor is the next offset to read of every partition of a topic, as opaque base64url
 * JSON. It is the only offset a client posts back (page tokens, SSE event ids), so a
 * resumed read continues exactly where the last one stopped.
 */
export interface Cursor {
  topic: string;
  offsets: Map<number, number>;
}

interface CursorJson {
  v: 1;
  t: string;
  o: Array<[number, number]>;
}

export function encodeCursor(topic: string, offsets: Map<number, number>): string {
  const json: CursorJson = { v: 1, t: topic, o: [...offsets].sort((a, b) => a[0] - b[0]) };
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}

const invalid = (reason: string): HttpError =>
  new HttpError(400, 'GATEWAY_INVALID_CURSOR', `Invalid cursor: ${reason}`, { details: { reason } });

export function decodeCursor(text: string, topic: string): Cursor {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw invalid('not base64url');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid('not a cursor');
  }
  const candidate = json as Partial<CursorJson> | null;
  if (!candidate || candidate.v !== 1 || typeof candidate.t !== 'string' || !Array.isArray(candidate.o)) throw invalid('not a cursor');
  if (candidate.t !== topic) throw invalid(`it belongs to topic "${candidate.t}", not "${topic}"`);
  const offsets = new Map<number, number>();
  for (const entry of candidate.o) {
    const [partition, offset] = Array.isArray(entry) ? entry : [];
    if (!Number.isSafeInteger(partition) || !Number.isSafeInteger(offset) || (partition as number) < 0 || (offset as number) < 0) {
      throw invalid('offsets must be non-negative integers');
    }
    offsets.set(partition as number, offset as number);
  }
  return { topic, offsets };
}
