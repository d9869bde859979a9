import type { ListTopicsQuery, SortOrder, TopicSort } from '@brook/contract';

/** The topics page's view state, held in the URL (`?q=&sort=&order=&page=&internal=1`). */
export interface TopicListState {
  search: string;
  sort: TopicSort;
  order: SortOrder;
  page: number;
  internal: boolean;
}

export const TOPIC_PAGE_SIZE = 50;
const SORTS: readonly TopicSort[] = ['name', 'partitions', 'replicationFactor', 'messages'];
export const DEFAULT_TOPIC_LIST: TopicListState = { search: '', sort: 'name', order: 'asc', page: 1, internal: false };

interface ParamsLike {
  get(name: string): string | null;
}

export function parseTopicListState(params: ParamsLike): TopicListState {
  const sort = params.get('sort');
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    search: (params.get('q') ?? '').slice(0, 249),
    sort: SORTS.includes(sort as TopicSort) ? (sort as TopicSort) : DEFAULT_TOPIC_LIST.sort,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    internal: params.get('internal') === '1',
  };
}

/** Only what differs from the defaults, so a plain /topics link stays plain. */
export function topicListSearch(state: TopicListState): string {
  const params = new URLSearchParams();
  if (state.search) params.set('q', state.search);
  if (state.sort !== DEFAULT_TOPIC_LIST.sort) params.set('sort', state.sort);
  if (state.order !== DEFAULT_TOPIC_LIST.order) params.set('order', state.order);
  if (state.page !== 1) params.set('page', String(state.page));
  if (state.internal) params.set('internal', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function topicListQuery(state: TopicListState): ListTopicsQuery {
  return {
    ...(state.search ? { search: state.search } : {}),
    sort: state.sort,
    order: state.order,
    page: state.page,
    pageSize: TOPIC_PAGE_SIZE,
    internal: state.internal,
  };
}

/** Clicking a column: same column flips the order, another starts ascending (numbers descending). */
export function nextSort(state: TopicListState, column: TopicSort): TopicListState {
  if (state.sort === column) return { ...state, order: state.order === 'asc' ? 'desc' : 'asc', page: 1 };
  return { ...state, sort: column, order: column === 'name' ? 'asc' : 'desc', page: 1 };
}
