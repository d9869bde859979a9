import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { BrookClient, ListTopicsQuery, ReadMessagesQuery } from '@brook/contract';
import { api } from './client.ts';
import { keys } from './keys.ts';

/**
 * One `queryOptions` per resource: components, prefetches and invalidations share them.
 * Built over a client so the server can prefetch with its own (straight to the gateway)
 * under the very same keys the browser then reads from the hydrated cache.
 */
export function makeQueries(client: BrookClient) {
  return {
    health: () => queryOptions({ queryKey: keys.health(), queryFn: () => client.health(), refetchInterval: 15_000, retry: false }),
    cluster: () => queryOptions({ queryKey: keys.info(), queryFn: () => client.cluster(), refetchInterval: 30_000 }),
    topicList: (query: ListTopicsQuery) =>
      queryOptions({ queryKey: keys.topicList(query), queryFn: () => client.listTopics(query), placeholderData: keepPreviousData }),
    topic: (name: string) => queryOptions({ queryKey: keys.topic(name), queryFn: () => client.getTopic(name), refetchInterval: 10_000 }),
    topicConfigs: (name: string) => queryOptions({ queryKey: keys.topicConfigs(name), queryFn: () => client.getTopicConfigs(name) }),
    messages: (name: string, query: ReadMessagesQuery) =>
      queryOptions({
        queryKey: keys.messages(name, query),
        queryFn: () => client.readMessages(name, query),
        placeholderData: keepPreviousData,
        // A page of records at fixed offsets never changes; "newest" is refreshed on demand.
        staleTime: Infinity,
      }),
    groupList: () => queryOptions({ queryKey: keys.groupList(), queryFn: () => client.listGroups(), refetchInterval: 10_000 }),
    group: (id: string) => queryOptions({ queryKey: keys.group(id), queryFn: () => client.getGroup(id), refetchInterval: 5_000 }),
  };
}

export type Queries = ReturnType<typeof makeQueries>;

/** The browser's queries, over `/api`. */
export const queries = makeQueries(api);
