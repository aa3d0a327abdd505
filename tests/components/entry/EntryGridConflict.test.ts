import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import EntryGrid from '@/components/entry/EntryGrid.vue'
import type { ProjectData } from '@/domain/projectData'
import type { Fen } from '@/domain/types'
import { buildMonthGrid, spendingKey } from '@/presenters/entryGrid'
import { PROJECTS } from './entryFixtures'

const A = PROJECTS[0]!.project.id
let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

/** The grid with project A's 8月 spending as stored (another tab may have changed it). */
function gridWith(august: Fen) {
  const a = PROJECTS[0]!
  const projects: ProjectData[] = [{ ...a, spending: [...a.spending.filter((s) => s.month !== 8), { projectId: A, month: 8, amount: august }] }, PROJECTS[1]!]
  const grid = buildMonthGrid(projects, 2020, 8, 'wan', new Set())
  return { columns: grid.columns, rows: grid.rows }
}

async function typeThenOtherTabSaves(): Promise<VueWrapper> {
  wrapper = mount(EntryGrid, { props: { ...gridWith(250_000), states: new Map(), rowHeader: '项目' }, attachTo: document.body })
  const cell = wrapper.get<HTMLInputElement>('input[data-pos="0:0"]')
  cell.element.focus()
  await cell.setValue('0.44')
  // Another tab stores 0.55: the live query hands the grid new rows.
  await wrapper.setProps(gridWith(550_000))
  await nextTick()
  return wrapper
}

describe('EntryGrid: a cell changed in another tab while being edited', () => {
  it('shows the stored value and asks before overwriting it, the safe answer focused', async () => {
    const w = await typeThenOtherTabSaves()
    expect(w.get<HTMLInputElement>('input[data-pos="0:0"]').element.value).toBe('0.55')
    expect(w.get('[data-test="cell-conflict"]').text()).toContain('另一窗口已将此格改为 0.55，是否用 0.44 覆盖？')
    expect(document.activeElement?.getAttribute('data-test')).toBe('conflict-keep')
    expect(w.emitted('commit')).toBeUndefined()
  })

  it('Enter (on the focused 保留) keeps the other tab value; nothing is stored over it', async () => {
    const w = await typeThenOtherTabSaves()
    await w.get('[data-test="conflict-keep"]').trigger('click')
    expect(w.find('[data-test="cell-conflict"]').exists()).toBe(false)
    expect(document.activeElement?.getAttribute('data-pos')).toBe('0:0')
    // Enter in the input now moves on without a commit: the text is the stored value.
    await w.get('input[data-pos="0:0"]').trigger('keydown', { key: 'Enter' })
    expect(w.emitted('commit')).toBeUndefined()
  })

  it('覆盖 stores the typed value after all', async () => {
    const w = await typeThenOtherTabSaves()
    await w.get('[data-test="conflict-overwrite"]').trigger('click')
    expect(w.emitted('commit')).toEqual([[spendingKey(A, 8), '0.44']])
  })

  it('Esc keeps the stored value', async () => {
    const w = await typeThenOtherTabSaves()
    await w.get('[data-test="cell-conflict"]').trigger('keydown', { key: 'Escape' })
    expect(w.find('[data-test="cell-conflict"]').exists()).toBe(false)
    expect(w.emitted('commit')).toBeUndefined()
  })

  it('asks nothing when the other tab stored what was typed, or when the cell was not being edited', async () => {
    wrapper = mount(EntryGrid, { props: { ...gridWith(250_000), states: new Map(), rowHeader: '项目' }, attachTo: document.body })
    const cell = wrapper.get<HTMLInputElement>('input[data-pos="0:0"]')
    await cell.setValue('0.55')
    await wrapper.setProps(gridWith(550_000))
    expect(wrapper.find('[data-test="cell-conflict"]').exists()).toBe(false)
    await wrapper.setProps(gridWith(660_000))
    expect(cell.element.value).toBe('0.66')
    expect(wrapper.find('[data-test="cell-conflict"]').exists()).toBe(false)
  })
})
