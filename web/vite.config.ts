import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The web application, built into dist/web and served by `vigil serve` on the API's port.
// React's JSX goes through Vite's own transformer (automatic runtime): no plugin needed.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // No inline module preload polyfill: the CSP allows scripts from our own origin only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: false,
  },
});
