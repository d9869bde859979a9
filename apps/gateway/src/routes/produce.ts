import { ProduceBatch, ProduceRecord, routes, type InputEncoding, type ProduceBody, type ProduceResponse } from '@brook/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { Compile } from 'typebox/compile';
import { HttpError } from '../errors.ts';
import { encodeData, encodeHeaders } from '../kafka/codec.ts';
import { friendlyMessage } from '../plugins/errors.ts';
import type { PreparedRecord } from '../kafka/produce-service.ts';
import { routeConfig, routeSchema } from './route.ts';

// The body is a union: report the errors of the branch the client meant, not of both.
const batchCheck = Compile(ProduceBatch);
const recordCheck = Compile(ProduceRecord);

function bodyError(body: unknown): HttpError {
  const isBatch = typeof body === 'object' && body !== null && 'records' in body;
  const errors = isBatch ? batchCheck.Errors(body) : recordCheck.Errors(body);
  const details = errors.slice(0, 20).map((e) => ({ path: `/body${e.instancePath}`, message: friendlyMessage(e.message) }));
  const first = details[0];
  return new HttpError(400, 'GATEWAY_VALIDATION_FAILED', `Invalid request: ${first ? `${first.path} ${first.message}` : 'invalid body'}`, { details });
}

const ACKS: Record<string, number> = { all: -1, '-1': -1, '1': 1, '0': 0 };

/** Where a field of a posted record is, for error messages; `index` is undefined for a single-record body. */
const fieldPath = (index: number | undefined, field: string): string => `${index === undefined ? '/body' : `/body/records/${index}`}/${field}`;

/**
 * A key or value as the encoder takes it. Without an encoding, strings stay text and anything else
 * becomes its JSON text (encodeData's default rule), written as UTF-8 straight into the record
 * batch: no Buffer and no error path string per record. Explicit encodings go through encodeData.
 */
function data(value: unknown, encoding: InputEncoding | undefined, index: number | undefined, field: string): Buffer | string | null {
  if (value === undefined) return null;
  if (encoding === undefined && value !== null) return typeof value === 'string' ? value : JSON.stringify(value);
  return encodeData(value, encoding, fieldPath(index, field));
}

function prepare(record: ProduceRecord, index: number | undefined): PreparedRecord {
  try {
    const prepared: PreparedRecord = {
      key: data(record.key, record.keyEncoding, index, 'key'),
      value: data(record.value, record.valueEncoding, index, 'value'),
    };
    if (record.headers !== undefined) {
      const headers = encodeHeaders(record.headers, fieldPath(index, 'headers'));
      if (headers) prepared.headers = headers;
    }
    if (record.partition !== undefined) prepared.partition = record.partition;
    if (record.timestamp !== undefined) prepared.timestamp = record.timestamp;
    return prepared;
  } catch (error) {
    if (error instanceof HttpError) return { error };
    throw error;
  }
}

export const produceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const schema = routeSchema(routes.produce);
  // One route, four body kinds: JSON validated by the contract, raw bodies taken as one value.
  const body = {
    content: {
      'application/json': { schema: schema.body },
      'text/plain': { schema: Type.String() },
      'application/x-www-form-urlencoded': { schema: Type.String() },
      'application/octet-stream': { schema: Type.Unknown() },
    },
  };

  app.post(
    routes.produce.url,
    { schema: { ...schema, body: body as unknown as typeof schema.body }, config: routeConfig(routes.produce), attachValidation: true },
    async (request, reply) => {
      if (request.validationError) {
        if (request.validationError.validationContext !== 'body' || typeof request.body !== 'object' || Buffer.isBuffer(request.body)) {
          throw request.validationError;
        }
        throw bodyError(request.body);
      }
      const { name } = request.params;
      const query = request.query;
      const raw = request.body as unknown as ProduceBody | string | Buffer;
      let records: PreparedRecord[];
      if (typeof raw === 'string' || Buffer.isBuffer(raw)) {
        const record: PreparedRecord = {
          key: query.key === undefined ? null : Buffer.from(query.key, 'utf8'),
          value: typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw,
        };
        if (query.partition !== undefined) record.partition = query.partition;
        if (query.timestamp !== undefined) record.timestamp = query.timestamp;
        records = [record];
      } else if ('records' in raw) {
        if (raw.records.length > app.config.limits.batchRecords) {
          throw new HttpError(413, 'GATEWAY_BATCH_TOO_LARGE', `A batch holds at most ${app.config.limits.batchRecords} records, got ${raw.records.length}`, {
            details: { limit: app.config.limits.batchRecords, received: raw.records.length },
          });
        }
        records = raw.records.map((record, i) => prepare(record, i));
      } else {
        records = [prepare(raw, undefined)];
      }

      const acks = ACKS[query.acks ?? 'all'] ?? -1;
      const outcome = await app.produce.produce(name, records, { acks, timeoutMs: query.timeoutMs ?? 30_000 });
      const failed = outcome.failures.length;
      const response: ProduceResponse = { topic: name, results: outcome.results, succeeded: records.length - failed, failed };
      if (failed === records.length) {
        // Nothing was written: answer with the first failure's own status and problem.
        const first = outcome.failures[0] as HttpError;
        throw new HttpError(first.status, first.code, records.length === 1 ? first.message : `No record was written: ${first.message}`, {
          details: records.length === 1 ? first.details : { results: outcome.results },
          kafkaError: first.kafkaError,
        });
      }
      void reply.status(failed > 0 ? 207 : 200);
      return response;
    },
  );
};
