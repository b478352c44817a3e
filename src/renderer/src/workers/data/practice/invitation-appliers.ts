/**
 * A role-play invitation's change (src/shared/practice/roleplay.ts) writes nothing here: it only
 * tells the page, through `data:changed`, to read the trainee's invitations from the server, where
 * each comes with its token (tokens never travel in the change log nor rest in the store).
 */
import type { AppliedKind, PulledSlice } from '../store/apply-tables'

export const roleplayInvitationPulled: PulledSlice<'roleplay_invitation'> = {
  roleplay_invitation: (): AppliedKind => 'record'
}
