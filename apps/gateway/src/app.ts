import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { loadConfig, type GatewayConfig } from './config.ts';
import { typeboxValidatorCompiler } from './plugins/validator.ts';
import { GroupsService } from './kafka/groups-service.ts';
import { KafkaService } from './kafka/kafka-service.ts';
import { MetadataService } from './kafka/metadata.ts';
import { ProduceService } from './kafka/produce-service.ts';
import { ReadService } from './kafka/read-service.ts';
import { StreamHub } from './kafka/stream-hub.ts';
import { authentication } from './plugins/auth.ts';
import { contentParsers } from './plugins/content-parsers.ts';
import { cors } from './plugins/cors.ts';
import { errorHandling } from './plugins/errors.ts';
import { Metrics } from './plugins/metrics.ts';
import { rateLimiting } from './plugins/rate-limit.ts';
import { clusterRoutes } from './routes/cluster.ts';
import { groupRoutes } from './routes/groups.ts';
import { healthRoutes } from './routes/health.ts';
import { produceRoutes } from './routes/produce.ts';
import { readRoutes } from './routes/read.ts';
import { streamRoutes } from './routes/stream.ts';
import { topicRoutes } from './routes/topics.ts';

export { loadConfig, type GatewayConfig } from './config.ts';

export interface BuildAppOptions {
  config?: GatewayConfig;
  logger?: FastifyServerOptions['logger'];
}

declare module 'fastify' {
  interface FastifyInstance {
    config: GatewayConfig;
    kafka: KafkaService;
    metrics: Metrics;
    metadata: MetadataService;
    produce: ProduceService;
    reader: ReadService;
    streams: StreamHub;
    groups: GroupsService;
  }
  interface FastifyContextConfig {
    role?: 'read' | 'produce' | 'admin';
  }
}

export type GatewayApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Builds the gateway without listening (tests use app.inject; main.ts listens). */
export async function buildApp(options: BuildAppOptions = {}): Promise<GatewayApp> {
  const config = options.config ?? loadConfig();
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    // Two log lines per request cost more than a produce at thousands of requests per second;
    // failures are still logged by the error handler (server errors at error, client errors at info).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.limits.bodyBytes,
    // Kafka's own bounds: large enough for any topic name or cursor, small enough to refuse junk.
    routerOptions: { maxParamLength: 1024 },
    return503OnClosing: true,
    forceCloseConnections: true,
  })
    .setValidatorCompiler(typeboxValidatorCompiler)
    .withTypeProvider<TypeBoxTypeProvider>();

  // external
  await app.register(swagger, {
    openapi: {
      info: { title: 'Brook gateway', version: '0.1.0', description: 'REST and Server-Sent Events over any Kafka cluster.' },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  // app
  app.decorate('config', config);
  app.decorate('kafka', new KafkaService(config.kafka, app.log));
  app.decorate('metrics', new Metrics());
  app.decorate('metadata', new MetadataService(app.kafka));
  app.decorate('produce', new ProduceService(app.kafka, app.metadata, app.metrics, config.limits.produceLingerMs, config.limits.produceInFlight));
  app.decorate('reader', new ReadService(app.kafka, app.metadata));
  app.decorate(
    'streams',
    new StreamHub(app.kafka, app.metadata, app.metrics, {
      maxClients: config.limits.sseClients,
      bufferBytes: config.limits.sseBufferBytes,
      keepaliveMs: config.limits.sseKeepaliveMs,
    }),
  );
  app.decorate('groups', new GroupsService(app.kafka, app.metadata, app.metrics, config.lag));
  cors(app, config.corsOrigins);
  errorHandling(app);
  contentParsers(app);
  authentication(app);
  rateLimiting(app);
  app.metrics.instrument(app);
  app.addHook('preClose', async () => {
    app.streams.close();
    app.groups.stop();
  });
  app.addHook('onClose', async () => {
    await app.kafka.close();
  });

  // routes
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(healthRoutes);
  await app.register(clusterRoutes);
  await app.register(topicRoutes);
  await app.register(produceRoutes);
  await app.register(readRoutes);
  await app.register(streamRoutes);
  await app.register(groupRoutes);
  return app;
}
