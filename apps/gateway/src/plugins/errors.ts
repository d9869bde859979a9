import { TOPIC_NAME_PATTERN, type ValidationIssue } from '@brook/contract';
import type { FastifyError, FastifyInstance } from 'fastify';
import { fromKafkaError, HttpError } from '../errors.ts';

interface ValidationEntry {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** TypeBox says "schema is false" for a property outside additionalProperties: false. */
export function friendlyMessage(message: string | undefined): string {
  if (!message) return 'is invalid';
  return message === 'schema is false' ? 'is not a known property' : message;
}

function validationIssues(error: FastifyError): ValidationIssue[] {
  const part = error.validationContext ?? 'body';
  return ((error.validation ?? []) as ValidationEntry[]).slice(0, 20).map((entry) => {
    const missing = entry.params?.requiredProperties ?? entry.params?.missingProperty;
    const path = `/${part}${entry.instancePath ?? ''}`;
    const message =
      entry.params?.pattern === TOPIC_NAME_PATTERN
        ? 'must be a Kafka topic name: 1–249 of letters, digits, ".", "_" and "-", not "." or ".."'
        : friendlyMessage(entry.message);
    return { path, message: missing ? `${message} (${String(missing)})` : message };
  });
}

/** Every failure becomes one problem body with its status; only unexpected ones are logged as errors. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const kafka = fromKafkaError(error);
  if (kafka) return kafka;
  const fastifyError = error as Partial<FastifyError> & { type?: string };
  if (fastifyError.validation) {
    const issues = validationIssues(fastifyError as FastifyError);
    const first = issues[0];
    const summary = first ? `${first.path} ${first.message}` : 'invalid request';
    return new HttpError(400, 'GATEWAY_VALIDATION_FAILED', `Invalid request: ${summary}`, { details: issues });
  }
  const message = fastifyError.message ?? 'error';
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'GATEWAY_MALFORMED_JSON', `Malformed JSON body: ${message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'GATEWAY_PAYLOAD_TOO_LARGE', 'Request body is larger than the configured limit');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpError(415, 'GATEWAY_UNSUPPORTED_MEDIA_TYPE', message);
  }
  if (error instanceof SyntaxError) return new HttpError(400, 'GATEWAY_MALFORMED_JSON', `Malformed JSON body: ${message}`);
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 404) return new HttpError(404, 'GATEWAY_ROUTE_NOT_FOUND', message);
    if (status === 413) return new HttpError(413, 'GATEWAY_PAYLOAD_TOO_LARGE', message);
    if (status === 415) return new HttpError(415, 'GATEWAY_UNSUPPORTED_MEDIA_TYPE', message);
    return new HttpError(status, 'GATEWAY_INVALID_REQUEST', message);
  }
  return new HttpError(500, 'GATEWAY_INTERNAL', 'Internal error', { cause: error });
}

export function errorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const http = toHttpError(error);
    if (http.status >= 500) request.log.error({ err: error, code: http.code }, http.message);
    else request.log.info({ code: http.code, status: http.status }, http.message);
    void reply.status(http.status).headers(http.headers).send({ error: http.toProblem() });
  });

  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({
      error: { code: 'GATEWAY_ROUTE_NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` },
    });
  });
}
