export { SyncStatusBar } from './components/SyncStatusBar'
