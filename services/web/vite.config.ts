import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Static files for the gateway to serve from the same origin (services/gateway/src/plugins/web-pages.ts).
// `npm run dev -w @smm/web` proxies the API to a gateway on :3000.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, assetsDir: 'assets' },
  server: {
    proxy: {
      // Not the /api page itself: only what is under /api/.
      '^/api/': 'http://127.0.0.1:3000',
      '/admin/queues': 'http://127.0.0.1:3000',
      '/metrics': 'http://127.0.0.1:3000',
    },
  },
});
