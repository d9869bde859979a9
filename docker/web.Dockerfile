# syntax=docker/dockerfile:1
# Brook's console: Next.js standalone output, served by the console's own server (apps/web/server/,
# bundled to dist/server.mjs: static files precompressed at build time). Build from the repository root:
#   docker build -f docker/web.Dockerfile -t brook-web .
FROM node:20-bookworm-slim AS prune
WORKDIR /src
COPY . .
RUN npx --yes turbo@2 prune @brook/web --docker

FROM node:20-bookworm-slim AS build
ENV NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
COPY --from=prune /src/out/json/ .
RUN npm ci --no-audit --no-fund
COPY --from=prune /src/out/full/ .
RUN BROOK_STANDALONE=1 npx turbo run build --filter=@brook/web

FROM node:20-bookworm-slim
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000 GATEWAY_URL=http://gateway:8080
WORKDIR /app
COPY --from=build --chown=node:node /app/apps/web/.next/standalone ./
COPY --from=build --chown=node:node /app/apps/web/.next/static ./apps/web/.next/static
COPY --from=build --chown=node:node /app/apps/web/dist ./apps/web/dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "apps/web/dist/server.mjs"]
