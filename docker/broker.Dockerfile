# syntax=docker/dockerfile:1
# Brook's bundled broker. Build from the repository root:
#   docker build -f docker/broker.Dockerfile -t brook-broker .
FROM node:20-bookworm-slim AS prune
WORKDIR /src
COPY . .
RUN npx --yes turbo@2 prune @brook/broker --docker

# The broker runs as one esbuild bundle, as `npm start` runs it (faster start, less memory than
# tsx): build with the dev dependencies, then drop them.
FROM node:20-bookworm-slim AS install
WORKDIR /app
COPY --from=prune /src/out/json/ .
RUN npm ci --no-audit --no-fund
COPY --from=prune /src/out/full/ .
RUN npm run build --workspace @brook/broker && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production BROKER_HOST=0.0.0.0 BROKER_PORT=9092 DATA_DIR=/data
WORKDIR /app
COPY --from=install --chown=node:node /app .
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 9092
HEALTHCHECK --interval=10s --timeout=3s --retries=6 \
  CMD ["node", "-e", "require('net').connect(process.env.BROKER_PORT,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))"]
WORKDIR /app/packages/broker
CMD ["node", "dist/main.mjs"]
