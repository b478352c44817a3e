/** The small capability handlers with fakes for Electron's Notification (it cannot run here). */
import { describe, expect, it } from 'vitest'

import { appInfoImpls, toAppPlatform } from '@main/ipc/handlers/app-info'
import { notificationImpls, type NotificationLike } from '@main/ipc/handlers/notifications'
import { secretsImpls, warnIfPlainTextSecrets } from '@main/ipc/handlers/secrets'
import { IpcFailure } from '@main/ipc/handle'
import { createLogger, setLogSink, type LogRecord } from '@main/logger'
import { SecretsUnavailableError, type SecretStore } from '@main/services/secret-store'

class FakeNotification implements NotificationLike {
  readonly listeners = new Map<string, () => void>()
  shown = false
  on(event: 'click' | 'close', listener: () => void): this {
    this.listeners.set(event, listener)
    return this
  }
  show(): void {
    this.shown = true
  }
  emit(event: 'click' | 'close'): void {
    this.listeners.get(event)?.()
  }
}

function notifier(isSupported = true) {
  const created: FakeNotification[] = []
  let focused = 0
  const impls = notificationImpls({
    isSupported: () => isSupported,
    create: () => {
      const n = new FakeNotification()
      created.push(n)
      return n
    },
    focusWindow: () => {
      focused++
    }
  })
  return { impls, created, focusCount: () => focused }
}

describe('notify:show', () => {
  it('shows the notification and focuses the window on click when asked', async () => {
    const { impls, created, focusCount } = notifier()
    expect(
      await impls['notify:show']({ title: 'Llamada', body: '+34…', focusOnClick: true })
    ).toEqual({
      shown: true
    })
    expect(created[0]?.shown).toBe(true)
    created[0]?.emit('click')
    expect(focusCount()).toBe(1)
  })

  it('does not focus when focusOnClick is false', async () => {
    const { impls, created, focusCount } = notifier()
    await impls['notify:show']({ title: 't', body: 'b', focusOnClick: false })
    created[0]?.emit('click')
    expect(focusCount()).toBe(0)
  })

  it('answers shown: false where notifications are unsupported', async () => {
    const { impls, created } = notifier(false)
    expect(await impls['notify:show']({ title: 't', body: 'b', focusOnClick: true })).toEqual({
      shown: false
    })
    expect(created).toHaveLength(0)
  })
})

describe('app:info', () => {
  it('reports the version and a contract platform', async () => {
    expect(await appInfoImpls({ version: '2.0.0', platform: 'darwin' })['app:info']({})).toEqual({
      version: '2.0.0',
      platform: 'darwin'
    })
  })

  it.each([
    ['win32', 'win32'],
    ['darwin', 'darwin'],
    ['linux', 'linux'],
    ['freebsd', 'linux']
  ])('maps %s to %s', (node, contract) => {
    expect(toAppPlatform(node)).toBe(contract)
  })
})

describe('secrets handlers', () => {
  const failing = (error: Error): SecretStore => ({
    set: () => Promise.reject(error),
    get: () => Promise.reject(error),
    delete: () => Promise.reject(error)
  })

  it('maps unavailable secure storage to unavailable', async () => {
    const impls = secretsImpls(failing(new SecretsUnavailableError('no keyring')))
    const error = await Promise.resolve(impls['secrets:set']({ key: 'k', value: 'v' })).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(IpcFailure)
    expect(error).toHaveProperty('appError.code', 'unavailable')
  })

  it('maps other failures to storage_failure', async () => {
    const impls = secretsImpls(failing(new Error('EACCES')))
    const error = await Promise.resolve(impls['secrets:get']({ key: 'k' })).catch((e: unknown) => e)
    expect(error).toHaveProperty('appError.code', 'storage_failure')
  })

  it('warns when Linux has no keyring (basic_text backend)', () => {
    const records: LogRecord[] = []
    const restore = setLogSink((record) => records.push(record))
    const storage = {
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'basic_text'
    }
    expect(warnIfPlainTextSecrets(storage, 'linux', createLogger('secrets'))).toBe(true)
    expect(warnIfPlainTextSecrets(storage, 'win32', createLogger('secrets'))).toBe(false)
    restore()
    expect(records).toHaveLength(1)
    expect(records[0]?.message).toMatch(/plain text/)
  })
})
