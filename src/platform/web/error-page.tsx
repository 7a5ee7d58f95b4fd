/** A plain, accessible error page for browsers; never shows internals. */
import type { Problem } from '../errors.ts'
import { Layout } from './layout.tsx'

const messages: Record<number, string> = {
  400: 'Wat u stuurde, konden wij niet verwerken.',
  401: 'U moet eerst inloggen.',
  403: 'U mag deze pagina niet zien of deze actie niet doen.',
  404: 'Deze pagina bestaat niet.',
  413: 'Wat u stuurde, is te groot.',
  429: 'U stuurde te veel verzoeken. Probeer het over een minuut opnieuw.',
  500: 'Er ging bij ons iets mis. Probeer het later opnieuw.',
  503: 'Klankbord is even niet bereikbaar. Probeer het later opnieuw.',
}

/** Renders the error page for a problem. */
export function errorPage(problem: Problem) {
  const text = messages[problem.status] ?? problem.detail ?? problem.title
  return (
    <Layout title={`Fout ${problem.status} – Klankbord`}>
      <h1 class="utrecht-heading-1">Dat lukte niet</h1>
      <p class="utrecht-paragraph">{text}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/">
          Naar de startpagina
        </a>
      </p>
    </Layout>
  )
}
