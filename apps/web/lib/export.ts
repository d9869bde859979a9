import type { KafkaRecord } from '@brook/contract';
import { valueText } from './decode.ts';

/** Export one page of the message browser, as the user sees it. */

export function recordsToJson(records: readonly KafkaRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

const CSV_COLUMNS = ['topic', 'partition', 'offset', 'timestamp', 'key', 'value', 'headers'] as const;

/** RFC 4180: quote every field that holds a comma, quote, CR or LF; double inner quotes. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function recordsToCsv(records: readonly KafkaRecord[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of records) {
    const headers = r.headers.length ? JSON.stringify(Object.fromEntries(r.headers.map((h) => [h.key, h.value]))) : '';
    const fields = [
      r.topic,
      String(r.partition),
      String(r.offset),
      new Date(r.timestamp).toISOString(),
      r.keyEncoding === 'null' ? '' : valueText(r.key, r.keyEncoding, false),
      r.valueEncoding === 'null' ? '' : valueText(r.value, r.valueEncoding, false),
      headers,
    ];
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function exportFileName(topic: string, extension: 'json' | 'csv', now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return `${topic}-${stamp}.${extension}`;
}
