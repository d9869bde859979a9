import { routes } from '@brook/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { fromKafkaError, HttpError } from '../errors.ts';
import { routeConfig, routeSchema } from './route.ts';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(routes.health.url, { schema: routeSchema(routes.health), config: routeConfig(routes.health) }, async () => ({
    status: 'ok' as const,
  }));

  app.get(routes.ready.url, { schema: routeSchema(routes.ready), config: routeConfig(routes.ready) }, async () => {
    try {
      const { cluster } = await app.metadata.all();
      return { status: 'ready' as const, brokers: cluster.brokers.length };
    } catch (error) {
      const http = fromKafkaError(error, 'cluster not ready');
      throw new HttpError(503, 'GATEWAY_CLUSTER_UNAVAILABLE', http?.message ?? 'cluster not ready', { kafkaError: http?.kafkaError });
    }
  });

  app.get(routes.metrics.url, { schema: routeSchema(routes.metrics), config: routeConfig(routes.metrics) }, async (_request, reply) => {
    void reply.type('text/plain; version=0.0.4; charset=utf-8');
    return app.metrics.render();
  });
};
