import type { KafkaRecord, ProduceBody, ProduceRecord } from '@brook/contract';
import { valueText } from './decode.ts';
import { describeJsonProblem, findJsonProblem } from './json-check.ts';

/** The produce form's fields, and how they become the gateway's produce body. */
export interface ProduceForm {
  key: string;
  value: string;
  format: 'json' | 'text';
  /** Each non-empty line of `value` is its own record. */
  perLine: boolean;
  headers: { key: string; value: string }[];
  /** null: let the producer's partitioner choose. */
  partition: number | null;
}

export const EMPTY_PRODUCE_FORM: ProduceForm = { key: '', value: '', format: 'json', perLine: false, headers: [], partition: null };
export const MAX_RECORDS_PER_SEND = 1000;

export type BuildResult = { ok: true; body: ProduceBody; count: number } | { ok: false; error: string };

/** Why `text` is not JSON, with line and column, or null. */
export function jsonError(text: string): string | null {
  const problem = findJsonProblem(text);
  return problem ? describeJsonProblem(problem) : null;
}

export function buildProduceBody(form: ProduceForm): BuildResult {
  const values = form.perLine ? form.value.split('\n').filter((line) => line.trim() !== '') : [form.value];
  if (form.perLine && values.length === 0) return { ok: false, error: 'Write at least one line: each line is a record.' };
  if (values.length > MAX_RECORDS_PER_SEND) return { ok: false, error: `At most ${MAX_RECORDS_PER_SEND} records at once.` };
  const headers = form.headers.filter((h) => h.key.trim() !== '');
  const records: ProduceRecord[] = [];
  for (const [index, text] of values.entries()) {
    const record: ProduceRecord = {};
    if (form.key !== '') record.key = form.key;
    if (form.format === 'json') {
      const problem = jsonError(text);
      if (problem) return { ok: false, error: form.perLine ? `Line ${index + 1}: ${problem}` : `Not valid JSON: ${problem}` };
      record.value = JSON.parse(text) as unknown;
      record.valueEncoding = 'json';
    } else {
      record.value = text;
      record.valueEncoding = 'string';
    }
    if (headers.length) record.headers = headers.map((h) => ({ key: h.key, value: h.value }));
    if (form.partition !== null) record.partition = form.partition;
    records.push(record);
  }
  const [only] = records;
  return { ok: true, body: records.length === 1 && only ? only : { records }, count: records.length };
}

/** Fill the form from a record read in the browser ("re-produce"). */
export function formFromRecord(record: KafkaRecord): ProduceForm {
  return {
    key: record.keyEncoding === 'null' ? '' : valueText(record.key, record.keyEncoding, false),
    value: record.valueEncoding === 'null' ? '' : valueText(record.value, record.valueEncoding, true),
    format: record.valueEncoding === 'json' ? 'json' : 'text',
    perLine: false,
    headers: record.headers.filter((h) => h.encoding === 'string').map((h) => ({ key: h.key, value: h.value ?? '' })),
    partition: record.partition,
  };
}

// Re-produce hands a record from the browser to the produce tab within the same tab session.
const HANDOFF_KEY = 'brook.reproduce';

export function stashReproduce(topic: string, record: KafkaRecord): void {
  try {
    sessionStorage.setItem(HANDOFF_KEY, JSON.stringify({ topic, form: formFromRecord(record) }));
  } catch {
    // Storage full or disabled: the produce form simply opens empty.
  }
}

export function takeReproduce(topic: string): ProduceForm | null {
  try {
    const raw = sessionStorage.getItem(HANDOFF_KEY);
    if (!raw) return null;
    sessionStorage.removeItem(HANDOFF_KEY);
    const parsed = JSON.parse(raw) as { topic: string; form: ProduceForm };
    return parsed.topic === topic ? parsed.form : null;
  } catch {
    return null;
  }
}
