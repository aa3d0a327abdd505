import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import EntryGrid from '@/components/entry/EntryGrid.vue'
import { buildMonthGrid, indicatorKey, spendingKey, type EntryCellState } from '@/presenters/entryGrid'
import type { PasteTarget } from '@/presenters/entryPaste'
import { PROJECTS } from './entryFixtures'

const A = PROJECTS[0]!.project.id
const B = PROJECTS[1]!.project.id
let wrapper: VueWrapper | null = null

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

function mountGrid(states: ReadonlyMap<string, EntryCellState> = new Map(), locked: ReadonlySet<1 | 8> = new Set()) {
  const grid = buildMonthGrid(PROJECTS, 2020, 8, 'wan', locked)
  wrapper = mount(EntryGrid, {
    props: { columns: grid.columns, rows: grid.rows, states, rowHeader: '项目' },
    attachTo: document.body,
  })
  return wrapper
}

const input = (w: VueWrapper, pos: string) => w.get<HTMLInputElement>(`input[data-pos="${pos}"]`)
const focusedPos = () => (document.activeElement as HTMLElement | null)?.dataset.pos

async function press(w: VueWrapper, pos: string, key: string, extra: Partial<KeyboardEventInit> = {}) {
  const cell = input(w, pos)
  cell.element.focus()
  await cell.trigger('keydown', { key, ...extra })
  await nextTick()
  await nextTick()
}

describe('EntryGrid: what it shows', () => {
  it('shows the month spending, 执行数 and 执行率, and one cell per indicator with its running total or target', () => {
    const w = mountGrid()
    const first = w.get('tbody tr')
    expect(input(w, '0:0').element.value).toBe('0.25')
    expect(first.get('[data-test="executed"]').text()).toBe('0.55')
    expect(first.get('[data-test="rate"]').text()).toBe('18.3%')
    // 8月 is blank: the total says it runs to 7月 (a blank is not 0).
    expect(first.text()).toContain('累计 9（至7月） / ≥100件')
    expect(first.text()).toContain('目标 ≥95%')
    expect(input(w, '0:3').element.placeholder).toBe('未填报')
    // B has one indicator: its 2nd and 3rd indicator cells do not exist.
    expect(w.findAll('tbody tr')[1]!.findAll('input[data-test="cell"]')).toHaveLength(2)
  })

  it('shows a refused value with its message and keeps the user text', () => {
    const states = new Map<string, EntryCellState>([
      [indicatorKey(`${A}#0`, 8), { draft: '3.5', message: '「3.5」不是整数。', severity: 'error', phase: null }],
    ])
    const w = mountGrid(states)
    expect(input(w, '0:3').element.value).toBe('3.5')
    expect(input(w, '0:3').attributes('data-state')).toBe('error')
    expect(w.get('[data-test="cell-message"]').text()).toBe('「3.5」不是整数。')
  })

  it('names each input by project, month and column for screen readers (not by its internal key)', () => {
    const w = mountGrid()
    expect(input(w, '0:0').attributes('aria-label')).toBe('法律援助经费 · 8月支出')
    expect(input(w, '0:3').attributes('aria-label')).toBe('法律援助经费 · 8月「法律案件受理数」')
  })

  it('can put the caret in the first cell (after the name dialog closes)', () => {
    const w = mountGrid()
    ;(w.vm as unknown as { focusFirst: () => void }).focusFirst()
    expect(focusedPos()).toBe('0:0')
  })

  it('keeps a clicked cell’s value selected, so typing replaces it; a second click places the caret', () => {
    const w = mountGrid()
    const cell = input(w, '0:0')
    const click = () => {
      cell.element.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }))
      cell.element.focus()
      const up = new MouseEvent('mouseup', { bubbles: true, cancelable: true })
      cell.element.dispatchEvent(up)
      return up
    }
    // The mouseup of the click that focused it would put the caret where it landed.
    expect(click().defaultPrevented).toBe(true)
    expect([cell.element.selectionStart, cell.element.selectionEnd]).toEqual([0, cell.element.value.length])
    expect(click().defaultPrevented).toBe(false)
  })

  it('makes the cells of a locked month read-only', () => {
    const w = mountGrid(new Map(), new Set([8]))
    expect(input(w, '0:0').attributes('readonly')).toBeDefined()
  })
})

