import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import MeetingAgendaList from '@/components/meeting/MeetingAgendaList.vue'
import { buildAgenda, type AgendaEntry } from '@/domain/agenda'
import type { Status } from '@/domain/types'
import { EMPTY_AGENDA_QUERY, type AgendaListItem, type AgendaListQuery } from '@/presenters/agendaList'
import { demoAt } from '../../exporters/demoEvaluations'

const demo = demoAt(7)
const demoAgenda = buildAgenda({ evaluations: demo.evaluations, flags: [], decisions: new Map(), actions: [], month: 7, referenceDate: '2020-08-01' })

/** A bureau's agenda: `count` lagging projects over 40 departments (only what the list reads). */
function bureauAgenda(count: number): AgendaEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const status: Status = i % 4 === 0 ? 'red' : 'yellow'
    const departmentCode = String(400_001 + (i % 40))
    return { evaluation: { project: { id: `p${i}`, departmentCode, code: `C-${i}`, name: `项目${i}` }, status } } as unknown as AgendaEntry
  })
}
const NAMES = new Map(Array.from({ length: 40 }, (_, i) => [String(400_001 + i), `单位${i}`]))

function mountList(entries: readonly AgendaEntry[], query: AgendaListQuery = EMPTY_AGENDA_QUERY, page = 1) {
  const wrapper = mount(MeetingAgendaList, {
    props: {
      entries,
      departmentNames: NAMES,
      query,
      page,
      'onUpdate:query': (next: AgendaListQuery) => void wrapper.setProps({ query: next }),
      'onUpdate:page': (next: number) => void wrapper.setProps({ page: next }),
    },
    slots: { item: (item: AgendaListItem) => h('span', { 'data-test': 'agenda-item' }, `${item.rank} ${item.entry.evaluation.project.name}`) },
  })
  return wrapper
}

const itemsOf = (wrapper: ReturnType<typeof mountList>) => wrapper.findAll('[data-test="agenda-item"]')
/** Waits for the rest of the page, mounted after the first frame. */
const whole = (wrapper: ReturnType<typeof mountList>, count = 20) => vi.waitFor(() => expect(itemsOf(wrapper)).toHaveLength(count))

describe('MeetingAgendaList', () => {
  it('shows the demo’s agenda as before: every item in order, no filters, headings or pager', () => {
    const wrapper = mountList(demoAgenda.entries)
    expect(wrapper.findAll('[data-test="agenda-item"]').map((w) => w.text())).toEqual(demoAgenda.entries.map((e, i) => `${i + 1} ${e.evaluation.project.name}`))
    expect(wrapper.find('[data-test="agenda-filters"]').exists()).toBe(false)
    expect(wrapper.find('h3').exists()).toBe(false)
    expect(wrapper.find('[data-test="pager"]').exists()).toBe(false)
  })

  it('puts one page of a bureau’s 900 items in the DOM, grouped under their departments', async () => {
    const wrapper = mountList(bureauAgenda(900))
    await whole(wrapper)
    // 单位0 holds 23 of the 900 (every 40th): the whole first page, its last 3 carried on.
    expect(wrapper.findAll('h3').map((w) => w.text())).toEqual(['单位0'])
    expect(wrapper.get('[data-test="pager"]').text()).toContain('第 1 / 45 页')
    await wrapper.get('[data-test="pager-next"]').trigger('click')
    expect(wrapper.get('[data-test="pager"]').text()).toContain('第 2 / 45 页')
    expect(wrapper.findAll('h3').map((w) => w.text())).toEqual(['单位0（续）', '单位1'])
    expect(wrapper.findAll('[data-test="agenda-item"]')).toHaveLength(20)
  })

  it('filters by status, department and text, back on the first page', async () => {
    const wrapper = mountList(bureauAgenda(900), EMPTY_AGENDA_QUERY, 3)
    await wrapper.get('[data-test="agenda-filter-red"]').trigger('click')
    expect(wrapper.emitted('update:page')?.at(-1)).toEqual([1])
    expect(wrapper.text()).toContain('显示 225 / 900 个议程项目')
    await wrapper.get('[data-test="agenda-filter-department"]').setValue('400005')
    // Department 400005 holds items 4, 44, 84, …: all red (i % 4 === 0), 23 of them.
    expect(wrapper.text()).toContain('显示 23 / 900 个议程项目')
    expect(wrapper.findAll('h3')).toHaveLength(0)
    await wrapper.get('[data-test="agenda-filter-text"]').setValue('项目44')
    expect(wrapper.findAll('[data-test="agenda-item"]').map((w) => w.text())).toEqual(['45 项目44', '445 项目444'])
  })

  it.each([
    ['a bureau’s page', 900, 5, 20],
    ['a page shorter than a screenful', 3, 3, 3],
  ])('draws about a screenful of %s first, then the rest of the page', async (_, count, first, all) => {
    const wrapper = mountList(bureauAgenda(count))
    const drawnFirst = itemsOf(wrapper).map((w) => w.text())
    expect(drawnFirst).toHaveLength(first)
    // The list says whether its page is drawn whole (a short one is at once).
    expect(wrapper.get('[data-test="agenda"]').attributes('data-drawn')).toBe(first === all ? 'all' : 'first')
    // The pager counts the whole agenda from the start.
    if (count > 20) expect(wrapper.get('[data-test="pager"]').text()).toContain('第 1 / 45 页')
    await whole(wrapper, all)
    expect(wrapper.get('[data-test="agenda"]').attributes('data-drawn')).toBe('all')
    // The first items stay where they were drawn; the rest come after them.
    expect(itemsOf(wrapper).map((w) => w.text()).slice(0, first)).toEqual(drawnFirst)
  })

  it('turns a page whole once the list is drawn', async () => {
    const wrapper = mountList(bureauAgenda(900))
    await whole(wrapper)
    await wrapper.get('[data-test="pager-next"]').trigger('click')
    expect(itemsOf(wrapper)).toHaveLength(20)
  })

  it('says which projects its page shows, again after a page turn or a filter, never twice the same', async () => {
    const wrapper = mountList(bureauAgenda(900))
    const shown = () => (wrapper.emitted('shown') ?? []).map(([ids]) => ids as string[])
    // The whole page (not only its first screenful): 单位0's items, every 40th.
    expect(shown()).toEqual([Array.from({ length: 20 }, (_, i) => `p${i * 40}`)])
    await whole(wrapper)
    expect(shown()).toHaveLength(1)
    await wrapper.get('[data-test="pager-next"]').trigger('click')
    expect(shown().at(-1)).toEqual([20, 21, 22].map((i) => `p${i * 40}`).concat(Array.from({ length: 17 }, (_, i) => `p${i * 40 + 1}`)))
    await wrapper.get('[data-test="agenda-filter-text"]').setValue('项目44')
    // 项目44 and 项目440–449: the 11 matches, on one page.
    expect([...shown().at(-1)!].sort()).toEqual(['p44', 'p440', 'p441', 'p442', 'p443', 'p444', 'p445', 'p446', 'p447', 'p448', 'p449'])
  })

  it('says so when nothing matches', async () => {
    const wrapper = mountList(bureauAgenda(100), { ...EMPTY_AGENDA_QUERY, text: '没有这个' })
    expect(wrapper.find('[data-test="agenda-item"]').exists()).toBe(false)
    expect(wrapper.get('[data-test="agenda-no-match"]').text()).toBe('没有符合筛选条件的议程项目。')
  })
})
