export { LiveFloor, type LiveFloorProps } from './components/LiveFloor'
export type { RenderFloorActions } from './components/AgentDetail'
export { alertsFor, createOnsetTracker, type FloorAlert } from './floor-alerts'
