export { publishDeskPresence } from './publish-presence'
export { deskPresenceOf, type PresenceMemory } from './desk-presence'
