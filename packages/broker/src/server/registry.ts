// The handler registry: one entry per API, declared by its handler module. ApiVersions is computed
// from it, so the broker never advertises an API or version nobody implemented.
import { ApiKey, schemas, type ApiName } from '../protocol/generated/messages.ts';
import type { MessageSpec } from '../protocol/schema.ts';
import type { AnyHandler, Handler } from './context.ts';

/** Declares a handler; apiKey comes from the API name so the two cannot disagree. */
export function defineHandler<N extends ApiName>(name: N, def: Omit<Handler<N>, 'apiKey' | 'name'>): Handler<N> {
  return { ...def, apiKey: ApiKey[name], name };
}

export interface RegisteredApi {
  readonly handler: AnyHandler;
  readonly request: MessageSpec;
  readonly response: MessageSpec;
}

export interface SupportedApi {
  readonly apiKey: number;
  readonly minVersion: number;
  readonly maxVersion: number;
}

export class HandlerRegistry {
  private readonly byKey = new Map<number, RegisteredApi>();
  private supported: readonly SupportedApi[] | undefined;

  constructor(handlers: readonly AnyHandler[]) {
    for (const handler of handlers) {
      if (this.byKey.has(handler.apiKey)) throw new Error(`two handlers for ${handler.name}`);
      const request = schemas[`${handler.name}Request`];
      const response = schemas[`${handler.name}Response`];
      const [min, max] = request.validVersions;
      if (handler.minVersion < min || handler.maxVersion > max || handler.minVersion > handler.maxVersion) {
        throw new Error(`${handler.name} declares versions ${handler.minVersion}-${handler.maxVersion}, the spec has ${min}-${max}`);
      }
      this.byKey.set(handler.apiKey, { handler, request, response });
    }
  }

  get(apiKey: number): RegisteredApi | undefined {
    return this.byKey.get(apiKey);
  }

  /** Sorted by API key, as ApiVersions lists them. Computed once: the registry does not change. */
  supportedApis(): readonly SupportedApi[] {
    this.supported ??= Object.freeze(
      [...this.byKey.values()]
        .map(({ handler }) => Object.freeze({ apiKey: handler.apiKey, minVersion: handler.minVersion, maxVersion: handler.maxVersion }))
        .sort((a, b) => a.apiKey - b.apiKey),
    );
    return this.supported;
  }
}
