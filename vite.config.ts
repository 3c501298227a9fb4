/** Vite: the analyst workspace in client/, built to client/dist (served by the API at /). */
import { defineConfig } from 'vite';
import path from 'node:path';

export default defineConfig({
  root: path.resolve(__dirname, 'client'),
  base: '/',
  build: {
    outDir: path.resolve(__dirname, 'client/dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  server: {
    port: 5173,
    // During development the API runs on :4000 (npm start).
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/auth': 'http://127.0.0.1:4000', '/health': 'http://127.0.0.1:4000' },
  },
  logLevel: 'warn',
});
