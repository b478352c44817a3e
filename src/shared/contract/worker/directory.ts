/**
 * The colleague directory as the worker answers it: pulled from the server, read-only here.
 */
import type { DirectoryEntry, RemoteParty } from '../../domain/directory'

/** The directory requests. */
export interface DirectoryRequests {
  /**
   * The colleague a call's remote party is: its user part (or the number dialled) equal to an
   * extension and, when it names a host, that host the directory's SIP domain. Never by display
   * name. Null when it is nobody in the directory (or two users share that extension).
   */
  'directory:lookup': (args: RemoteParty) => { colleague: DirectoryEntry | null }
  /** Everyone in the directory, by name. */
  'directory:list': (args: Record<string, never>) => { entries: DirectoryEntry[] }
}
