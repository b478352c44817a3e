export * from './chord'
export * from './contexts'
export * from './registry'
export * from './collisions'
