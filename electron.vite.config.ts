/**
 * One build for three targets. main: the Electron entry and the headless host entry (plain Node;
 * it never imports electron). preload: a single CommonJS file, as sandboxed preloads require.
 * renderer: the React app, shared by the Electron window and the headless host.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as {
  version: string;
};
const version = JSON.stringify(pkg.version);

export default defineConfig({
  main: {
    define: { __DEPTHLINE_VERSION__: version },
    build: {
      // The headless host runs on the machine's Node (20+), not only on Electron's.
      target: 'node20',
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src-main/app/main-electron.ts'),
          host: resolve(import.meta.dirname, 'src-main/host/main.ts'),
          // The store writer thread is loaded by path at run time (new Worker), so it is an entry too.
          'store-writer': resolve(import.meta.dirname, 'src-main/app/store-writer-thread.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src-renderer'),
    plugins: [react()],
    build: {
      // The CSP allows fonts and images from 'self' only: never inline assets as data: URLs.
      assetsInlineLimit: 0,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src-renderer/index.html') },
      },
    },
  },
});
