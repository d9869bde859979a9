# syntax=docker/dockerfile:1
# Brook's HTTP gateway. Build from the repository root:
#   docker build -f docker/gateway.Dockerfile -t brook-gateway .
FROM node:20-bookworm-slim AS prune
WORKDIR /src
COPY . .
RUN npx --yes turbo@2 prune @brook/gateway --docker

# The gateway runs as one esbuild bundle, as `npm start` runs it: build with the dev dependencies,
# then drop them.
FROM node:20-bookworm-slim AS install
WORKDIR /app
COPY --from=prune /src/out/json/ .
RUN npm ci --no-audit --no-fund
COPY --from=prune /src/out/full/ .
RUN npm run build --workspace @brook/gateway && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production GATEWAY_HOST=0.0.0.0 GATEWAY_PORT=8080
WORKDIR /app
COPY --from=install --chown=node:node /app .
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.GATEWAY_PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
WORKDIR /app/apps/gateway
CMD ["node", "dist/main.mjs"]
