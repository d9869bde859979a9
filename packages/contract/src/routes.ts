import Type, { type TSchema } from 'typebox';
import { ClusterResponse, HealthResponse, ReadyResponse } from './cluster.ts';
import { GroupParams, TopicParams } from './common.ts';
import { ProblemBody } from './errors.ts';
import {
  GroupDetail,
  ListGroupsResponse,
  ResetOffsetsBody,
  ResetOffsetsResponse,
} from './groups.ts';
import { ProduceBody, ProduceQuery, ProduceResponse, ReadMessagesQuery, ReadMessagesResponse, StreamQuery } from './messages.ts';
import {
  AddPartitionsBody,
  AddPartitionsResponse,
  AlterTopicConfigsBody,
  CreateTopicBody,
  CreateTopicResponse,
  ListTopicsQuery,
  ListTopicsResponse,
  TopicConfigsResponse,
  TopicDetail,
} from './topics.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RouteDef {
  readonly method: HttpMethod;
  /** Fastify-style path (`/topics/:name`); the client fills `:params` in. */
  readonly url: string;
  readonly summary: string;
  readonly tag: string;
  readonly params?: TSchema;
  readonly querystring?: TSchema;
  readonly body?: TSchema;
  /** Success responses by status; every route also answers ProblemBody on 4xx/5xx. */
  readonly response: Readonly<Record<number, TSchema>>;
  /** Who may call it when API keys are configured. */
  readonly role: 'read' | 'produce' | 'admin';
  /** Non-JSON success body (metrics, SSE). */
  readonly produces?: string;
}

const NoContent = Type.Null({ description: 'No Content' });

/** Every gateway endpoint, declared once (DESIGN.md's Gateway API table). */
export const routes = {
  health: { method: 'GET', url: '/health', summary: 'Liveness', tag: 'health', role: 'read', response: { 200: HealthResponse } },
  ready: {
    method: 'GET',
    url: '/ready',
    summary: 'Readiness: the cluster answers metadata requests',
    tag: 'health',
    role: 'read',
    response: { 200: ReadyResponse },
  },
  metrics: {
    method: 'GET',
    url: '/metrics',
    summary: 'Prometheus metrics (text exposition format)',
    tag: 'health',
    role: 'read',
    produces: 'text/plain; version=0.0.4',
    response: { 200: Type.String() },
  },
  cluster: { method: 'GET', url: '/cluster', summary: 'Cluster id, controller and brokers', tag: 'cluster', role: 'read', response: { 200: ClusterResponse } },
  listTopics: {
    method: 'GET',
    url: '/topics',
    summary: 'List topics with server-side search, sort and pagination',
    tag: 'topics',
    role: 'read',
    querystring: ListTopicsQuery,
    response: { 200: ListTopicsResponse },
  },
  createTopic: {
    method: 'POST',
    url: '/topics',
    summary: 'Create a topic',
    tag: 'topics',
    role: 'admin',
    body: CreateTopicBody,
    response: { 201: CreateTopicResponse },
  },
  getTopic: {
    method: 'GET',
    url: '/topics/:name',
    summary: 'Topic detail: partitions, leaders, replicas, ISR, earliest and latest offsets',
    tag: 'topics',
    role: 'read',
    params: TopicParams,
    response: { 200: TopicDetail },
  },
  deleteTopic: {
    method: 'DELETE',
    url: '/topics/:name',
    summary: 'Delete a topic',
    tag: 'topics',
    role: 'admin',
    params: TopicParams,
    response: { 204: NoContent },
  },
  getTopicConfigs: {
    method: 'GET',
    url: '/topics/:name/configs',
    summary: 'Describe topic configs',
    tag: 'topics',
    role: 'read',
    params: TopicParams,
    response: { 200: TopicConfigsResponse },
  },
  alterTopicConfigs: {
    method: 'PATCH',
    url: '/topics/:name/configs',
    summary: 'Set or reset (null) topic configs; keys not listed keep their value',
    tag: 'topics',
    role: 'admin',
    params: TopicParams,
    body: AlterTopicConfigsBody,
    response: { 200: TopicConfigsResponse },
  },
  addPartitions: {
    method: 'POST',
    url: '/topics/:name/partitions',
    summary: 'Raise the partition count',
    tag: 'topics',
    role: 'admin',
    params: TopicParams,
    body: AddPartitionsBody,
    response: { 200: AddPartitionsResponse },
  },
  produce: {
    method: 'POST',
    url: '/topics/:name/messages',
    summary: 'Produce one record, a batch, or a raw text/binary body',
    tag: 'messages',
    role: 'produce',
    params: TopicParams,
    querystring: ProduceQuery,
    body: ProduceBody,
    response: { 200: ProduceResponse, 207: ProduceResponse },
  },
  readMessages: {
    method: 'GET',
    url: '/topics/:name/messages',
    summary: 'Stateless read (no consumer group) with cursors for the next and previous page',
    tag: 'messages',
    role: 'read',
    params: TopicParams,
    querystring: ReadMessagesQuery,
    response: { 200: ReadMessagesResponse },
  },
  stream: {
    method: 'GET',
    url: '/topics/:name/stream',
    summary: 'Server-Sent Events: one `record` event per message; ids are resumable cursors',
    tag: 'messages',
    role: 'read',
    produces: 'text/event-stream',
    params: TopicParams,
    querystring: StreamQuery,
    response: { 200: Type.String({ description: 'text/event-stream' }), 204: NoContent },
  },
  listGroups: {
    method: 'GET',
    url: '/consumer-groups',
    summary: 'Consumer groups with state, members and total lag',
    tag: 'consumer-groups',
    role: 'read',
    response: { 200: ListGroupsResponse },
  },
  getGroup: {
    method: 'GET',
    url: '/consumer-groups/:id',
    summary: 'Group detail: members, assignments, per-partition lag and time lag, lag history',
    tag: 'consumer-groups',
    role: 'read',
    params: GroupParams,
    response: { 200: GroupDetail },
  },
  deleteGroup: {
    method: 'DELETE',
    url: '/consumer-groups/:id',
    summary: 'Delete a consumer group (it must have no members)',
    tag: 'consumer-groups',
    role: 'admin',
    params: GroupParams,
    response: { 204: NoContent },
  },
  resetGroupOffsets: {
    method: 'POST',
    url: '/consumer-groups/:id/offsets',
    summary: 'Reset committed offsets; refused while the group has members',
    tag: 'consumer-groups',
    role: 'admin',
    params: GroupParams,
    body: ResetOffsetsBody,
    response: { 200: ResetOffsetsResponse },
  },
} as const satisfies Record<string, RouteDef>;

export type RouteName = keyof typeof routes;

/** Answer of every failure, on every route. */
export const errorResponses = { '4xx': ProblemBody, '5xx': ProblemBody } as const;
