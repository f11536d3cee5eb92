# The GraphQL service as an image: built in one stage, run from the built dist/ in another,
# as the unprivileged "node" user. It needs a Neo4j (NEO4J_URI); docker-compose.yml brings one.
#   docker build -t kg-reports .
#   docker compose up -d

# --- build: dependencies, the division index, the TypeScript build and the explorer bundle
#     (dist/web); then production dependencies only
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json ./
COPY scripts/build-division-index.mjs scripts/
COPY data data
COPY src src
COPY web web
RUN npm run build
RUN npm prune --omit=dev --no-audit --no-fund --ignore-scripts

# --- run: dist/ and what it reads at run time, nothing else (no sources, tests, Java or Maven)
FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/generated generated
COPY --from=build /app/data data
COPY cypher cypher
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/cli/main.js", "serve"]
