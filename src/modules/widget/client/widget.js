/*
 * Klankbord website widget: "Was deze pagina nuttig?" (docs/channels-widget.md, decision 0014).
 * Embed: <script src="https://<klankbord>/widget.js" data-survey="<public key>" async></script>
 * Optional: data-lang="en" (else the page's lang), data-target="<element id>" (else right after the tag).
 *
 * Plain JavaScript without dependencies, served as written. It sets no cookies, uses no storage, sends no
 * credentials and talks only to the Klankbord server it came from. It renders in a Shadow DOM with its own
 * constructed stylesheet (not subject to the host page's CSP for styles), so the host's CSS cannot restyle
 * it and it cannot restyle the host. The one styling hook is the custom property --klankbord-accent.
 */
;(() => {
  const script = document.currentScript
  if (!script || !script.src) return
  const survey = script.getAttribute('data-survey') || ''
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(survey)) return
  const api = `${new URL(script.src).origin}/widget/v1/${survey}`
  const wanted = (script.getAttribute('data-lang') || document.documentElement.lang || 'nl')
    .toLowerCase()
    .split('-')[0]

  const TEXTS = {
    nl: {
      yes: 'Ja',
      no: 'Nee',
      thanks: 'Bedankt voor uw antwoord.',
      more: 'Vertel ons meer',
      title: 'Uw reactie',
      optional: 'Niet verplicht.',
      send: 'Versturen',
      close: 'Sluiten',
      sent: 'Bedankt voor uw reactie.',
      empty: 'Schrijf eerst iets op, of kies Sluiten.',
      failed: 'Het versturen is niet gelukt. Probeer het later nog eens.',
    },
    en: {
      yes: 'Yes',
      no: 'No',
      thanks: 'Thank you for your answer.',
      more: 'Tell us more',
      title: 'Your reaction',
      optional: 'Optional.',
      send: 'Send',
      close: 'Close',
      sent: 'Thank you for your reaction.',
      empty: 'Write something first, or choose Close.',
      failed: 'Sending did not work. Please try again later.',
    },
  }

  // Follows the page's root font size (the visitor's setting), within bounds a host page cannot break.
  const CSS = `
:host{all:initial!important;display:block!important}
.kb{--a:var(--klankbord-accent,#154273);box-sizing:border-box;margin:1em 0;padding:1em;border:1px solid #767676;
border-radius:4px;background:#fff;color:#1a1a1a;font:400 clamp(16px,1rem,20px)/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;
text-align:start;letter-spacing:normal;word-spacing:normal;text-transform:none;text-shadow:none}
.kb *{box-sizing:border-box;font:inherit;color:inherit;letter-spacing:inherit;margin:0}
.q{font-weight:700;margin:0 0 .5em}
.row{display:flex;flex-wrap:wrap;gap:.5em}
button{min-width:5em;min-height:2.75em;padding:.4em 1em;border:2px solid var(--a);border-radius:4px;
background:#fff;color:var(--a);font-weight:700;cursor:pointer}
button:hover{background:var(--a);color:#fff}
button.p{background:var(--a);color:#fff}
button.p:hover{text-decoration:underline}
button:disabled{cursor:progress;opacity:.7}
:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px;box-shadow:0 0 0 5px #fff}
.s:empty{margin:0}
.s{margin:0 0 .5em}
dialog{width:min(32em,calc(100vw - 2em));max-height:calc(100vh - 2em);padding:1.5em;border:2px solid #1a1a1a;
border-radius:4px;background:#fff;color:#1a1a1a;animation:kb-in .2s ease-out}
dialog::backdrop{background:rgba(0,0,0,.5)}
h2{font-size:1.25em;font-weight:700;margin:0 0 .75em}
label{display:block;font-weight:700}
.h{color:#4b4b4b;margin:0 0 .25em}
textarea{display:block;width:100%;margin:0 0 1em;padding:.5em;border:2px solid #4b4b4b;border-radius:4px;
background:#fff;resize:vertical}
textarea[aria-invalid=true]{border-color:#b30000}
.e{color:#b30000;font-weight:700;margin:0 0 1em}
@keyframes kb-in{from{opacity:0;transform:translateY(.5em)}}
@media (prefers-reduced-motion:reduce){dialog{animation:none}}
@media (forced-colors:active){button,dialog,textarea{border-color:ButtonText}}
`

  /** Creates an element with attributes and children (strings become text, never HTML). */
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag)
    for (const [k, v] of Object.entries(attrs || {}))
      if (v !== null && v !== undefined) node.setAttribute(k, v)
    for (const c of children) if (c !== null && c !== undefined) node.append(c)
    return node
  }

  /** A random key per page view: identifies the answer for retries and the follow-up; nothing is stored. */
  const newKey = () => {
    const bytes = crypto.getRandomValues(new Uint8Array(18))
    return btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
  }

  /** A JSON request without cookies; rejects on a network error or a refusal. */
  const call = async (path, body) => {
    const response = await fetch(api + path, {
      method: body ? 'POST' : 'GET',
      credentials: 'omit',
      mode: 'cors',
      referrerPolicy: 'no-referrer',
      headers: body
        ? { 'content-type': 'application/json', accept: 'application/json' }
        : { accept: 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    })
    if (!response.ok) throw new Error(String(response.status))
    return response.json()
  }

  /** Retries a post that did not arrive; the key makes a second arrival harmless. */
  const post = async (path, body) => {
    try {
      return await call(path, body)
    } catch (e) {
      if (/^4/.test(e.message)) throw e
      await new Promise((r) => setTimeout(r, 1000))
      return call(path, body)
    }
  }

  const mount = async () => {
    const config = await call(`?lang=${encodeURIComponent(wanted)}`)
    const t = TEXTS[config.language] || TEXTS.nl
    const key = newKey()
    const host = el('div', { 'data-klankbord-widget': '' })
    const target = script.getAttribute('data-target')
    const place = target && document.getElementById(target)
    if (place) place.append(host)
    else if (script.closest('body')) script.after(host)
    else document.body.append(host)
    const root = host.attachShadow({ mode: 'open' })
    if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet()
      sheet.replaceSync(CSS)
      root.adoptedStyleSheets = [sheet]
    } else root.append(el('style', {}, CSS))

    const question = el('p', { class: 'q', id: 'kb-q' }, config.question)
    const yes = el('button', { type: 'button' }, t.yes)
    const no = el('button', { type: 'button' }, t.no)
    const ask = el('div', { class: 'row', role: 'group', 'aria-labelledby': 'kb-q' }, yes, no)
    const status = el('p', { class: 's', role: 'status', tabindex: '-1' })
    const more = el('button', { type: 'button', class: 'p', 'aria-haspopup': 'dialog', hidden: '' }, t.more)
    const box = el('div', { class: 'kb', lang: config.language }, question, ask, status, more)
    root.append(box)

    let dialog = null
    const answer = async (useful) => {
      yes.disabled = no.disabled = true
      try {
        const r = await post('/responses', {
          key,
          useful,
          page: location.pathname,
          language: config.language,
        })
        question.remove()
        ask.remove()
        status.textContent = t.thanks
        if (r.followUp.length) {
          dialog = buildDialog(r.followUp)
          box.append(dialog)
          more.hidden = false
          more.focus()
        } else status.focus()
      } catch {
        yes.disabled = no.disabled = false
        status.textContent = t.failed
      }
    }
    yes.addEventListener('click', () => answer(true))
    no.addEventListener('click', () => answer(false))

    const buildDialog = (questions) => {
      const error = el('p', { class: 'e', id: 'kb-e', role: 'alert', hidden: '' })
      const fields = questions.map((q) => {
        const id = `kb-f-${q.code}`
        const hint = el('p', { class: 'h', id: `${id}-h` }, q.help ? `${q.help} ${t.optional}` : t.optional)
        const area = el('textarea', {
          id,
          name: q.code,
          rows: String(q.rows),
          maxlength: String(q.maxLength),
        })
        area.setAttribute('aria-describedby', `${id}-h`)
        return { q, area, nodes: [el('label', { for: id }, q.text), hint, area] }
      })
      const send = el('button', { type: 'submit', class: 'p' }, t.send)
      const close = el('button', { type: 'button' }, t.close)
      const form = el(
        'form',
        { novalidate: '' },
        el('h2', { id: 'kb-dt' }, t.title),
        ...fields.flatMap((f) => f.nodes),
        error,
        el('div', { class: 'row' }, send, close),
      )
      const d = el('dialog', { 'aria-labelledby': 'kb-dt' }, form)
      close.addEventListener('click', () => d.close())
      // The modal already makes the page inert; this keeps Tab cycling inside instead of leaving to the browser.
      d.addEventListener('keydown', (e) => {
        if (e.key !== 'Tab') return
        const items = [...d.querySelectorAll('textarea,button')].filter((x) => !x.disabled)
        const first = items[0]
        const last = items[items.length - 1]
        if (e.shiftKey && root.activeElement === first) {
          e.preventDefault()
          last.focus()
        } else if (!e.shiftKey && root.activeElement === last) {
          e.preventDefault()
          first.focus()
        }
      })
      // Escape and Sluiten close the dialog; focus goes back to the button that opened it.
      d.addEventListener('close', () => (more.isConnected ? more : status).focus())
      form.addEventListener('submit', async (e) => {
        e.preventDefault()
        const answers = {}
        for (const f of fields) if (f.area.value.trim()) answers[f.q.code] = f.area.value
        if (!Object.keys(answers).length) {
          error.textContent = t.empty
          error.hidden = false
          fields[0].area.setAttribute('aria-invalid', 'true')
          fields[0].area.setAttribute('aria-describedby', `${fields[0].area.id}-h kb-e`)
          fields[0].area.focus()
          return
        }
        send.disabled = true
        try {
          await post('/follow-up', { key, answers })
          more.remove()
          status.textContent = config.thanks || t.sent
          d.close()
        } catch {
          send.disabled = false
          error.textContent = t.failed
          error.hidden = false
        }
      })
      return d
    }
    more.addEventListener('click', () => dialog && dialog.showModal())
  }

  // A widget that cannot load (unknown survey, server down) shows nothing: the host page is never harmed.
  const start = () => mount().catch(() => {})
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
  else start()
})()
