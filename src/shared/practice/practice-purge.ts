/**
 * Purging practice data (issue 20): a trainer or admin removes every practice record the server
 * holds (complaints with their timelines and compensations, dispositions, callbacks, script
 * runs), and one tombstone in the change log (`practice_purge`, shared with every desk) makes
 * each desk drop the practice rows it pulled. Training evaluations and scored practice
 * sessions stay: they are the trainee's record of feedback and progress, not data a practice
 * call wrote.
 */
import { z } from 'zod'

export const practicePurgeSchema = z.object({
  id: z.uuid(),
  purgedAt: z.iso.datetime(),
  purgedBy: z.uuid()
})
export type PracticePurge = z.infer<typeof practicePurgeSchema>

const count = z.number().int().min(0)

export const practicePurgeResultSchema = z.object({
  purge: practicePurgeSchema,
  removed: z.object({
    complaints: count,
    complaintEvents: count,
    compensations: count,
    dispositions: count,
    callbacks: count,
    scriptRuns: count
  })
})
export type PracticePurgeResult = z.infer<typeof practicePurgeResultSchema>

/** The pulled entities a purge removes rows of: the lists showing them read again. */
export const PURGED_ENTITIES = [
  'complaint',
  'complaint_event',
  'compensation',
  'disposition',
  'callback'
] as const

export const PRACTICE_PURGE_PATH = '/api/practice/purge'
