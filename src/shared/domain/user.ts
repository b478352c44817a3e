import { z } from 'zod'

export const roles = ['agent', 'team_lead', 'trainer', 'admin'] as const
export type Role = (typeof roles)[number]

export const sessionUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  teamId: z.uuid().nullable()
})
export type SessionUser = z.infer<typeof sessionUserSchema>
