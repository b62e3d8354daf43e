# CS360 backend image (compose services `backend` and `case-projector`): the web build of the
# console served by the Node backend. Node 20 as in package.json "engines".
FROM node:20.19-bookworm AS build
WORKDIR /app
# Electron is a devDependency of the desktop app; its binary is not needed to build the web bundle.
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1 \
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20.19-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/stack ./stack
USER node
EXPOSE 4360
CMD ["node", "dist/backend/main.js", "--web", "--host", "0.0.0.0"]
