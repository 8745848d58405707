import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath, URL } from 'node:url';

const api = process.env.VITE_API_PROXY ?? 'http://127.0.0.1:5080';
const proxy = Object.fromEntries(
  ['/api', '/swagger', '/openapi', '/health'].map((ruta) => [ruta, { target: api, changeOrigin: false }]),
);

/**
 * The collector's /terreno view is installable: a manifest that opens it and a service worker that keeps the app shell
 * (never the API: the data and the offline queue are the app's own business). Only in `vite build`: the dev server and
 * vitest run without a service worker. The /terreno screen registers the worker itself, scoped to /terreno/
 * (`src/lib/service-worker.ts`): no other page of the SPA registers it or runs under it.
 */
const pwa = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: false,
  scope: '/terreno/',
  devOptions: { enabled: false },
  manifest: {
    name: 'Cobranzas en terreno',
    short_name: 'Terreno',
    description: 'Ruta del día, visitas, pagos y recibos del cobrador en terreno.',
    lang: 'es-CL',
    start_url: '/terreno/',
    scope: '/terreno/',
    display: 'standalone',
    theme_color: '#1c7ed6',
    background_color: '#ffffff',
    icons: [
      { src: '/terreno-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/terreno-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    ],
  },
  workbox: {
    navigateFallback: '/index.html',
    navigateFallbackAllowlist: [/^\/terreno(\/|$)/],
    navigateFallbackDenylist: [/^\/api\//, /^\/swagger/, /^\/openapi/, /^\/health/],
    // The ECharts chunk is over the default 2 MB precache limit.
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
  },
});

export default defineConfig({
  plugins: [react(), ...(process.env.VITEST ? [] : [pwa])],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
  // The lazily loaded ECharts chunk (aging chart, tree-shaken) is ~520 kB minified.
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 600 },
});
