import { mount, RouterLinkStub } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { StatusCell, StatusListing } from '@/api/types'
import BureauStatusTable from '@/components/bureau/BureauStatusTable.vue'

const cell = (month: number, patch: Partial<StatusCell> = {}): StatusCell => ({
  month, state: 'not_submitted', label: '未报送', submissionId: null, revision: null, isLate: false, unclosedInquiries: 0, ...patch,
})
const LISTING: StatusListing = {
  year: 2020,
  today: '2020-08-12',
  deadlines: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, deadline: i + 1 === 7 ? '2020-08-10' : null })),
  departments: [
    { code: '315002', name: '司法局', months: Array.from({ length: 12 }, (_, i) => cell(i + 1, i + 1 === 7 ? { state: 'returned', label: '已退回', submissionId: 4, revision: 2, isLate: true, unclosedInquiries: 1 } : {})) },
    { code: '316001', name: '教育局', months: Array.from({ length: 12 }, (_, i) => cell(i + 1, i + 1 === 7 ? { state: 'overdue', label: '逾期未报' } : {})) },
  ],
}

describe('BureauStatusTable', () => {
  const wrapper = mount(BureauStatusTable, { props: { listing: LISTING }, global: { stubs: { RouterLink: RouterLinkStub } } })

  it('shows each department × month with its state; a submitted round links to its review', () => {
    const returned = wrapper.get('[data-test="status-315002-7"]')
    expect(returned.text().replace(/\s+/g, ' ')).toBe('已退回 第2版 逾期报送 问询 1')
    expect(returned.getComponent(RouterLinkStub).props('to')).toBe('/bureau/submission/4')
    expect(wrapper.get('[data-test="status-315002-8"]').text()).toBe('—')
  })

  it('marks 逾期未报 after the round deadline, and shows the deadline in the month header', () => {
    const overdue = wrapper.get('[data-test="status-316001-7"]')
    expect(overdue.text()).toBe('逾期未报')
    expect(overdue.classes()).toContain('is-overdue')
    expect(overdue.find('a').exists()).toBe(false)
    expect(wrapper.findAll('thead th')[7]?.text()).toBe('7月 截止 08-10')
  })
})
