/**
 * The layout budget, measured in the page: the document does not scroll, and every visible control
 * can be brought into view by scrolling a panel that lets a person scroll (overflow auto or
 * scroll). A control reachable only by scrolling an `overflow: hidden` box, or cut by one, or
 * outside the window, is clipped: hiding overflow does not make a layout fit.
 */
import type { Page } from '@playwright/test'

export interface LayoutReport {
  /** The document's scroll size against its client size, when it exceeds it. */
  pageScrolls: string | null
  /** Each clipped control, with why. */
  clipped: string[]
}

/** Runs in the page; self-contained (Playwright serialises it). */
function measure(): LayoutReport {
  const controls = [
    'button',
    'input:not([type="hidden"])',
    'select',
    'textarea',
    'a[href]',
    'summary',
    '[role="tab"]',
    '[role="button"]',
    '[role="link"]',
    '[role="combobox"]',
    '[tabindex]:not([tabindex="-1"])'
  ].join(',')
  const root = document.documentElement
  const describe = (el: Element): string => {
    const label = 'labels' in el ? (el as HTMLInputElement).labels?.[0]?.textContent : null
    const name =
      el.getAttribute('aria-label') ??
      label ??
      el.getAttribute('name') ??
      el.getAttribute('title') ??
      el.textContent
    const id = el.id ? `#${el.id}` : ''
    const cls =
      typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0] ?? ''}` : ''
    return `${el.tagName.toLowerCase()}${id}${cls} "${name.trim().replace(/\s+/g, ' ').slice(0, 40)}"`
  }
  // A box clips its content when its overflow is not visible or its paint is contained.
  const clips = (style: CSSStyleDeclaration): boolean =>
    style.overflowX !== 'visible' ||
    style.overflowY !== 'visible' ||
    /paint|content|strict/.test(style.contain)
  const scrolls = (overflow: string): boolean => overflow === 'auto' || overflow === 'scroll'

  const sizes = [root, document.body].map((el) => ({
    el: el === root ? 'html' : 'body',
    over: el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth,
    size: `${String(el.scrollWidth)}×${String(el.scrollHeight)} in ${String(el.clientWidth)}×${String(el.clientHeight)}`
  }))
  const over = sizes.filter((s) => s.over)
  const pageScrolls = over.length ? over.map((s) => `${s.el} ${s.size}`).join('; ') : null

  const clipped: string[] = []
  const viewport = { width: root.clientWidth, height: root.clientHeight }
  for (const el of Array.from(document.querySelectorAll<HTMLElement>(controls))) {
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue
    if (el.closest('[inert], [aria-hidden="true"]')) continue
    const first = el.getBoundingClientRect()
    // Visually hidden helpers (a native input behind a styled widget) are not what a person sees.
    if (first.width < 2 || first.height < 2) continue
    const boxes: { el: HTMLElement; top: number; left: number }[] = []
    for (let a = el.parentElement; a; a = a.parentElement) {
      if (clips(getComputedStyle(a))) boxes.push({ el: a, top: a.scrollTop, left: a.scrollLeft })
    }
    const pageAt = { top: window.scrollY, left: window.scrollX }
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    const rect = el.getBoundingClientRect()
    const why: string[] = []
    for (const box of boxes) {
      const style = getComputedStyle(box.el)
      if (box.el.scrollTop !== box.top && !scrolls(style.overflowY)) {
        why.push(`reachable only by scrolling ${describe(box.el)} (overflow-y: ${style.overflowY})`)
      }
      if (box.el.scrollLeft !== box.left && !scrolls(style.overflowX)) {
        why.push(`reachable only by scrolling ${describe(box.el)} (overflow-x: ${style.overflowX})`)
      }
      const outer = box.el.getBoundingClientRect()
      const top = outer.top + box.el.clientTop
      const left = outer.left + box.el.clientLeft
      const inside =
        rect.top >= top - 1 &&
        rect.left >= left - 1 &&
        rect.bottom <= top + box.el.clientHeight + 1 &&
        rect.right <= left + box.el.clientWidth + 1
      if (!inside) why.push(`cut by ${describe(box.el)}`)
      box.el.scrollTop = box.top
      box.el.scrollLeft = box.left
    }
    if (
      rect.top < -1 ||
      rect.left < -1 ||
      rect.bottom > viewport.height + 1 ||
      rect.right > viewport.width + 1
    ) {
      why.push('outside the window')
    }
    if (window.scrollY !== pageAt.top || window.scrollX !== pageAt.left) {
      why.push('the page scrolled to show it')
      window.scrollTo(pageAt.left, pageAt.top)
    }
    if (why.length) clipped.push(`${describe(el)}: ${why.join('; ')}`)
  }
  return { pageScrolls, clipped }
}

export async function measureLayout(page: Page): Promise<LayoutReport> {
  return page.evaluate(measure)
}
