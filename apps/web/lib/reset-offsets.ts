import type { ResetOffsetsBody, ResetStrategy } from '@brook/contract';

/** The reset-offsets form, and the request it makes (a preview first: `dryRun: true`). */
export interface ResetForm {
  topic: string;
  /** Empty: every partition; else "0, 2, 5-7". */
  partitions: string;
  strategy: ResetStrategy;
  timestamp: number | null;
  offset: string;
  shift: string;
}

export const RESET_STRATEGIES: { value: ResetStrategy; label: string; help: string }[] = [
  { value: 'earliest', label: 'Earliest', help: 'Re-read everything still retained.' },
  { value: 'latest', label: 'Latest', help: 'Skip to the end: only new records are read.' },
  { value: 'timestamp', label: 'To a time', help: 'The first record at or after a time.' },
  { value: 'offset', label: 'To an offset', help: 'The same offset on every chosen partition.' },
  { value: 'shift', label: 'Shift by N', help: 'Move each committed offset; negative goes back.' },
];

/** "0, 2, 5-7" → [0, 2, 5, 6, 7]; null when malformed. */
export function parsePartitionList(text: string): number[] | null {
  const out = new Set<number>();
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const range = /^(\d{1,6})\s*-\s*(\d{1,6})$/.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to < from || to - from > 10_000) return null;
      for (let p = from; p <= to; p++) out.add(p);
    } else if (/^\d{1,6}$/.test(part)) out.add(Number(part));
    else return null;
  }
  return [...out].sort((a, b) => a - b);
}

export function buildResetBody(form: ResetForm, dryRun: boolean): { ok: true; body: ResetOffsetsBody } | { ok: false; error: string } {
  if (!form.topic) return { ok: false, error: 'Choose a topic.' };
  const body: ResetOffsetsBody = { topic: form.topic, strategy: form.strategy, dryRun };
  if (form.partitions.trim()) {
    const list = parsePartitionList(form.partitions);
    if (!list || list.length === 0) return { ok: false, error: 'Partitions: numbers and ranges, like 0, 2, 5-7.' };
    body.partitions = list;
  }
  switch (form.strategy) {
    case 'timestamp':
      if (form.timestamp === null) return { ok: false, error: 'Choose a time.' };
      body.timestamp = form.timestamp;
      break;
    case 'offset':
      if (!/^\d{1,16}$/.test(form.offset.trim())) return { ok: false, error: 'The offset is a whole number, 0 or more.' };
      body.offset = Number(form.offset.trim());
      break;
    case 'shift':
      if (!/^[+-]?\d{1,16}$/.test(form.shift.trim()) || Number(form.shift) === 0) return { ok: false, error: 'Shift by a whole number other than 0 (negative goes back).' };
      body.shift = Number(form.shift.trim());
      break;
    default:
      break;
  }
  return { ok: true, body };
}
