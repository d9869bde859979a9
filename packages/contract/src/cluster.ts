import Type, { type Static } from 'typebox';

export const HealthResponse = Type.Object({ status: Type.Literal('ok') });
export type HealthResponse = Static<typeof HealthResponse>;

export const ReadyResponse = Type.Object({
  status: Type.Literal('ready'),
  brokers: Type.Integer({ description: 'brokers the cluster reported' }),
});
export type ReadyResponse = Static<typeof ReadyResponse>;

export const BrokerInfo = Type.Object({
  nodeId: Type.Integer(),
  host: Type.String(),
  port: Type.Integer(),
  rack: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  isController: Type.Boolean(),
  leaderPartitions: Type.Integer({ description: 'partitions this broker leads' }),
  replicaPartitions: Type.Integer({ description: 'partition replicas this broker hosts, led or not' }),
});
export type BrokerInfo = Static<typeof BrokerInfo>;

export const ClusterResponse = Type.Object({
  clusterId: Type.String(),
  controller: Type.Union([Type.Integer(), Type.Null()]),
  brokers: Type.Array(BrokerInfo),
  topics: Type.Integer({ description: 'number of topics, internal ones included' }),
  partitions: Type.Integer(),
  underReplicatedPartitions: Type.Integer(),
  offlinePartitions: Type.Integer(),
});
export type ClusterResponse = Static<typeof ClusterResponse>;
