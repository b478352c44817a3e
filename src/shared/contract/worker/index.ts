/**
 * The data worker's contract: typed request handlers and events over postMessage, one file per
 * capability (as in src/renderer/src/workers/data). Results always cross as a `Result`; raw
 * Error objects never cross.
 */
export type * from './agent-state'
export type * from './analytics'
export type * from './callbacks'
export type * from './compensation'
export type * from './complaints'
export type * from './configuration'
export type * from './customers'
export type * from './directory'
export type * from './dispositions'
export type * from './events'
export type * from './evaluations'
export type * from './interactions'
export * from './messages'
export type * from './monitoring'
export type * from './requests'
export type * from './script-runs'
export type * from './session'
export type * from './sync'
export type * from './whispers'
