/**
 * The import aliases, one table for every tool that resolves imports: electron-vite (main,
 * preload, renderer and its worker) and vitest read it here; tsc, tsx and Playwright read the same
 * aliases from `compilerOptions.paths` in tsconfig.base.json, and a unit test keeps the two equal.
 * ESLint's layer rules name the aliases too (eslint.config.js), so a boundary cannot be crossed
 * by writing `@server/…` instead of `../server/…`.
 */
import { resolve } from 'node:path'

/** Alias → folder, relative to the repository root. */
export const pathAliases = {
  '@shared': 'src/shared',
  '@server': 'src/server',
  '@main': 'src/main',
  '@preload': 'src/preload',
  '@renderer': 'src/renderer/src',
  '@support': 'test/support',
  '@scripts': 'scripts',
  '@resources': 'resources'
} as const

/**
 * The table as Vite's `resolve.alias`, with absolute folders under `root`. The root is passed in
 * because electron-vite bundles its config, which moves this module's own `import.meta.dirname`.
 */
export function viteAliases(root: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(pathAliases).map(([alias, dir]) => [alias, resolve(root, dir)])
  )
}
