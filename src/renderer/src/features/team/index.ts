export { TeamBoard } from './components/TeamBoard'
