import { describe, expect, it } from 'vitest';
import { browserQuery, DEFAULT_BROWSER, messageHref, parseBrowserState, withStart, writeBrowserState } from './browser-state.ts';

describe('message browser URL state', () => {
  it('round-trips through the URL and keeps other params', () => {
    const state = { ...DEFAULT_BROWSER, mode: 'offset', partition: 2, offset: 1500, limit: 100, key: 'user-1', header: 'trace' } as const;
    const params = writeBrowserState(state, new URLSearchParams('tab=messages'));
    expect(params.get('tab')).toBe('messages');
    expect(parseBrowserState(params)).toEqual(state);
  });

  it('writes nothing for the default view', () => {
    expect(writeBrowserState(DEFAULT_BROWSER).toString()).toBe('');
  });

  it('ignores malformed numbers and modes', () => {
    const state = parseBrowserState(new URLSearchParams('mode=random&p=-1&o=1e3&limit=5000'));
    expect(state).toEqual(DEFAULT_BROWSER);
  });

  it('asks for the newest, oldest, an offset or a time', () => {
    expect(browserQuery(DEFAULT_BROWSER)).toEqual({ limit: 50, from: 'latest' });
    expect(browserQuery({ ...DEFAULT_BROWSER, mode: 'oldest', partition: 1 })).toEqual({ limit: 50, partition: 1, from: 'earliest' });
    expect(browserQuery({ ...DEFAULT_BROWSER, mode: 'offset', partition: 0, offset: 42 })).toEqual({ limit: 50, partition: 0, offset: 42 });
    expect(browserQuery({ ...DEFAULT_BROWSER, mode: 'timestamp', timestamp: 1_700_000_000_000 })).toEqual({
      limit: 50,
      from: '1700000000000',
    });
  });

  it('waits for an offset or time before asking', () => {
    expect(browserQuery({ ...DEFAULT_BROWSER, mode: 'offset' })).toBeNull();
    expect(browserQuery({ ...DEFAULT_BROWSER, mode: 'timestamp' })).toBeNull();
  });

  it('lets a cursor take over, keeping filters', () => {
    const state = { ...DEFAULT_BROWSER, mode: 'oldest', partition: 3, cursor: 'abc', value: 'error' } as const;
    expect(browserQuery(state)).toEqual({ limit: 50, valueContains: 'error', cursor: 'abc' });
    expect(withStart(state, { partition: 1 }).cursor).toBeNull();
  });

  it('links to one message', () => {
    expect(messageHref('a.b', 2, 99)).toBe('/topics/a.b/messages/2/99');
  });
});
