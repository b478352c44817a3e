import { memo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { Customer } from '@shared/domain/customer'
import { fullName } from '@shared/domain/customer'
import { sanitizeDisplayText } from '@shared/domain/text'
import { openCustomer } from '../../screen-pop'
import { useSearchResults } from '../hooks/useSearchResults'
import { ariaKeyShortcuts } from '../../shortcuts'
import { useSearchShortcut } from '../hooks/useSearchShortcut'

const LIST_ID = 'customer-search-results'
const optionId = (id: string) => `customer-search-${id}`

function resultLabel(c: Customer): string {
  const phone = c.phones[0]?.e164 ?? ''
  return sanitizeDisplayText([fullName(c), phone, c.documentId ?? ''].filter(Boolean).join(' · '))
}

/**
 * Keyboard-first search: Ctrl+K or `/` to focus, arrows to move, Enter to open the card.
 * Memoised: it sits in the card, and a ring must not re-render it with the caller's card.
 */
export const CustomerSearch = memo(function CustomerSearch() {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const results = useSearchResults(query)
  useSearchShortcut(input)
  const current = results[Math.min(active, results.length - 1)]

  const open = (customer: Customer) => {
    openCustomer(customer)
    setQuery('')
    setActive(0)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((a) => Math.max(0, Math.min(results.length - 1, a + step)))
    } else if (event.key === 'Enter' && current) {
      event.preventDefault()
      open(current)
    } else if (event.key === 'Escape') {
      setQuery('')
    }
  }

  return (
    <div className="customer-search">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label={t('search.label')}
        aria-keyshortcuts={`${ariaKeyShortcuts('search.focus')} ${ariaKeyShortcuts('search.focusQuick')}`}
        aria-expanded={results.length > 0}
        aria-controls={LIST_ID}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current.id) : undefined}
        placeholder={t('search.placeholder')}
        value={query}
        maxLength={256}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      {results.length > 0 && (
        <div id={LIST_ID} role="listbox" aria-label={t('search.results')}>
          {results.map((c) => (
            <div
              key={c.id}
              id={optionId(c.id)}
              role="option"
              tabIndex={-1}
              aria-selected={c.id === current?.id}
              onMouseDown={(e) => {
                e.preventDefault()
                open(c)
              }}
            >
              {resultLabel(c)}
            </div>
          ))}
        </div>
      )}
    </div>
  )
})
