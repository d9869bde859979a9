import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';

/**
 * The TypeBox validator of @fastify/type-provider-typebox, with one difference: params and query strings
 * are converted (strings to numbers and booleans) only when they do not already check. That plugin runs
 * Value.Convert, a walk of schema and value, on every request; a path like /topics/:name always checks
 * as it is, so on the produce hot path the walk was pure cost. Same answers either way: a value that
 * checks is one that conversion would leave as it is.
 */
export const typeboxValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = Compile(schema);
  return (value: unknown) => {
    if (check.Check(value)) return { value };
    const converted = httpPart === 'body' ? value : Value.Convert(schema, value);
    if (check.Check(converted)) return { value: converted };
    // TypeBox's errors carry what Fastify reads from a validation error (instancePath, keyword, message, params).
    return { error: check.Errors(converted) as unknown as FastifySchemaValidationError[] };
  };
};
