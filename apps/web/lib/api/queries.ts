import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ListTopicsQuery, ReadMessagesQuery } from '@brook/contract';
import { api } from './client.ts';
import { keys } from './keys.ts';

/** One `queryOptions` per resource: components, prefetches and invalidations share them. */
export const queries = {
  health: () => queryOptions({ queryKey: keys.health(), queryFn: () => api.health(), refetchInterval: 15_000, retry: false }),
  cluster: () => queryOptions({ queryKey: keys.info(), queryFn: () => api.cluster(), refetchInterval: 30_000 }),
  topicList: (query: ListTopicsQuery) =>
    queryOptions({ queryKey: keys.topicList(query), queryFn: () => api.listTopics(query), placeholderData: keepPreviousData }),
  topic: (name: string) => queryOptions({ queryKey: keys.topic(name), queryFn: () => api.getTopic(name), refetchInterval: 10_000 }),
  topicConfigs: (name: string) => queryOptions({ queryKey: keys.topicConfigs(name), queryFn: () => api.getTopicConfigs(name) }),
  messages: (name: string, query: ReadMessagesQuery) =>
    queryOptions({
      queryKey: keys.messages(name, query),
      queryFn: () => api.readMessages(name, query),
      placeholderData: keepPreviousData,
      // A page of records at fixed offsets never changes; "newest" is refreshed on demand.
      staleTime: Infinity,
    }),
  groupList: () => queryOptions({ queryKey: keys.groupList(), queryFn: () => api.listGroups(), refetchInterval: 10_000 }),
  group: (id: string) => queryOptions({ queryKey: keys.group(id), queryFn: () => api.getGroup(id), refetchInterval: 5_000 }),
};