describe('EntryGrid: keyboard', () => {
  it.each<[string, string, Partial<KeyboardEventInit>, string]>([
    ['0:0', 'Tab', {}, '0:3'],
    ['0:3', 'Tab', { shiftKey: true }, '0:0'],
    ['0:5', 'Tab', {}, '1:0'],
    ['1:0', 'Tab', { shiftKey: true }, '0:5'],
    ['0:0', 'Enter', {}, '1:0'],
    ['1:0', 'Enter', { shiftKey: true }, '0:0'],
    ['0:3', 'ArrowDown', {}, '1:3'],
    ['1:3', 'ArrowUp', {}, '0:3'],
    ['0:0', 'ArrowRight', {}, '0:3'],
    ['0:3', 'ArrowLeft', {}, '0:0'],
  ])('from %s, %s %o moves to %s (skipping 执行数 and 执行率)', async (from, key, extra, to) => {
    const w = mountGrid()
    await press(w, from, key, extra)
    expect(focusedPos()).toBe(to)
  })

  it('does not move down from a column the next row lacks, it goes on to a row that has it', async () => {
    const w = mountGrid()
    await press(w, '0:4', 'ArrowDown')
    expect(focusedPos()).toBe('0:4')
  })

  it('commits typed text on Enter and on Tab, once', async () => {
    const w = mountGrid()
    const cell = input(w, '0:0')
    cell.element.focus()
    await cell.setValue('0.4')
    await cell.trigger('keydown', { key: 'Enter' })
    await cell.trigger('blur')
    const second = input(w, '1:0')
    await second.setValue('1,000元')
    await second.trigger('keydown', { key: 'Tab' })
    expect(w.emitted('commit')).toEqual([
      [spendingKey(A, 8), '0.4'],
      [spendingKey(B, 8), '1,000元'],
    ])
  })

  it('commits on blur and does not commit an unchanged cell', async () => {
    const w = mountGrid()
    await input(w, '0:3').trigger('blur')
    await input(w, '0:3').setValue('12')
    await input(w, '0:3').trigger('blur')
    expect(w.emitted('commit')).toEqual([[indicatorKey(`${A}#0`, 8), '12']])
  })

  it('Escape cancels the edit: the stored value is back and nothing is committed', async () => {
    const w = mountGrid()
    const cell = input(w, '0:0')
    await cell.setValue('999')
    await cell.trigger('keydown', { key: 'Escape' })
    await cell.trigger('blur')
    expect(cell.element.value).toBe('0.25')
    expect(w.emitted('commit')).toBeUndefined()
    expect(w.emitted('cancel')).toEqual([[spendingKey(A, 8)]])
  })

  it('Ctrl+Z with nothing typed asks to undo; while typing it is left to the input', async () => {
    const w = mountGrid()
    await press(w, '0:0', 'z', { ctrlKey: true })
    expect(w.emitted('undo')).toHaveLength(1)
    await input(w, '0:0').setValue('5')
    await input(w, '0:0').trigger('keydown', { key: 'z', ctrlKey: true })
    expect(w.emitted('undo')).toHaveLength(1)
  })

  it('the status picker commits a status by click', async () => {
    const w = mountGrid()
    const red = w.findAll('tbody tr')[0]!.findAll('.entry-cell-choices button').find((b) => b.text() === '红')
    await red!.trigger('click')
    expect(w.emitted('commit')).toEqual([[indicatorKey(`${A}#2`, 8), '红']])
  })
})

describe('EntryGrid: paste', () => {
  function pasteInto(w: VueWrapper, pos: string, text: string) {
    const event = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: unknown }
    Object.defineProperty(event, 'clipboardData', { value: { getData: () => text } })
    input(w, pos).element.dispatchEvent(event)
    return event
  }

  it('maps a tab-separated block from the focused cell onto the columns as shown, skipping figures and blanks', () => {
    const w = mountGrid()
    const event = pasteInto(w, '0:0', '0.5\t\t\t12\n0.6\t3.00\t50%\t7\r\n')
    expect(event.defaultPrevented).toBe(true)
    const targets = w.emitted<[PasteTarget[]]>('paste')![0]![0]
    expect(targets.map((t) => [t.key, t.text, t.skip])).toEqual([
      [spendingKey(A, 8), '0.5', undefined],
      [null, '', 'blank'],
      [null, '', 'blank'],
      [indicatorKey(`${A}#0`, 8), '12', undefined],
      [spendingKey(B, 8), '0.6', undefined],
      [null, '3.00', 'figure'],
      [null, '50%', 'figure'],
      [indicatorKey(`${B}#0`, 8), '7', undefined],
    ])
  })

  it('says why values falling outside the grid or on a missing indicator cannot land', () => {
    const w = mountGrid()
    pasteInto(w, '0:4', '96\t绿\t9\n90\t红\n1\n')
    const targets = w.emitted<[PasteTarget[]]>('paste')![0]![0]
    expect(targets.filter((t) => t.key === null).map((t) => [t.text, t.reason])).toEqual([
      ['9', '超出表格：右边没有更多可填的列了。'],
      ['90', '「普法宣传经费」没有指标 2。'],
      ['红', '「普法宣传经费」没有指标 3。'],
      ['1', '超出表格：下面没有更多的行了。'],
    ])
  })

  it('leaves a single value to the input, dropping the line break Excel adds', async () => {
    const w = mountGrid()
    const event = pasteInto(w, '0:0', '0.75\r\n')
    await nextTick()
    expect(event.defaultPrevented).toBe(true)
    expect(input(w, '0:0').element.value).toBe('0.75')
    expect(w.emitted('paste')).toBeUndefined()
  })
})

describe('EntryGrid: first focus', () => {
  it('puts the caret in the first cell once the rows arrive when asked before they did (name dialog closed while loading)', async () => {
    const grid = buildMonthGrid(PROJECTS, 2020, 8, 'wan', new Set())
    wrapper = mount(EntryGrid, {
      props: { columns: grid.columns, rows: [], states: new Map(), rowHeader: '项目' },
      attachTo: document.body,
    })
    ;(wrapper.vm as unknown as { focusFirst(): void }).focusFirst()
    await wrapper.setProps({ rows: grid.rows })
    await nextTick()
    expect(focusedPos()).toBe('0:0')
  })

  it('does not take the caret back once the user has put it elsewhere', async () => {
    const grid = buildMonthGrid(PROJECTS, 2020, 8, 'wan', new Set())
    const outside = document.createElement('button')
    document.body.append(outside)
    wrapper = mount(EntryGrid, {
      props: { columns: grid.columns, rows: [], states: new Map(), rowHeader: '项目' },
      attachTo: document.body,
    })
    ;(wrapper.vm as unknown as { focusFirst(): void }).focusFirst()
    outside.focus()
    await wrapper.setProps({ rows: grid.rows })
    await nextTick()
    expect(document.activeElement).toBe(outside)
    outside.remove()
  })
})
