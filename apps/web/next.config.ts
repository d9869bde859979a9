import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const config: NextConfig = {
  // The contract ships TypeScript source (its package exports ./src/index.ts).
  transpilePackages: ['@brook/contract'],
  // A self-contained server for the Docker image (docker/web.Dockerfile sets BROOK_STANDALONE=1);
  // `npm start` runs `next start`, which warns when the build is standalone.
  output: process.env.BROOK_STANDALONE === '1' ? 'standalone' : undefined,
  // Workspace packages live above apps/web: trace files from the monorepo root.
  outputFileTracingRoot: repoRoot,
  turbopack: { root: repoRoot },
  poweredByHeader: false,
  reactStrictMode: true,
  // The gateway is reached at request time through app/api/[...path]; nothing about it is baked into the build.
};

export default config;
