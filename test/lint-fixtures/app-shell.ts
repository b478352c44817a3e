// lint-as: src/renderer/src/features/search/example.ts
// expect: no-restricted-imports
// A feature never imports the app shell: the shell composes the features.
import { composeApp } from '@renderer/app/compose-app'

export const compose = composeApp
