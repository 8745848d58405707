import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath, URL } from 'node:url';

const api = process.env.VITE_API_PROXY ?? 'http://127.0.0.1:5080';
const proxy = Object.fromEntries(
  ['/api', '/swagger', '/openapi', '/health'].map((ruta) => [ruta, { target: api, changeOrigin: false }]),
);

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
  // The lazily loaded ECharts chunk (aging chart, tree-shaken) is ~520 kB minified.
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 600 },
});
