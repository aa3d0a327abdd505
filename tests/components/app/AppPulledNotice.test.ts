import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import AppPulledNotice from '@/components/app/AppPulledNotice.vue'
import AppReportedNotice from '@/components/app/AppReportedNotice.vue'
import { buildPulledNotice } from '@/presenters/pulledNotice'
import type { ReportedNotice } from '@/presenters/reportedNotice'

const pulled = (i: number, revision = 1) => ({
  code: `D${i}`, name: `部门${i}`,
  pulled: { year: 2026, month: 7, revision, submittedAt: '2026-08-05T02:00:00.000Z' },
})

describe('AppPulledNotice', () => {
  it.each([
    ['one department shown, pulled', [pulled(1, 3)], 'D1', /来自报送 · 第3版\s*部门1：2026年7月报送，提交于 2026-08-05 10:00。本机只读/],
    ['all departments pulled', [pulled(1), pulled(2)], null, /全部 2 个部门的数据来自报送（只读）/],
    ['some departments pulled', [pulled(1), { code: 'OWN', name: '本机部门' }], null, /2 个部门中 1 个的数据来自报送（只读）/],
  ])('%s', (_label, departments, code, expected) => {
    const notice = buildPulledNotice(departments, code)!
    expect(mount(AppPulledNotice, { props: { notice } }).text()).toMatch(expected)
  })

  it('names six departments and counts the rest', () => {
    const notice = buildPulledNotice(Array.from({ length: 100 }, (_, i) => pulled(i)), null)!
    const wrapper = mount(AppPulledNotice, { props: { notice } })
    expect(wrapper.findAll('[data-test="pulled-department"]')).toHaveLength(6)
    expect(wrapper.text()).toContain('共 100 个部门')
  })

  it('is not shown for a department of this browser’s own', () => {
    expect(buildPulledNotice([{ code: 'OWN', name: '本机部门' }], null)).toBeNull()
    expect(buildPulledNotice([pulled(1), { code: 'OWN', name: '本机部门' }], 'OWN')).toBeNull()
  })
})

describe('AppReportedNotice across many pulled departments', () => {
  it('counts the rounds instead of listing each one', () => {
    const rounds = Array.from({ length: 100 }, (_, i) => ({ departmentCode: `D${i}`, reportedBy: '王会计', reportedAt: `2026-08-0${1 + (i % 5)}T02:00:00.000Z`, revisionLabel: '' }))
    const notice = { month: 7, rounds, isChanged: false, showsCurrent: false, summary: [], changedProjects: [], added: [], removed: [] } as unknown as ReportedNotice
    const text = mount(AppReportedNotice, { props: { notice } }).text()
    expect(text).toContain('（100 个部门的报送，2026-08-01 10:00 至 2026-08-05 10:00）')
    expect(text).not.toContain('D42')
  })
})
