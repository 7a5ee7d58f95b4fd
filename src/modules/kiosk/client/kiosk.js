/*
 * Klankbord kiosk (docs/channels-kiosk.md, decision 0015). Progressive enhancement of the kiosk page:
 * without this script the smiley buttons post a form. With it:
 * - the screens (smileys → reasons → "Bedankt") switch in place: no navigation between answers, so the
 *   page keeps working when the network drops;
 * - every answer gets a UUID made here and the tap's time, and goes into a queue in localStorage (memory
 *   when storage is blocked), bounded to MAX_QUEUE answers (the oldest is dropped when full);
 * - the queue is sent in the background to POST /kiosk/antwoorden with the device token; a failure keeps
 *   it queued and retries on the `online` event and on a timer with exponential backoff; the server
 *   stores each UUID once, so a retry after a lost reply does not duplicate;
 * - after "Bedankt" the screen starts again after the kiosk's reset time; when someone stops halfway, a
 *   warning gives 20 seconds to continue (WCAG 2.2.1) before the smiley is kept without a reason and
 *   the screen starts again.
 * Plain ES2017 without a build step; the page's CSP allows only scripts from the same origin.
 */
;(() => {
  const main = document.querySelector('main.kb-kiosk[data-kiosk]')
  if (!main || !window.fetch || !window.JSON) return

  const MAX_QUEUE = 500
  const BATCH = 50
  const WARN_SECONDS = 20
  const MAX_BACKOFF_MS = 60000
  const token = location.pathname.split('/')[2] || ''
  const storageKey = `klankbord.kiosk.${main.getAttribute('data-kiosk')}`
  const resetMs = Math.max(3, Number(main.getAttribute('data-reset-seconds')) || 10) * 1000

  let storage = null
  try {
    storage = window.localStorage
    storage.setItem(`${storageKey}.probe`, '1')
    storage.removeItem(`${storageKey}.probe`)
  } catch (_) {
    storage = null
  }

  function loadQueue() {
    if (!storage) return []
    try {
      const q = JSON.parse(storage.getItem(storageKey) || '[]')
      return Array.isArray(q) ? q : []
    } catch (_) {
      return []
    }
  }

  let queue = loadQueue()

  function saveQueue() {
    if (!storage) return
    try {
      storage.setItem(storageKey, JSON.stringify(queue))
    } catch (_) {
      // Storage full or blocked: the queue still lives in memory until it is sent.
    }
  }

  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID()
    const b = new Uint8Array(16)
    window.crypto.getRandomValues(b)
    b[6] = (b[6] & 0x0f) | 0x40
    b[8] = (b[8] & 0x3f) | 0x80
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
  }

  // ---- status for staff ----
  const status = document.getElementById('kiosk-status')
  function renderStatus() {
    if (!status) return
    const n = queue.length
    status.textContent = n === 0 ? '' : n === 1 ? '1 antwoord wacht' : `${n} antwoorden wachten`
  }

  // ---- screens ----
  const screens = Array.from(main.querySelectorAll('.kb-kiosk-screen'))
  const warning = document.getElementById('kiosk-warning')
  const countdown = document.getElementById('kiosk-countdown')
  let current = 'kiosk-start'
  let pending = null
  let resetTimer = 0
  let idleTimer = 0
  let countdownTimer = 0

  function show(id) {
    current = id
    for (const s of screens) s.hidden = s.id !== id
    const heading = document.querySelector(`#${id} .kb-kiosk-heading`)
    if (heading) heading.focus()
  }

  function clearTimers() {
    clearTimeout(resetTimer)
    clearTimeout(idleTimer)
    clearInterval(countdownTimer)
    if (warning) warning.hidden = true
  }

  function startOver() {
    clearTimers()
    pending = null
    show('kiosk-start')
  }

  function armIdle() {
    clearTimers()
    idleTimer = setTimeout(warn, resetMs)
  }

  function warn() {
    if (!warning) return giveUp()
    let left = WARN_SECONDS
    if (countdown) countdown.textContent = String(left)
    warning.hidden = false
    const button = document.getElementById('kiosk-continue')
    if (button) button.focus()
    countdownTimer = setInterval(() => {
      left -= 1
      if (countdown) countdown.textContent = String(left)
      if (left <= 0) giveUp()
    }, 1000)
  }

  // Nobody came back: the smiley that was tapped still counts, without a reason.
  function giveUp() {
    if (pending) enqueue(Object.assign({}, pending, { reason: null }))
    startOver()
  }

  function choose(mood) {
    pending = { id: uuid(), answeredAt: new Date().toISOString(), smiley: mood }
    if (document.getElementById(`kiosk-reasons-${mood}`)) {
      show(`kiosk-reasons-${mood}`)
      armIdle()
    } else finish(null)
  }

  function finish(reason) {
    if (!pending) return startOver()
    enqueue(Object.assign({}, pending, { reason: reason || null }))
    pending = null
    clearTimers()
    show('kiosk-thanks')
    resetTimer = setTimeout(startOver, resetMs)
  }

  for (const button of main.querySelectorAll('.kb-kiosk-smiley')) {
    button.addEventListener('click', (event) => {
      event.preventDefault()
      choose(button.value)
    })
  }
  for (const button of main.querySelectorAll('[data-reason]')) {
    button.addEventListener('click', () => finish(button.getAttribute('data-reason')))
  }
  const keepGoing = document.getElementById('kiosk-continue')
  if (keepGoing)
    keepGoing.addEventListener('click', () => {
      armIdle()
      const heading = document.querySelector(`#${current} .kb-kiosk-heading`)
      if (heading) heading.focus()
    })
  // Any touch or key on the reasons screen counts as still busy (unless the warning already shows).
  for (const type of ['pointerdown', 'keydown']) {
    document.addEventListener(type, () => {
      if (current.indexOf('kiosk-reasons-') === 0 && warning && warning.hidden) armIdle()
    })
  }

  // ---- queue and sending ----
  let sending = false
  let failures = 0
  let retryTimer = 0
  let oneByOne = false

  function enqueue(answer) {
    queue.push(answer)
    while (queue.length > MAX_QUEUE) queue.shift()
    saveQueue()
    renderStatus()
    flush()
  }

  function removeIds(ids) {
    queue = queue.filter((a) => !ids.has(a.id))
    saveQueue()
    renderStatus()
  }

  function retryLater() {
    failures += 1
    const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (failures - 1))
    clearTimeout(retryTimer)
    retryTimer = setTimeout(flush, base / 2 + Math.random() * (base / 2))
  }

  async function flush() {
    if (sending || queue.length === 0) return
    sending = true
    clearTimeout(retryTimer)
    const batch = queue.slice(0, oneByOne ? 1 : BATCH)
    let res = null
    try {
      const abort = new AbortController()
      const timeout = setTimeout(() => abort.abort(), 15000)
      res = await fetch('/kiosk/antwoorden', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ answers: batch }),
        credentials: 'omit',
        cache: 'no-store',
        signal: abort.signal,
      })
      clearTimeout(timeout)
    } catch (_) {
      res = null
    }
    sending = false
    if (!res) return retryLater()
    if (res.ok) {
      let body = null
      try {
        body = await res.json()
      } catch (_) {
        body = null
      }
      const results = body && Array.isArray(body.results) ? body.results : []
      removeIds(new Set(results.map((r) => r.id)))
      failures = 0
      if (queue.length === 0) oneByOne = false
      return flush()
    }
    if (res.status === 400 || res.status === 413) {
      // One answer in the batch can never be stored (for example its time is out of bounds): find it by
      // sending one at a time, and drop only that one.
      if (batch.length > 1) {
        oneByOne = true
        return flush()
      }
      if (res.status === 400) removeIds(new Set([batch[0].id]))
      return flush()
    }
    if (res.status === 401 || res.status === 404 || res.status === 410) {
      // The kiosk was turned off: the page then says so.
      location.reload()
      return
    }
    retryLater()
  }

  window.addEventListener('online', () => {
    failures = 0
    flush()
  })
  // A backstop for a missed `online` event: look at the queue twice a minute.
  setInterval(() => {
    if (!sending && failures === 0) flush()
  }, 30000)

  renderStatus()
  flush()
})()
