/**
 * The dispatcher against a fake window: no DOM runs in the unit project, and the dispatcher reads
 * only what a KeyboardEvent carries (tag name of the target, the keys held).
 */
import { describe, expect, it } from 'vitest'

import {
  createShortcutDispatcher,
  isTypingTarget,
  type ShortcutEvent
} from '@renderer/features/shortcuts/dispatcher'

type Listener = (event: FakeEvent) => void

interface FakeEvent extends ShortcutEvent {
  prevented: boolean
}

function fakeWindow() {
  const listeners = new Set<Listener>()
  return {
    listeners,
    addEventListener: (_: 'keydown', l: Listener) => listeners.add(l),
    removeEventListener: (_: 'keydown', l: Listener) => listeners.delete(l),
    press(key: string, code: string, target: unknown, held: Partial<ShortcutEvent> = {}) {
      const event: FakeEvent = {
        key,
        code,
        target,
        ctrlKey: false,
        metaKey: false,
        altKey: false,
        shiftKey: false,
        defaultPrevented: false,
        ...held,
        prevented: false,
        preventDefault() {
          this.prevented = true
        }
      }
      for (const l of listeners) l(event)
      return event
    }
  }
}

const body = { tagName: 'BODY' }
const input = { tagName: 'INPUT' }
const textarea = { tagName: 'TEXTAREA' }
const editable = { tagName: 'DIV', isContentEditable: true }

function setUp(platform: 'mac' | 'other' = 'other') {
  const target = fakeWindow()
  const dispatcher = createShortcutDispatcher<FakeEvent>(target, () => platform)
  return { target, dispatcher }
}

describe('the shortcut dispatcher', () => {
  it('fires a shortcut by its chord and claims the keypress', () => {
    const { target, dispatcher } = setUp()
    const fired: string[] = []
    dispatcher.bind('call.mute', () => fired.push('mute'))
    expect(target.press('m', 'KeyM', body, { altKey: true }).prevented).toBe(true)
    expect(target.press('m', 'KeyM', body).prevented).toBe(false)
    expect(fired).toEqual(['mute'])
  })

  it('keeps a shortcut that is not for typing out of text fields, and lets the others in', () => {
    const { target, dispatcher } = setUp()
    const fired: string[] = []
    dispatcher.bind('help.shortcuts', () => fired.push('help'))
    dispatcher.bind('call.answer', () => fired.push('answer'))
    dispatcher.bind('search.focus', () => fired.push('search'))
    for (const field of [input, textarea, editable, { tagName: 'SELECT' }]) {
      expect(target.press('?', 'Slash', field, { shiftKey: true }).prevented).toBe(false)
    }
    target.press('?', 'Slash', body, { shiftKey: true })
    target.press('a', 'KeyA', textarea, { altKey: true })
    target.press('k', 'KeyK', input, { ctrlKey: true })
    expect(fired).toEqual(['help', 'answer', 'search'])
  })

  it('takes Mod as the platform says', () => {
    const mac = setUp('mac')
    const fired: string[] = []
    mac.dispatcher.bind('search.focus', () => fired.push('search'))
    mac.target.press('k', 'KeyK', body, { ctrlKey: true })
    mac.target.press('k', 'KeyK', body, { metaKey: true })
    expect(fired).toEqual(['search'])
  })

  it('fires a focus context only inside its element', () => {
    const { target, dispatcher } = setUp()
    const inside = { tagName: 'BUTTON' }
    const panel = { contains: (node: unknown) => node === inside }
    const digits: string[] = []
    dispatcher.bind('script.choose', (event) => digits.push(event.key), { within: () => panel })
    target.press('2', 'Digit2', inside)
    target.press('3', 'Digit3', body)
    expect(digits).toEqual(['2'])
  })

  it('gives a keypress to the newest binding; one that returns false passes it on', () => {
    const { target, dispatcher } = setUp()
    const fired: string[] = []
    dispatcher.bind('script.next', () => fired.push('older'))
    const release = dispatcher.bind('script.next', () => {
      fired.push('newer declined')
      return false
    })
    expect(target.press('Enter', 'Enter', body).prevented).toBe(true)
    release()
    dispatcher.bind('script.back', () => false)
    expect(target.press('Backspace', 'Backspace', body).prevented).toBe(false)
    expect(fired).toEqual(['newer declined', 'older'])
  })

  it('leaves alone a keypress a widget already used, or one an input method is composing', () => {
    const { target, dispatcher } = setUp()
    const fired: string[] = []
    dispatcher.bind('script.next', () => fired.push('next'))
    target.press('Enter', 'Enter', body, { defaultPrevented: true })
    target.press('Enter', 'Enter', body, { isComposing: true })
    expect(fired).toEqual([])
  })

  it('listens on the window only while something is bound', () => {
    const { target, dispatcher } = setUp()
    const a = dispatcher.bind('call.hold', () => undefined)
    const b = dispatcher.bind('call.swap', () => undefined)
    expect(target.listeners.size).toBe(1)
    a()
    a()
    expect(target.listeners.size).toBe(1)
    b()
    expect(target.listeners.size).toBe(0)
  })
})

describe('isTypingTarget', () => {
  it('is true for fields and editable content only', () => {
    expect(isTypingTarget(input)).toBe(true)
    expect(isTypingTarget(editable)).toBe(true)
    expect(isTypingTarget(body)).toBe(false)
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false)
    expect(isTypingTarget(null)).toBe(false)
  })
})
