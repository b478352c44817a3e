export { RoleplayConsole } from './components/RoleplayConsole'
export { RoleplayStart } from './components/RoleplayStart'
export { startRoleplay, type RoleplayStart as RoleplayStartOutcome } from './start-roleplay'
export { prompterFor, type PrompterCue } from './prompter'
