/**
 * The practice purge on this desk: the tombstone pulled from the server drops every practice row
 * the server had sent here (complaints and their timelines, compensations, dispositions,
 * callbacks). A practice record written here and not yet acknowledged stays: the server did not
 * have it when it purged, and it arrives there (and back) after the purge.
 */
import type { Database } from 'sql.js'

import type { AppliedKind, PulledSlice } from '../store/apply-tables'

/** Practice complaints carry their persona in `details` (complaints/codec.ts). */
const PRACTICE_COMPLAINTS = `SELECT id FROM complaints
  WHERE json_extract(details, '$.personaId') IS NOT NULL AND sync_state = 'synced'`

export function purgePracticeRows(db: Database): void {
  db.run(`DELETE FROM complaint_events WHERE complaint_id IN (${PRACTICE_COMPLAINTS})`)
  db.run(`DELETE FROM complaint_conflicts WHERE complaint_id IN (${PRACTICE_COMPLAINTS})`)
  db.run(
    `DELETE FROM compensations WHERE sync_state = 'synced'
       AND (json_extract(data, '$.practice') = 1 OR complaint_id IN (${PRACTICE_COMPLAINTS}))`
  )
  db.run(`DELETE FROM complaints WHERE id IN (${PRACTICE_COMPLAINTS})`)
  for (const table of ['dispositions', 'callbacks']) {
    db.run(
      `DELETE FROM ${table} WHERE sync_state = 'synced' AND json_extract(data, '$.practice') = 1`
    )
  }
}

export const practicePulled: PulledSlice<'practice_purge'> = {
  practice_purge: (db): AppliedKind => {
    purgePracticeRows(db)
    return 'record'
  }
}
