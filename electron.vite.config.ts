import { resolve } from 'node:path'

import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

import { viteAliases } from './scripts/config/path-aliases.ts'

const resolveAliases = { alias: viteAliases(import.meta.dirname) }

export default defineConfig({
  main: {
    resolve: resolveAliases,
    build: {
      outDir: 'out/main',
      // Bundle zod so the packaged main process needs nothing from node_modules.
      externalizeDeps: { exclude: ['zod'] },
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'src/main/index.ts') } }
    }
  },
  preload: {
    resolve: resolveAliases,
    build: {
      outDir: 'out/preload',
      // The sandboxed preload must be one CommonJS file that requires only 'electron'.
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    plugins: [react()],
    resolve: resolveAliases,
    define: { __APP_VERSION__: JSON.stringify(process.env['npm_package_version'] ?? '0.0.0') },
    worker: { format: 'es' },
    build: {
      outDir: 'out/renderer',
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') },
        treeshake: {
          // A feature's index.ts only re-exports. Saying so lets a split workspace's component
          // (the complaint list, script analytics, pending approvals) go to that workspace's
          // chunk: otherwise the agent desk, importing the same index for its own components,
          // loads them all at start (74 kB).
          moduleSideEffects: [
            {
              test: /src[\\/]renderer[\\/]src[\\/]features[\\/][^\\/]+[\\/]index\.ts$/,
              sideEffects: false
            }
          ]
        }
      }
    }
  }
})
