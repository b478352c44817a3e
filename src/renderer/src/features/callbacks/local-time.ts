/** `<input type="datetime-local">` speaks local wall-clock time without a zone; these convert. */

const pad = (n: number): string => String(n).padStart(2, '0')

/** `YYYY-MM-DDTHH:mm` in the machine's time zone. */
export function toLocalInput(date: Date): string {
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours()
  )}:${pad(date.getMinutes())}`
}

/** The instant a local `YYYY-MM-DDTHH:mm` names, or null when it is not one. */
export function fromLocalInput(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)
  if (!m) return null
  const [, y, mo, d, h, mi] = m.map(Number)
  if ([y, mo, d, h, mi].some((n) => n === undefined || Number.isNaN(n))) return null
  const date = new Date(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0)
  return Number.isNaN(date.getTime()) ? null : date
}

/** A sensible default: the next quarter hour at least an hour from now. */
export function defaultDue(now: Date): Date {
  const due = new Date(now.getTime() + 60 * 60_000)
  due.setSeconds(0, 0)
  due.setMinutes(Math.ceil(due.getMinutes() / 15) * 15)
  return due
}
