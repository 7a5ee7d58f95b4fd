/**
 * Imported texts are untrusted HTML (LimeSurvey and SurveyJS both allow markup in titles). Klankbord
 * texts are plain text, so everything is reduced to the visible text: tags go, the content of elements
 * that are never visible text (script, style, iframe, …) goes entirely, entities are decoded, whitespace
 * collapses. Because no markup survives, no `javascript:` link or `onerror` handler can either.
 */
import { Parser } from 'htmlparser2'

/** Elements whose content is code or embedded documents, never text a respondent should read. */
const DROP_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'template',
  'noscript',
  'embed',
  'applet',
  'frameset',
  'svg',
  'math',
  'head',
])

/** Elements that separate words when rendered; without a space "<p>a</p><p>b</p>" would read "ab". */
const BREAKS = new Set([
  'br',
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
])

/** A '<' that a browser could read as the start of a tag, comment or declaration. */
const TAG_START = /<(?=[A-Za-z!/?])/
/** The same, entity-encoded once or more (`&lt;script`, `&amp;lt;img`): markup hidden from one parse. */
const ENCODED_TAG_START = /&(?:amp;)*(?:lt|#0*60|#x0*3c);?(?=[A-Za-z!/?])/i

/**
 * More tags than any real survey text holds. htmlparser2 keeps open elements with Array.unshift, so
 * deeply nested unclosed tags cost time quadratic in their number (a million `<b>` took minutes);
 * text after the 5000th '<' is dropped. Long texts without many tags (a base64 image) are unaffected.
 */
const MAX_TAGS = 5000

function capTags(input: string): string {
  let count = 0
  for (let i = input.indexOf('<'); i >= 0; i = input.indexOf('<', i + 1)) {
    if (++count > MAX_TAGS) return input.slice(0, i)
  }
  return input
}

function stripOnce(input: string): string {
  const parts: string[] = []
  let dropDepth = 0
  const parser = new Parser(
    {
      onopentag(name) {
        if (DROP_CONTENT.has(name)) dropDepth++
        else if (BREAKS.has(name) && dropDepth === 0) parts.push(' ')
      },
      onclosetag(name) {
        if (DROP_CONTENT.has(name)) dropDepth = Math.max(0, dropDepth - 1)
        else if (BREAKS.has(name) && dropDepth === 0) parts.push(' ')
      },
      ontext(text) {
        if (dropDepth === 0) parts.push(text)
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  )
  parser.write(capTags(input))
  parser.end()
  return parts.join('')
}

/**
 * Returns the plain text of untrusted HTML/markup. Entity-encoded markup (`&lt;script&gt;…`) decodes to
 * markup, so the text is parsed again while a tag start, plain or encoded, remains (at most four
 * rounds); a '<' that still precedes a letter after that gets a space, so the result can never be read
 * as a tag.
 */
export function plainText(input: string): string {
  let text = input
  for (let round = 0; round < 4; round++) {
    text = stripOnce(text)
    if (!TAG_START.test(text) && !ENCODED_TAG_START.test(text)) break
  }
  return text
    .replace(new RegExp(TAG_START.source, 'g'), '< ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Shortens a plain text to at most `max` characters, ending in '…' when cut. */
export function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}

/**
 * Makes a valid, unique Klankbord code (lowercase a-z, 0-9 and _, starting with a letter, at most 63
 * characters) from a source name, and records it in `taken`. Accents are dropped (é → e), other
 * characters become '_'. A name that does not start with a letter gets `prefix` in front (default 'q',
 * so '12' → 'q_12'); on a clash the code gets _2, _3, … (kept within 63 characters).
 */
export function toCode(raw: string, taken: Set<string>, prefix = 'q'): string {
  let base = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  if (!base) base = prefix
  else if (!/^[a-z]/.test(base)) base = `${prefix}_${base}`
  base = base.slice(0, 63)
  let code = base
  for (let n = 2; taken.has(code); n++) {
    const suffix = `_${n}`
    code = `${base.slice(0, 63 - suffix.length)}${suffix}`
  }
  taken.add(code)
  return code
}
