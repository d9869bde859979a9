import { errorResponses, type RouteDef } from '@brook/contract';

type Defined<T> = Exclude<T, undefined>;

type RouteSchema<R extends RouteDef> = {
  summary: string;
  tags: string[];
  response: R['response'] & typeof errorResponses;
  produces?: string[];
} & (R['params'] extends undefined ? unknown : { params: Defined<R['params']> }) &
  (R['querystring'] extends undefined ? unknown : { querystring: Defined<R['querystring']> }) &
  (R['body'] extends undefined ? unknown : { body: Defined<R['body']> });

/**
 * Fastify route options from one contract entry: the same TypeBox schemas validate the
 * request, serialise the response and document both in OpenAPI.
 */
export function routeSchema<R extends RouteDef>(route: R): RouteSchema<R> {
  const schema: Record<string, unknown> = {
    summary: route.summary,
    tags: [route.tag],
    response: { ...route.response, ...errorResponses },
  };
  if (route.params) schema.params = route.params;
  if (route.querystring) schema.querystring = route.querystring;
  if (route.body) schema.body = route.body;
  if (route.produces) schema.produces = [route.produces];
  return schema as RouteSchema<R>;
}

/** Route-level config read by the auth hook. */
export function routeConfig(route: RouteDef) {
  return { role: route.role };
}
