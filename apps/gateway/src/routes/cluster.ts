import { routes } from '@brook/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeConfig, routeSchema } from './route.ts';

export const clusterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(routes.cluster.url, { schema: routeSchema(routes.cluster), config: routeConfig(routes.cluster) }, async () => {
    const { cluster, topics } = await app.metadata.all();
    const controller = cluster.controllerId === undefined || cluster.controllerId < 0 ? null : cluster.controllerId;
    let partitions = 0;
    let underReplicated = 0;
    let offline = 0;
    const leaders = new Map<number, number>();
    const replicas = new Map<number, number>();
    for (const topic of topics) {
      for (const p of topic.partitions) {
        partitions++;
        if (p.leader < 0) offline++;
        else leaders.set(p.leader, (leaders.get(p.leader) ?? 0) + 1);
        if (p.isr.length < p.replicas.length) underReplicated++;
        for (const id of p.replicas) replicas.set(id, (replicas.get(id) ?? 0) + 1);
      }
    }
    return {
      clusterId: cluster.clusterId ?? '',
      controller,
      brokers: cluster.brokers
        .map((b) => ({
          nodeId: b.nodeId,
          host: b.host,
          port: b.port,
          rack: b.rack ?? null,
          isController: b.nodeId === controller,
          leaderPartitions: leaders.get(b.nodeId) ?? 0,
          replicaPartitions: replicas.get(b.nodeId) ?? 0,
        }))
        .sort((a, b) => a.nodeId - b.nodeId),
      topics: topics.length,
      partitions,
      underReplicatedPartitions: underReplicated,
      offlinePartitions: offline,
    };
  });
};
