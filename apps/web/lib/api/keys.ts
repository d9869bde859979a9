import type { ListTopicsQuery, ReadMessagesQuery } from '@brook/contract';

/**
 * Query keys, rooted at the cluster so one invalidation of a prefix refreshes everything
 * under it (a new topic: `keys.topics()`; a reset group: `keys.group(id)`).
 */
export const keys = {
  all: ['cluster'] as const,
  info: () => [...keys.all, 'info'] as const,
  health: () => [...keys.all, 'health'] as const,
  topics: () => [...keys.all, 'topics'] as const,
  topicList: (query: ListTopicsQuery) => [...keys.topics(), 'list', query] as const,
  topic: (name: string) => [...keys.topics(), 'detail', name] as const,
  topicConfigs: (name: string) => [...keys.topic(name), 'configs'] as const,
  messages: (name: string, query: ReadMessagesQuery) => [...keys.topic(name), 'messages', query] as const,
  groups: () => [...keys.all, 'groups'] as const,
  groupList: () => [...keys.groups(), 'list'] as const,
  group: (id: string) => [...keys.groups(), 'detail', id] as const,
};
