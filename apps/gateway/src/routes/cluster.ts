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
    for (const topic of topics) {
      for (const p of topic.partitions) {
        partitions++;
        if (p.leader < 0) offline++;
        if (p.isr.length < p.replicas.length) underReplicated++;
      }
    }
    return {
      clusterId: cluster.clusterId ?? '',
      controller,
      brokers: cluster.brokers
        .map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack ?? null, isController: b.nodeId === controller }))
        .sort((a, b) => a.nodeId - b.nodeId),
      topics: topics.length,
      partitions,
      underReplicatedPartitions: underReplicated,
      offlinePartitions: offline,
    };
  });
};
