import type { ReadMessagesQuery } from '@brook/contract';

/**
 * The message browser's view state, held in the URL so any page of any partition can be
 * shared: `?mode=offset&p=2&o=1500&limit=50&key=…&cursor=…`. A cursor (from a next or
 * previous page) takes over from the starting point; changing the start drops it.
 */
export const BROWSE_MODES = ['newest', 'oldest', 'offset', 'timestamp'] as const;
export type BrowseMode = (typeof BROWSE_MODES)[number];

export interface BrowserState {
  mode: BrowseMode;
  partition: number | null;
  offset: number | null;
  timestamp: number | null;
  limit: number;
  cursor: string | null;
  key: string;
  value: string;
  header: string;
}

export const PAGE_SIZES = [20, 50, 100, 200, 500] as const;
export const DEFAULT_BROWSER: BrowserState = {
  mode: 'newest',
  partition: null,
  offset: null,
  timestamp: null,
  limit: 50,
  cursor: null,
  key: '',
  value: '',
  header: '',
};

interface ParamsLike {
  get(name: string): string | null;
}

function nonNegativeInt(text: string | null): number | null {
  if (text === null || !/^\d{1,16}$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

export function parseBrowserState(params: ParamsLike): BrowserState {
  const mode = params.get('mode');
  const limit = nonNegativeInt(params.get('limit'));
  return {
    mode: (BROWSE_MODES as readonly string[]).includes(mode ?? '') ? (mode as BrowseMode) : DEFAULT_BROWSER.mode,
    partition: nonNegativeInt(params.get('p')),
    offset: nonNegativeInt(params.get('o')),
    timestamp: nonNegativeInt(params.get('t')),
    limit: limit !== null && limit >= 1 && limit <= 1000 ? limit : DEFAULT_BROWSER.limit,
    cursor: params.get('cursor') || null,
    key: params.get('key') ?? '',
    value: params.get('value') ?? '',
    header: params.get('header') ?? '',
  };
}

/** Writes only what differs from the defaults; keeps unrelated params (such as `tab`). */
export function writeBrowserState(state: BrowserState, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of ['mode', 'p', 'o', 't', 'limit', 'cursor', 'key', 'value', 'header']) params.delete(name);
  if (state.mode !== DEFAULT_BROWSER.mode) params.set('mode', state.mode);
  if (state.partition !== null) params.set('p', String(state.partition));
  if (state.mode === 'offset' && state.offset !== null) params.set('o', String(state.offset));
  if (state.mode === 'timestamp' && state.timestamp !== null) params.set('t', String(state.timestamp));
  if (state.limit !== DEFAULT_BROWSER.limit) params.set('limit', String(state.limit));
  if (state.cursor) params.set('cursor', state.cursor);
  if (state.key) params.set('key', state.key);
  if (state.value) params.set('value', state.value);
  if (state.header) params.set('header', state.header);
  return params;
}

/** What to ask the gateway for this state; null while the starting point is incomplete. */
export function browserQuery(state: BrowserState): ReadMessagesQuery | null {
  const filters: ReadMessagesQuery = {
    limit: state.limit,
    ...(state.key ? { key: state.key } : {}),
    ...(state.value ? { valueContains: state.value } : {}),
    ...(state.header ? { header: state.header } : {}),
  };
  if (state.cursor) return { ...filters, cursor: state.cursor };
  const partition = state.partition !== null ? { partition: state.partition } : {};
  switch (state.mode) {
    case 'newest':
      return { ...filters, ...partition, from: 'latest' };
    case 'oldest':
      return { ...filters, ...partition, from: 'earliest' };
    case 'offset':
      return state.offset === null ? null : { ...filters, ...partition, offset: state.offset };
    case 'timestamp':
      return state.timestamp === null ? null : { ...filters, ...partition, from: String(state.timestamp) };
  }
}

/** Any change of the starting point or filters starts over from page one. */
export function withStart(state: BrowserState, change: Partial<Omit<BrowserState, 'cursor'>>): BrowserState {
  return { ...state, ...change, cursor: null };
}

/** Deep link to one record. */
export function messageHref(topic: string, partition: number, offset: number): string {
  return `/topics/${encodeURIComponent(topic)}/messages/${partition}/${offset}`;
}
