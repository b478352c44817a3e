/** Registers every IPC channel of the contract, each exactly once. */
import { ipcContract, type IpcChannel } from '@shared/contract/ipc'
import type { Handle, IpcImpls } from '../handle'

const isChannel = (name: string): name is IpcChannel => name in ipcContract

/** Every channel name in the contract. */
export function ipcChannels(): IpcChannel[] {
  return Object.keys(ipcContract).filter(isChannel)
}

function registerOne<C extends IpcChannel>(
  handle: Handle,
  channel: C,
  impls: Pick<IpcImpls, C>
): void {
  handle(channel, impls[channel])
}

/** Registers one implementation per contract channel through `handle`. */
export function registerIpcHandlers(handle: Handle, impls: IpcImpls): void {
  for (const channel of ipcChannels()) registerOne(handle, channel, impls)
}
