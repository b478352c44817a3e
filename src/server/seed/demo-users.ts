/**
 * Demo teams and users. Every demo user's password is `atiende`: demo only, never for a real
 * deployment (set ATIENDE_SEED=0 there).
 */
import type { Role } from '@shared/domain/user'

export const DEMO_PASSWORD = 'atiende'

export const demoTeams = ['Norte', 'Sur', 'Centro'] as const
export type DemoTeam = (typeof demoTeams)[number]

export interface DemoUser {
  username: string
  displayName: string
  role: Role
  team: DemoTeam | null
}

export const demoUsers: readonly DemoUser[] = [
  { username: 'ana', displayName: 'Ana Ortiz', role: 'agent', team: 'Norte' },
  { username: 'bruno', displayName: 'Bruno Salas', role: 'agent', team: 'Norte' },
  { username: 'diego', displayName: 'Diego Ramírez', role: 'agent', team: 'Sur' },
  { username: 'fernando', displayName: 'Fernando Gil', role: 'agent', team: 'Centro' },
  { username: 'carla', displayName: 'Carla Méndez', role: 'team_lead', team: 'Norte' },
  { username: 'elena', displayName: 'Elena Robles', role: 'team_lead', team: 'Sur' },
  { username: 'gloria', displayName: 'Gloria Peña', role: 'team_lead', team: 'Centro' },
  { username: 'tomas', displayName: 'Tomás Vidal', role: 'trainer', team: null },
  { username: 'admin', displayName: 'Administración', role: 'admin', team: null }
]

/** Demo SIP extensions: agents 1001…, leads 2001…, the trainer 3001, the admin 9001. */
export const demoSipExtensions: Readonly<Record<string, string>> = {
  ana: '1001',
  bruno: '1002',
  diego: '1003',
  fernando: '1004',
  carla: '2001',
  elena: '2002',
  gloria: '2003',
  tomas: '3001',
  admin: '9001'
}

/** The trainer's demo cohort: every demo agent, so a practice anyone does shows in Progreso. */
export const demoCohorts: readonly { name: string; trainer: string; trainees: string[] }[] = [
  {
    name: 'Incorporación de diciembre',
    trainer: 'tomas',
    trainees: ['ana', 'bruno', 'diego', 'fernando']
  }
]
