/** The server's answers to a push that the store records beyond "applied". */
import type { AppError } from '@shared/contract/errors'
import type { FieldConflict } from '@shared/domain/complaint-edit'
import type { Mutation, MutationOf } from '@shared/sync/protocol'

export interface RejectedMutation {
  mutation: Mutation
  reason: AppError
}

/** An edit the server merged only in part: these fields kept someone else's value. */
export interface ConflictedMutation {
  mutation: MutationOf<'complaint.update'>
  conflicts: FieldConflict[]
}
