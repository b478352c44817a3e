/** IPC handler for app information. */
import type { AppInfo } from '@shared/contract/desktop-api'
import type { IpcImpls } from '../handle'

/** Maps Node's platform onto the contract's; other Unixes behave like Linux for us. */
export function toAppPlatform(platform: string): AppInfo['platform'] {
  if (platform === 'win32' || platform === 'darwin') return platform
  return 'linux'
}

/** The `app:info` channel. */
export function appInfoImpls(info: {
  version: string
  platform: string
}): Pick<IpcImpls, 'app:info'> {
  const answer: AppInfo = { version: info.version, platform: toAppPlatform(info.platform) }
  return { 'app:info': () => answer }
}
