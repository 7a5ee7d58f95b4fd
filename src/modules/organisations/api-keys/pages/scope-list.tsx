/** The scopes of a key in words (the labels of the form), in the order of SCOPES. */
import { isScope, SCOPE_TEXT } from '../scopes.ts'

/** Renders the scopes as a list; an unknown scope (from a newer version) is shown as it is stored. */
export function ScopeList(props: { scopes: string[] }) {
  return (
    <ul class="utrecht-unordered-list">
      {props.scopes.map((s) => (
        <li>{isScope(s) ? SCOPE_TEXT[s].label : s}</li>
      ))}
    </ul>
  )
}
