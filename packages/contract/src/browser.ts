// `@brook/contract/client`: what a browser needs to call the gateway: the typed client, route
// paths, the SSE parser and the topic-name rule, with no TypeBox (about 40 KB gzip) behind them.
// Types come from `@brook/contract` (`import type` is erased from bundles).
export * from './client.ts';
export * from './endpoints.ts';
export * from './sse-parser.ts';
export * from './sse-protocol.ts';
export * from './topic-name.ts';
