/** How pulled directory entries land in the store (desks never write the directory). */
import { pulledRecord, type PulledSlice } from '../store/apply-tables'
import { upsertDirectoryEntry } from './rows'

export const directoryPulled: PulledSlice<'directory_entry'> = {
  directory_entry: pulledRecord(upsertDirectoryEntry)
}
