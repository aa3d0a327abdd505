import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import OverviewScopeBar from '@/components/overview/OverviewScopeBar.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

const departments = Array.from({ length: 200 }, (_, i) => ({ code: String(400001 + i), name: `部门${i + 1}` }))

describe('OverviewScopeBar', () => {
  it('shows the chosen year, department and month, and builds no option list before one is opened', async () => {
    const wrapper = mount(OverviewScopeBar, {
      props: { year: 2024, departmentCode: '400002', month: 7, years: [2024, 2023], departments, latestMonth: 7 },
      attachTo: document.body,
    })
    await flushPromises()
    expect(wrapper.get('[data-test="year-select"]').text()).toContain('2024年')
    expect(wrapper.get('[data-test="department-select"]').text()).toContain('部门2')
    expect(wrapper.get('[data-test="month-select"]').text()).toContain('7月底（最新）')
    // A page opening with three selects drew their 12 months, years and departments' lists too.
    expect(document.body.querySelectorAll('.el-select-dropdown__item, .el-select-dropdown__list')).toHaveLength(0)
    wrapper.unmount()
  })
})
