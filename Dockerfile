# Healthcare Graph: the graph server, or with `node dist/emulator/main.js` the emulator alone.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY schema schema
COPY src src
# `npm run build` compiles src/ to dist/; then only production dependencies are kept.
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=build --chown=root:root /app/node_modules node_modules
COPY --from=build --chown=root:root /app/dist dist
# package.json makes dist/ ES modules; schema/ must sit beside dist/, which reads ../schema at start.
COPY --chown=root:root package.json ./
COPY --chown=root:root schema schema
# The emulator persists its data here when EMULATOR_DATA_DIR=/data (a volume in docker-compose.yml).
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 4000 8089
HEALTHCHECK --interval=15s --timeout=3s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
