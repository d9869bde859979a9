import { routes } from '@brook/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeConfig, routeSchema } from './route.ts';

export const groupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(routes.listGroups.url, { schema: routeSchema(routes.listGroups), config: routeConfig(routes.listGroups) }, async () => ({
    groups: await app.groups.list(),
  }));

  app.get(routes.getGroup.url, { schema: routeSchema(routes.getGroup), config: routeConfig(routes.getGroup) }, async (request) =>
    app.groups.detail(request.params.id),
  );

  app.delete(routes.deleteGroup.url, { schema: routeSchema(routes.deleteGroup), config: routeConfig(routes.deleteGroup) }, async (request, reply) => {
    await app.groups.remove(request.params.id);
    void reply.status(204);
    return null;
  });

  app.post(
    routes.resetGroupOffsets.url,
    { schema: routeSchema(routes.resetGroupOffsets), config: routeConfig(routes.resetGroupOffsets) },
    async (request) => app.groups.reset(request.params.id, request.body),
  );
};
