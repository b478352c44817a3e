import { sanitizeDisplayText } from '@shared/domain/text'

/** Customer fields are hostile input: shown as text, cut in the view (never in storage). */
export const show = (text: string, max = 120): string => sanitizeDisplayText(text, max)
