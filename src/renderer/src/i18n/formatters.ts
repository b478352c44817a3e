/**
 * Intl formatters shared by every render: building one costs about a millisecond (locale data
 * lookups), which a component rendering on each ring or sync event must not pay each time.
 */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()

function cached<F>(cache: Map<string, F>, key: string, make: () => F): F {
  let format = cache.get(key)
  if (format === undefined) {
    format = make()
    cache.set(key, format)
  }
  return format
}

export function dateTimeFormat(
  language: string,
  options: Intl.DateTimeFormatOptions
): Intl.DateTimeFormat {
  return cached(dateTimeFormats, `${language}|${JSON.stringify(options)}`, () => {
    return new Intl.DateTimeFormat(language, options)
  })
}

export function numberFormat(
  language: string,
  options: Intl.NumberFormatOptions
): Intl.NumberFormat {
  return cached(numberFormats, `${language}|${JSON.stringify(options)}`, () => {
    return new Intl.NumberFormat(language, options)
  })
}
