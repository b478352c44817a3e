// lint-as: src/renderer/src/features/search/components/Example.ts
// expect: no-restricted-imports
// A feature's own boundary rules keep the renderer's layer rule.
import { buildApp } from '@server/app'

export const build = buildApp
