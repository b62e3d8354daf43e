import { defineConfig } from 'vite';

// The renderer is a plain web app: served by the backend in web mode and from a custom protocol in
// the desktop shell, hence relative asset URLs. JSX goes through Vite's built-in Oxc transform.
export default defineConfig({
  root: 'renderer',
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      // React libraries mark modules 'use client' for server components; meaningless in a client bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5360,
    strictPort: true,
    // During `vite` development the API runs on the bundled backend's port.
    proxy: {
      '/graphql': 'http://127.0.0.1:4360',
      '/api': 'http://127.0.0.1:4360',
      '/health': 'http://127.0.0.1:4360',
      '/socket.io': { target: 'ws://127.0.0.1:4360', ws: true },
    },
  },
});
