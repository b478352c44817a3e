/** The configuration as last pulled. */
import { noArgs, request, type RequestSlice } from '../request-table'

export const configurationRequests = {
  'config:get': request(noArgs, 'typed', (host) => host.session.store.configuration.current())
} satisfies RequestSlice
