import { describe, expect, it } from 'vitest';
import { DEFAULT_TOPIC_LIST, nextSort, parseTopicListState, topicListQuery, topicListSearch } from './topic-list-state.ts';

describe('topic list URL state', () => {
  it('round-trips through the query string', () => {
    const state = { search: 'orders', sort: 'messages', order: 'desc', page: 3, internal: true } as const;
    expect(parseTopicListState(new URLSearchParams(topicListSearch(state)))).toEqual(state);
  });

  it('keeps the default view URL empty', () => {
    expect(topicListSearch(DEFAULT_TOPIC_LIST)).toBe('');
  });

  it('ignores values it does not know', () => {
    expect(parseTopicListState(new URLSearchParams('sort=size&order=up&page=-4&internal=yes'))).toEqual(DEFAULT_TOPIC_LIST);
  });

  it('flips the order on the same column and resets the page', () => {
    const sorted = nextSort({ ...DEFAULT_TOPIC_LIST, page: 4 }, 'name');
    expect(sorted).toMatchObject({ sort: 'name', order: 'desc', page: 1 });
    expect(nextSort(sorted, 'messages')).toMatchObject({ sort: 'messages', order: 'desc' });
  });

  it('asks the gateway for one page, without an empty search', () => {
    expect(topicListQuery(DEFAULT_TOPIC_LIST)).toEqual({ sort: 'name', order: 'asc', page: 1, pageSize: 50, internal: false });
  });
});
