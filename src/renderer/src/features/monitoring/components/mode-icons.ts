import { Ear, Speech, Users } from 'lucide-react'

/** One icon per mode, on the lead's buttons and the agent's indicator alike. */
export const modeIcons = { listen: Ear, whisper: Speech, barge: Users } as const
