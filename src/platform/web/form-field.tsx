/**
 * The parts every staff form field shares, in NL Design System (Utrecht) markup: the wrapper that is
 * marked invalid on an error, the visible label, the inline error and hint, and the aria-describedby
 * that ties them to the control. The control itself (text box, text area, select) and where a hint
 * stands stay with the page, so each page keeps its own order.
 *
 * Class names are written out whole: the CSS subset (src/platform/web/css) keeps the rules of the
 * class names it finds in the source, and a class built from a variable would keep none of them.
 */
import type { Child } from 'hono/jsx'

/**
 * The aria-describedby of control `id`: `${id}-${suffix}` for every suffix given (in reading order,
 * e.g. `error`, `hint`), skipping empty ones; undefined when none is left.
 */
export function describedBy(
  id: string,
  ...suffixes: (string | false | null | undefined)[]
): string | undefined {
  const ids = suffixes.filter((s): s is string => Boolean(s)).map((s) => `${id}-${s}`)
  return ids.length > 0 ? ids.join(' ') : undefined
}

/** A form field: the wrapper and the label for `id`; the children are the error, control and hint. */
export function FormField(props: { id: string; label: string; error?: string; children: Child }) {
  return (
    <div class={`utrecht-form-field ${props.error ? 'utrecht-form-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={props.id}>
        {props.label}
      </label>
      {props.children}
    </div>
  )
}

/** The inline error of field `id` (`${id}-error`), or nothing without an error. */
export function FieldErrorText(props: { id: string; error?: string }) {
  return props.error ? (
    <p class="kb-field-error" id={`${props.id}-error`}>
      {props.error}
    </p>
  ) : null
}

/** The hint of field `id` (`${id}-hint`), or nothing without a hint. */
export function FieldHint(props: { id: string; hint?: string }) {
  return props.hint ? (
    <p class="kb-hint" id={`${props.id}-hint`}>
      {props.hint}
    </p>
  ) : null
}
