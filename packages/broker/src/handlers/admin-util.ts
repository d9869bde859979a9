// Small pieces shared by the admin handlers (CreateTopics, DeleteTopics, CreatePartitions, configs).
import { ErrorCode, KafkaError, toErrorCode } from '../errors.ts';
import type { RequestContext } from '../server/context.ts';

/** One request cannot make the broker open more partitions than this (the log enforces its own cap too). */
export const MAX_PARTITIONS_PER_REQUEST = 10_000;

/** Names that appear more than once: Kafka answers INVALID_REQUEST for each of them. */
export function duplicateNames(names: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const name of names) (seen.has(name) ? dupes : seen).add(name);
  return dupes;
}

/** Turns a thrown value into per-resource error fields; unexpected errors are logged and not leaked. */
export function failure(err: unknown, ctx: RequestContext): { errorCode: number; errorMessage: string | null } {
  if (err instanceof KafkaError) return { errorCode: err.code, errorMessage: err.message };
  ctx.log.error({ err }, 'admin operation failed');
  return { errorCode: toErrorCode(err), errorMessage: 'Unexpected broker error, see the broker log' };
}

export const OK = { errorCode: ErrorCode.NONE, errorMessage: null } as const;
