import Type, { type TSchema } from 'typebox';
import { endpoints, type Endpoint, type RouteName } from './endpoints.ts';
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

export interface RouteDef extends Endpoint {
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
  health: { ...endpoints.health, summary: 'Liveness', tag: 'health', role: 'read', response: { 200: HealthResponse } },
  ready: {
    ...endpoints.ready,
    summary: 'Readiness: the cluster answers metadata requests',
    tag: 'health',
    role: 'read',
    response: { 200: ReadyResponse },
  },
  metrics: {
    ...endpoints.metrics,
    summary: 'Prometheus metrics (text exposition format)',
    tag: 'health',
    role: 'read',
    produces: 'text/plain; version=0.0.4',
    response: { 200: Type.String() },
  },
  cluster: { ...endpoints.cluster, summary: 'Cluster id, controller and brokers', tag: 'cluster', role: 'read', response: { 200: ClusterResponse } },
  listTopics: {
    ...endpoints.listTopics,
    summary: 'List topics with server-side search, sort and pagination',
    tag: 'topics',
    role: 'read',
    querystring: ListTopicsQuery,
    response: { 200: ListTopicsResponse },
  },
  createTopic: {
    ...endpoints.createTopic,
    summary: 'Create a topic',
    tag: 'topics',
    role: 'admin',
    body: CreateTopicBody,
    response: { 201: CreateTopicResponse },
  },
  getTopic: {
    ...endpoints.getTopic,
    summary: 'Topic detail: partitions, leaders, replicas, ISR, earliest and latest offsets',
    tag: 'topics',
    role: 'read',
    params: TopicParams,
    response: { 200: TopicDetail },
  },
  deleteTopic: {
    ...endpoints.deleteTopic,
    summary: 'Delete a topic',
    tag: 'topics',
    role: 'admin',
    params: TopicParams,
    response: { 204: NoContent },
  },
  getTopicConfigs: {
    ...endpoints.getTopicConfigs,
    summary: 'Describe topic configs',
    tag: 'topics',
    role: 'read',
    params: TopicParams,
    response: { 200: TopicConfigsResponse },
  },
  alterTopicConfigs: {
    ...endpoints.alterTopicConfigs,
    summary: 'Set or reset (null) topic configs; keys not listed keep their value',
    tag: 'topics',
    role: 'admin',
    params: TopicParams,
    body: AlterTopicConfigsBody,
    response: { 200: TopicConfigsResponse },
  },
  addPartitions: {
    ...endpoints.addPartitions,
    summary: 'Raise the partition count',
    tag: 'topics',
    role: 'admin',
    params: TopicParams,
    body: AddPartitionsBody,
    response: { 200: AddPartitionsResponse },
  },
  produce: {
    ...endpoints.produce,
    summary: 'Produce one record, a batch, or a raw text/binary body',
    tag: 'messages',
    role: 'produce',
    params: TopicParams,
    querystring: ProduceQuery,
    body: ProduceBody,
    response: { 200: ProduceResponse, 207: ProduceResponse },
  },
  readMessages: {
    ...endpoints.readMessages,
    summary: 'Stateless read (no consumer group) with cursors for the next and previous page',
    tag: 'messages',
    role: 'read',
    params: TopicParams,
    querystring: ReadMessagesQuery,
    response: { 200: ReadMessagesResponse },
  },
  stream: {
    ...endpoints.stream,
    summary: 'Server-Sent Events: one `record` event per message; ids are resumable cursors',
    tag: 'messages',
    role: 'read',
    produces: 'text/event-stream',
    params: TopicParams,
    querystring: StreamQuery,
    response: { 200: Type.String({ description: 'text/event-stream' }), 204: NoContent },
  },
  listGroups: {
    ...endpoints.listGroups,
    summary: 'Consumer groups with state, members and total lag',
    tag: 'consumer-groups',
    role: 'read',
    response: { 200: ListGroupsResponse },
  },
  getGroup: {
    ...endpoints.getGroup,
    summary: 'Group detail: members, assignments, per-partition lag and time lag, lag history',
    tag: 'consumer-groups',
    role: 'read',
    params: GroupParams,
    response: { 200: GroupDetail },
  },
  deleteGroup: {
    ...endpoints.deleteGroup,
    summary: 'Delete a consumer group (it must have no members)',
    tag: 'consumer-groups',
    role: 'admin',
    params: GroupParams,
    response: { 204: NoContent },
  },
  resetGroupOffsets: {
    ...endpoints.resetGroupOffsets,
    summary: 'Reset committed offsets; refused while the group has members',
    tag: 'consumer-groups',
    role: 'admin',
    params: GroupParams,
    body: ResetOffsetsBody,
    response: { 200: ResetOffsetsResponse },
  },
} as const satisfies Record<RouteName, RouteDef>;

/** Answer of every failure, on every route. */
export const errorResponses = { '4xx': ProblemBody, '5xx': ProblemBody } as const;
