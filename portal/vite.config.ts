import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Served by the API server at /p/<slug>/; the assets are shared by every portal
// under /p/_assets/ (an underscore is never part of a slug). No CDN, no external URL.
export default defineConfig({
  root,
  base: '/p/',
  publicDir: false,
  // `npm run portal:dev`: the app with hot reload, the graph from `npm start` on port 4000.
  server: { proxy: { '/graphql': 'http://localhost:4000', '/assets': 'http://localhost:4000' } },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: '_assets',
    target: 'es2022',
    manifest: true,
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
});
