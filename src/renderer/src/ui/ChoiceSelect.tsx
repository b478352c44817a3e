import type { KeyboardEventHandler } from 'react'

/** The value of the empty option: "not set" in a form, "all" in a filter. */
const EMPTY = ''

type ChoiceSelectProps<T extends string> = {
  /** The visible label, which is also the select's accessible name. */
  label: string
  options: readonly T[]
  optionLabel: (option: T) => string
  value: T | null
  /** With it, a first option that stands for null ("not set", "all"); without, a choice is required. */
  emptyLabel?: string
  onChange: (value: T | null) => void
  onKeyDown?: KeyboardEventHandler<HTMLSelectElement>
  disabled?: boolean
  describedBy?: string
}

/**
 * A labelled select over a fixed list of codes, typed by that list: what the user picks is one
 * of the codes (or null for the empty option), never an arbitrary string from the DOM.
 */
export function ChoiceSelect<T extends string>({
  label,
  options,
  optionLabel,
  value,
  emptyLabel,
  onChange,
  onKeyDown,
  disabled,
  describedBy
}: ChoiceSelectProps<T>) {
  return (
    <label>
      {label}
      <select
        value={value ?? EMPTY}
        disabled={disabled}
        aria-describedby={describedBy}
        onKeyDown={onKeyDown}
        onChange={(e) => {
          onChange(options.find((o) => o === e.target.value) ?? null)
        }}
      >
        {emptyLabel !== undefined && <option value={EMPTY}>{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
    </label>
  )
}
