/** Folds case and accents so "jose" finds "José" and "NUNEZ" finds "Núñez". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
/** Removes bidi overrides and control characters so a hostile display name cannot reorder text. */
export function sanitizeDisplayText(text: string, maxLength = 200): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(BIDI_CONTROLS, '').replace(/[\u0000-\u001f\u007f]/g, ' ')
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1)}…` : cleaned
}
