// Method and path of every gateway route, with no schema attached: what a client needs to call
// the gateway. routes.ts adds the TypeBox schemas the gateway validates with and documents; keeping
// them apart lets a browser bundle (the console) call the gateway without shipping TypeBox.

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface Endpoint {
  readonly method: HttpMethod;
  /** Fastify-style path (`/topics/:name`); the client fills `:params` in. */
  readonly url: string;
}

export const endpoints = {
  health: { method: 'GET', url: '/health' },
  ready: { method: 'GET', url: '/ready' },
  metrics: { method: 'GET', url: '/metrics' },
  cluster: { method: 'GET', url: '/cluster' },
  listTopics: { method: 'GET', url: '/topics' },
  createTopic: { method: 'POST', url: '/topics' },
  getTopic: { method: 'GET', url: '/topics/:name' },
  deleteTopic: { method: 'DELETE', url: '/topics/:name' },
  getTopicConfigs: { method: 'GET', url: '/topics/:name/configs' },
  alterTopicConfigs: { method: 'PATCH', url: '/topics/:name/configs' },
  addPartitions: { method: 'POST', url: '/topics/:name/partitions' },
  produce: { method: 'POST', url: '/topics/:name/messages' },
  readMessages: { method: 'GET', url: '/topics/:name/messages' },
  stream: { method: 'GET', url: '/topics/:name/stream' },
  listGroups: { method: 'GET', url: '/consumer-groups' },
  getGroup: { method: 'GET', url: '/consumer-groups/:id' },
  deleteGroup: { method: 'DELETE', url: '/consumer-groups/:id' },
  resetGroupOffsets: { method: 'POST', url: '/consumer-groups/:id/offsets' },
} as const satisfies Record<string, Endpoint>;

export type RouteName = keyof typeof endpoints;
