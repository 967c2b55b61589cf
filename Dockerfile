# dialgraph gateway. Docker cannot run on the machines this was written on: the recipe is checked
# by test/cli/container-recipe.test.ts (every command it runs exists and takes these flags).
# syntax=docker/dockerfile:1

# 1) Production dependencies only: tsx is a runtime dependency (the CLI runs the TypeScript
#    sources directly), so no build step and no dev dependency is needed to serve.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 2) Runtime: sources + production node_modules, as the unprivileged `node` user.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    DIALGRAPH_LOG_LEVEL=info
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json ./
COPY --chown=node:node bin ./bin
COPY --chown=node:node src ./src
COPY --chown=node:node schema ./schema
USER node
EXPOSE 4000
# Ready = the store answers and the data is loaded (DESIGN 7); no curl in the slim image.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# MONGODB_URI switches to MongoDB; without it the embedded engine serves sample data.
CMD ["node", "--min-semi-space-size=16", "bin/dialgraph.js", "serve"]
