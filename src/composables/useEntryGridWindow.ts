import { computed, onMounted, onScopeDispose, onUpdated, shallowRef, type Ref } from 'vue'

/** Below this many rows the grid renders them all (the demo's departments, the project view's 12 months). */
export const WINDOW_MIN_ROWS = 30
/** Height of a row not measured yet, in px (a month-view row with a label, an input and a caption). */
export const ESTIMATED_ROW_HEIGHT = 72
/** Rows rendered beyond each edge of the visible area, in px, so short scrolls show rows at once. */
export const OVERSCAN_PX = 480

/** The rows to render, [start, end), and the heights of the blank space above and below them. */
export interface RowWindow {
  readonly start: number
  readonly end: number
  readonly top: number
  readonly bottom: number
}

/** Start offset of each row and the total height, from the row heights. */
export function rowOffsets(heights: readonly number[]): { offsets: number[]; total: number } {
  const offsets: number[] = []
  let total = 0
  for (const height of heights) {
    offsets.push(total)
    total += height
  }
  return { offsets, total }
}

/** The rows that overlap [scrollTop − overscan, scrollTop + viewport + overscan]. */
export function visibleRange(heights: readonly number[], scrollTop: number, viewport: number, overscan = OVERSCAN_PX): RowWindow {
  const { offsets, total } = rowOffsets(heights)
  const from = scrollTop - overscan
  const to = scrollTop + viewport + overscan
  let start = 0
  while (start < heights.length - 1 && offsets[start]! + heights[start]! <= from) start++
  let end = start
  while (end < heights.length && offsets[end]! < to) end++
  end = Math.max(end, Math.min(heights.length, start + 1))
  const top = offsets[start] ?? 0
  const bottom = total - (end < heights.length ? offsets[end]! : total)
  return { start, end, top, bottom }
}

export interface GridWindowHost {
  readonly count: () => number
  readonly keyOf: (index: number) => string
  /** The scrolling box around the table. */
  readonly wrap: Readonly<Ref<HTMLElement | null>>
  /** Rendered rows carry data-row-key and aria-rowindex (header row = 1). */
  readonly body: Readonly<Ref<HTMLElement | null>>
}

const PHONE = '(max-width: 640px)'

/**
 * Renders only the rows of a long grid that are on screen (plus a margin): a department with 50
 * projects mounts about 15 rows instead of 50. Rows are measured once rendered; the others count
 * as the average height. On a phone the page itself scrolls (one card per row): everything renders.
 */
export function useEntryGridWindow(host: GridWindowHost) {
  const scrollTop = shallowRef(0)
  const viewport = shallowRef(0)
  const isPhone = shallowRef(typeof matchMedia === 'function' && matchMedia(PHONE).matches)
  // Measured heights by row key; `measured` changes when one of them does.
  const heightByKey = new Map<string, number>()
  const measured = shallowRef(0)

  const isWindowed = computed(() => !isPhone.value && host.count() >= WINDOW_MIN_ROWS)
  const heights = computed(() => {
    void measured.value
    const known = [...heightByKey.values()]
    const guess = known.length > 0 ? known.reduce((s, h) => s + h, 0) / known.length : ESTIMATED_ROW_HEIGHT
    return Array.from({ length: host.count() }, (_, i) => heightByKey.get(host.keyOf(i)) ?? guess)
  })
  const range = computed<RowWindow>(() => {
    const count = host.count()
    if (!isWindowed.value) return { start: 0, end: count, top: 0, bottom: 0 }
    // Before the box is laid out: as if it were as tall as the window.
    const height = viewport.value || (typeof innerHeight === 'number' ? innerHeight : 800)
    return visibleRange(heights.value, scrollTop.value, height)
  })

  function rowIndexOf(element: Element | null): number | null {
    const index = Number(element?.closest('tr')?.getAttribute('aria-rowindex'))
    return Number.isFinite(index) && index >= 2 ? index - 2 : null
  }

  function onScroll(): void {
    const wrap = host.wrap.value
    if (!wrap) return
    scrollTop.value = wrap.scrollTop
    // A focused cell about to leave the rendered rows commits first (its blur saves it).
    const active = document.activeElement
    const index = active && wrap.contains(active) ? rowIndexOf(active) : null
    if (index !== null && (index < range.value.start || index >= range.value.end)) (active as HTMLElement).blur()
  }

  /** Makes row `index` rendered (scrolling it into the middle when it was not); true when it had to. */
  function reveal(index: number): boolean {
    if (index >= range.value.start && index < range.value.end) return false
    const { offsets } = rowOffsets(heights.value)
    const height = viewport.value || innerHeight
    const top = Math.max(0, (offsets[index] ?? 0) - height / 2)
    scrollTop.value = top
    if (host.wrap.value) host.wrap.value.scrollTop = top
    return true
  }

  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(onResize) : null
  function onResize(entries: readonly ResizeObserverEntry[]): void {
    let isChanged = false
    for (const entry of entries) {
      const target = entry.target as HTMLElement
      if (target === host.wrap.value) {
        viewport.value = target.clientHeight
        continue
      }
      const key = target.dataset.rowKey
      const height = target.offsetHeight
      if (key && height > 0 && heightByKey.get(key) !== height) {
        heightByKey.set(key, height)
        isChanged = true
      }
    }
    if (isChanged) measured.value++
  }
  function observeRows(): void {
    if (!resize || !isWindowed.value) return
    resize.disconnect()
    if (host.wrap.value) resize.observe(host.wrap.value)
    for (const row of host.body.value?.querySelectorAll<HTMLElement>('tr[data-row-key]') ?? []) resize.observe(row)
  }
  const phone = typeof matchMedia === 'function' ? matchMedia(PHONE) : null
  const onPhoneChange = () => (isPhone.value = phone?.matches ?? false)
  phone?.addEventListener('change', onPhoneChange)
  onMounted(observeRows)
  onUpdated(observeRows)
  onScopeDispose(() => {
    resize?.disconnect()
    phone?.removeEventListener('change', onPhoneChange)
  })

  return { range, isWindowed, onScroll, reveal }
}
