import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import EntryGrid from '@/components/entry/EntryGrid.vue'
import { visibleRange, WINDOW_MIN_ROWS } from '@/composables/useEntryGridWindow'
import type { ProjectData } from '@/domain/projectData'
import { buildMonthGrid, indicatorKey, spendingKey } from '@/presenters/entryGrid'
import type { PasteTarget } from '@/presenters/entryPaste'
import { PROJECTS } from './entryFixtures'

describe('visibleRange', () => {
  const ten = Array.from({ length: 10 }, () => 100)
  it.each<[string, readonly number[], number, number, number, [number, number, number, number]]>([
    ['at the top', ten, 0, 250, 0, [0, 3, 0, 700]],
    ['scrolled into the middle', ten, 420, 250, 0, [4, 7, 400, 300]],
    ['with an overscan margin', ten, 420, 250, 100, [3, 8, 300, 200]],
    ['at the bottom', ten, 800, 250, 0, [8, 10, 800, 0]],
    ['past the end (a shrunk grid)', ten, 5000, 250, 0, [9, 10, 900, 0]],
    ['rows of different heights', [50, 300, 50, 50], 320, 40, 0, [1, 3, 50, 50]],
    ['one row', [80], 0, 250, 0, [0, 1, 0, 0]],
    ['no rows', [], 0, 250, 0, [0, 0, 0, 0]],
  ])('%s', (_, heights, scrollTop, viewport, overscan, [start, end, top, bottom]) => {
    expect(visibleRange(heights, scrollTop, viewport, overscan)).toEqual({ start, end, top, bottom })
  })
})

/** `count` copies of the fixture's project B (one count indicator), each its own project. */
function manyProjects(count: number): ProjectData[] {
  const base = PROJECTS[1]!
  return Array.from({ length: count }, (_, i) => {
    const id = `2020/315002/P${i}`
    return {
      ...base,
      project: { ...base.project, id, code: `P${i}`, name: `项目${i}` },
      indicators: base.indicators.map((indicator) => ({ ...indicator, id: `${id}#0`, projectId: id })),
    }
  })
}

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

function mountGrid(projects: readonly ProjectData[]) {
  const grid = buildMonthGrid(projects, 2020, 8, 'wan', new Set())
  wrapper = mount(EntryGrid, { props: { columns: grid.columns, rows: grid.rows, states: new Map(), rowHeader: '项目' }, attachTo: document.body })
  return wrapper
}

const rendered = (w: VueWrapper) => w.findAll('tbody tr[data-row-key]')
const focusedPos = () => (document.activeElement as HTMLElement | null)?.dataset.pos
const lastRenderedRow = (w: VueWrapper) => Number(rendered(w).at(-1)!.attributes('aria-rowindex')) - 2

async function press(w: VueWrapper, pos: string, key: string, extra: Partial<KeyboardEventInit> = {}) {
  const cell = w.get<HTMLInputElement>(`input[data-pos="${pos}"]`)
  cell.element.focus()
  await cell.trigger('keydown', { key, ...extra })
  for (let i = 0; i < 4; i++) await nextTick()
}

describe('EntryGrid: a long grid renders the rows on screen', () => {
  it.each([
    [2, false],
    [WINDOW_MIN_ROWS - 1, false],
    [WINDOW_MIN_ROWS, true],
    [200, true],
  ])('%i rows: windowed %s, and the grid states the row count either way', (count, isWindowed) => {
    const w = mountGrid(manyProjects(count))
    expect(w.get('table').attributes('aria-rowcount')).toBe(String(count + 1))
    expect(w.get('table').attributes('data-windowed')).toBe(String(isWindowed))
    const rows = rendered(w)
    expect(rows.length < count).toBe(isWindowed)
    expect(rows.length).toBeGreaterThan(0)
    // The blank space below stands for the rows not rendered.
    expect(w.findAll('tr.entry-grid-pad')).toHaveLength(isWindowed ? 1 : 0)
    expect(rows.map((r) => r.attributes('aria-rowindex'))).toEqual(rows.map((_, i) => String(i + 2)))
  })

  it.each<[string, string, Partial<KeyboardEventInit>, number]>([
    ['ArrowDown', 'ArrowDown', {}, 0],
    ['Enter', 'Enter', {}, 0],
    ['Tab from the last cell', 'Tab', {}, 3],
  ])('%s from the last rendered row reaches the next row, rendering it', async (_, key, extra, col) => {
    const w = mountGrid(manyProjects(60))
    const last = lastRenderedRow(w)
    await press(w, `${last}:${col}`, key, extra)
    expect(focusedPos()).toBe(`${last + 1}:0`)
  })

  it('moves the caret to any row (focusCell), rendering it, and back up with ArrowUp', async () => {
    const w = mountGrid(manyProjects(60))
    ;(w.vm as unknown as { focusCell: (row: number, col: number) => void }).focusCell(59, 3)
    for (let i = 0; i < 4; i++) await nextTick()
    expect(focusedPos()).toBe('59:3')
    expect(w.find('input[data-pos="0:0"]').exists()).toBe(false)
    await press(w, '59:3', 'ArrowUp')
    expect(focusedPos()).toBe('58:3')
  })

  it('pastes a block from the last rendered row onto the rows below it, rendered or not', () => {
    const projects = manyProjects(60)
    const w = mountGrid(projects)
    const last = lastRenderedRow(w)
    const event = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: unknown }
    Object.defineProperty(event, 'clipboardData', { value: { getData: () => '1\t\t\t2\n3\t\t\t4\n5\t\t\t6\n' } })
    w.get(`input[data-pos="${last}:0"]`).element.dispatchEvent(event)
    const targets = w.emitted<[PasteTarget[]]>('paste')![0]![0].filter((t) => t.key !== null)
    const id = (row: number) => projects[row]!.project.id
    expect(targets.map((t) => [t.key, t.text])).toEqual([0, 1, 2].flatMap((i) => [
      [spendingKey(id(last + i), 8), String(2 * i + 1)],
      [indicatorKey(`${id(last + i)}#0`, 8), String(2 * i + 2)],
    ]))
  })

  it('renders the rows scrolled to, and a focused cell scrolled away commits (blur) before it goes', async () => {
    const w = mountGrid(manyProjects(60))
    const cell = w.get<HTMLInputElement>('input[data-pos="0:0"]')
    cell.element.focus()
    await cell.setValue('0.5')
    const box = w.get('.entry-grid-wrap')
    Object.defineProperty(box.element, 'scrollTop', { value: 2000, configurable: true })
    await box.trigger('scroll')
    await nextTick()
    expect(w.emitted('commit')).toEqual([[spendingKey(manyProjects(1)[0]!.project.id, 8), '0.5']])
    expect(w.find('input[data-pos="0:0"]').exists()).toBe(false)
    const first = Number(rendered(w)[0]!.attributes('aria-rowindex')) - 2
    expect(first).toBeGreaterThan(0)
    expect(w.findAll('tr.entry-grid-pad')).toHaveLength(2)
  })
})

describe('EntryGrid: on a phone', () => {
  it('renders every row (one card per row, the page scrolls)', () => {
    const original = window.matchMedia
    window.matchMedia = ((query: string) => ({ matches: query.includes('max-width: 640px'), addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia
    try {
      const w = mountGrid(manyProjects(60))
      expect(w.get('table').attributes('data-windowed')).toBe('false')
      expect(rendered(w)).toHaveLength(60)
    } finally {
      window.matchMedia = original
    }
  })
})
