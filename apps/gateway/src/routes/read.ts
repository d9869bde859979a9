import { routes } from '@brook/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../errors.ts';
import { routeConfig, routeSchema } from './route.ts';

export const readRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(routes.readMessages.url, { schema: routeSchema(routes.readMessages), config: routeConfig(routes.readMessages) }, async (request) => {
    const query = request.query;
    const positioned = [query.cursor, query.offset, query.from].filter((v) => v !== undefined).length;
    if (positioned > 1) {
      throw new HttpError(400, 'GATEWAY_VALIDATION_FAILED', 'Give at most one of cursor, offset and from', {
        details: [{ path: '/querystring', message: 'cursor, offset and from are exclusive' }],
      });
    }
    return app.reader.read(request.params.name, query);
  });
};
