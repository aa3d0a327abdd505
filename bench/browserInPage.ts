/**
 * The benchmark's code inside the page, injected before the app with addInitScript. Plain
 * JavaScript in a string: functions written in TypeScript and passed to page.evaluate get
 * tsx helpers (__name) that the page does not have.
 *
 * window.__bench:
 * - input: timeStamp of the last trusted click and keydown (performance.now() timeline);
 * - arm(name, arg, timeoutMs): starts waiting for a condition (see CONDITIONS); `pending`
 *   resolves with the time of the next frame after it holds, so a figure ends when the user
 *   can see it;
 * - longTasks: every long task (PerformanceObserver 'longtask'), as [startTime, duration];
 * - longest(from, to): the longest task overlapping [from, to], in ms;
 * - rawBulkAdd(): reads every table of the app's database, then bulkAdds the same rows into a
 *   scratch database of the same schema in one transaction (Dexie must be loaded first).
 */
export const IN_PAGE_SCRIPT = String.raw`(() => {
  if (window.__bench) return
  const longTasks = []
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push([entry.startTime, entry.duration])
    }).observe({ type: 'longtask', buffered: true })
  } catch (error) {
    console.warn('no longtask observer', error)
  }
  const input = { click: 0, keydown: 0 }
  for (const type of ['click', 'keydown']) {
    addEventListener(type, (event) => { if (event.isTrusted) input[type] = event.timeStamp }, true)
  }
  const q = (selector) => document.querySelector(selector)
  const count = (selector) => document.querySelectorAll(selector).length
  const text = (selector) => { const node = q(selector); return node ? node.textContent.trim() : null }
  // A canvas chart is drawn once a share of its pixels is not white (sampled).
  const inked = (selector) => {
    const canvas = q(selector + ' canvas')
    if (!canvas || !canvas.width || !canvas.height) return false
    const context = canvas.getContext('2d')
    if (!context) return false
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data
    let ink = 0
    let seen = 0
    for (let i = 0; i < data.length; i += 64) {
      seen++
      if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) ink++
    }
    return ink / seen > 0.01
  }
  const CONDITIONS = {
    overview: () => count('[data-test="project-table"] tbody tr') > 0 && text('[data-test="total-executed"]') !== null && count('[data-test="comparison-row"]') > 0,
    // The grid states its row count (aria-rowcount, header row included) and renders the rows on
    // screen: all of them, or (a long grid renders only what is on screen) rows down to the bottom of its box.
    entry: (rows) => {
      const grid = q('[data-test="entry-grid"]')
      if (!grid || Number(grid.getAttribute('aria-rowcount')) - 1 < rows) return false
      const shown = grid.querySelectorAll('tbody tr[data-row-key]')
      if (shown.length >= rows) return true
      const box = grid.parentElement.getBoundingClientRect()
      return shown.length > 0 && shown[shown.length - 1].getBoundingClientRect().bottom >= Math.min(box.bottom, innerHeight)
    },
    // The page of the agenda drawn whole (it draws a screenful first, the rest after that frame).
    agenda: () => (count('[data-test="agenda-item"]') > 0 && q('[data-test="agenda"][data-drawn="all"]') !== null) || q('[data-test="agenda-empty"]') !== null,
    charts: () => inked('[data-test="chart-spend-curve"]') && inked('[data-test="chart-indicator-targets"]'),
    changed: ([selector, before]) => { const now = text(selector); return now !== null && now !== before },
    restored: () => /已从/.test(text('[data-test="backup-message"]') || ''),
  }
  const arm = (name, arg, timeoutMs) => {
    const holds = () => CONDITIONS[name](arg)
    const pending = new Promise((resolve, reject) => {
      let isDone = false
      const observer = new MutationObserver(() => { if (!isDone && holds()) finish() })
      const timer = setTimeout(() => { isDone = true; observer.disconnect(); reject(new Error('timed out waiting for ' + name)) }, timeoutMs)
      const finish = () => {
        isDone = true
        observer.disconnect()
        clearTimeout(timer)
        // The next frame: when the change is on screen. A hidden tab gets no frames; then now.
        if (document.visibilityState === 'visible') requestAnimationFrame(() => resolve(performance.now()))
        else resolve(performance.now())
      }
      const poll = () => { if (isDone) return; if (holds()) finish(); else requestAnimationFrame(poll) }
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
      poll()
    })
    pending.catch(() => undefined)
    window.__bench.pending = pending
  }
  const longest = (from, to) => longTasks.reduce((max, [start, duration]) => (start < to && start + duration > from ? Math.max(max, duration) : max), 0)
  const rawBulkAdd = async () => {
    const source = new window.Dexie('budget-performance-monitor')
    await source.open()
    const tables = []
    for (const table of source.tables) {
      const key = table.schema.primKey
      const schema = [(key.auto ? '++' : '') + key.src, ...table.schema.indexes.map((index) => index.src)].join(',')
      tables.push({ name: table.name, schema, rows: await table.toArray() })
    }
    source.close()
    const scratch = new window.Dexie('bench-raw-bulkadd')
    await scratch.delete()
    scratch.version(1).stores(Object.fromEntries(tables.map((t) => [t.name, t.schema])))
    await scratch.open()
    const start = performance.now()
    await scratch.transaction('rw', scratch.tables, async () => {
      for (const t of tables) await scratch.table(t.name).bulkAdd(t.rows)
    })
    const ms = performance.now() - start
    const end = performance.now()
    await scratch.delete()
    return { rows: tables.reduce((n, t) => n + t.rows.length, 0), ms, longest: longest(start, end) }
  }
  window.__bench = { input, arm, pending: null, longTasks, longest, rawBulkAdd }
})()`

/** What IN_PAGE_SCRIPT puts on window, for page.evaluate callbacks (typed without the DOM library). */
export interface BenchApi {
  readonly input: { readonly click: number; readonly keydown: number }
  arm(name: string, arg: unknown, timeoutMs: number): void
  readonly pending: Promise<number>
  longest(from: number, to: number): number
  rawBulkAdd(): Promise<{ rows: number; ms: number; longest: number }>
}

declare global {
  // The page's globals used inside page.evaluate; bench code runs in Node, typed without DOM.
  var window: { readonly __bench: BenchApi }
  var location: { hash: string }
}
