// The one list of handlers: ApiVersions advertises exactly these APIs and version ranges.
// To add an API: write src/handlers/<api-name>.ts with defineHandler('<ApiName>', {...}) and list it here.
import type { AnyHandler } from '../server/context.ts';
import { apiVersionsHandler } from './api-versions.ts';
import { metadataHandler } from './metadata.ts';

export const handlers: readonly AnyHandler[] = [apiVersionsHandler, metadataHandler];
