import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import AppReportedChanges from '@/components/app/AppReportedChanges.vue'
import AppReportedNotice from '@/components/app/AppReportedNotice.vue'
import { applyReportedRounds, buildReportedRound, evaluateProjectData, type ProjectData } from '@/domain'
import type { Month } from '@/domain/types'
import { buildProjectReportedNotice, buildReportedNotice } from '@/presenters/reportedNotice'
import { DEMO_ITEMS } from '../../charts/demoFixture'

const FLC6 = '2020/315002/315-0404-JBN-FLC6'
const META = { year: 2020, departmentCode: '315002', month: 7 as Month, revision: 2, reportedAt: '2020-08-05T02:00:00.000Z', reportedBy: '张会计' }
const round = buildReportedRound(DEMO_ITEMS, META)
const evaluate = (data: readonly ProjectData[]) => data.map((row) => evaluateProjectData(row, 7))
const thirtyWan = DEMO_ITEMS.map((row) =>
  row.project.id === FLC6 ? { ...row, project: { ...row.project, budget: { total: 30_000_000, fiscal: 30_000_000, other: null } } } : row,
)

describe('AppReportedChanges', () => {
  it('marks 报送后有变动 and shows each figure reported and current', () => {
    const wrapper = mount(AppReportedChanges, {
      props: { title: '法律援助经费', differences: [{ label: '执行率', reported: '55.0%', current: '5.5%' }] },
    })
    expect(wrapper.find('[data-test="reported-changed-tag"]').text()).toBe('报送后有变动')
    expect(wrapper.text()).toContain('法律援助经费')
    const row = wrapper.find('[data-test="reported-difference"]')
    expect(row.find('th').text()).toBe('执行率')
    expect(row.find('[data-test="reported-value"]').text()).toBe('55.0%')
    expect(row.find('[data-test="current-value"]').text()).toBe('5.5%')
  })
})

describe('AppReportedNotice', () => {
  it('says the month is shown as reported, by whom and which report, and that nothing changed', () => {
    const view = applyReportedRounds(evaluate(DEMO_ITEMS), round.notes, [round], 7)
    const wrapper = mount(AppReportedNotice, { props: { notice: buildReportedNotice(view, 7)! } })
    expect(wrapper.text()).toMatch(/7月已报送.*本页显示报送时的数据（张会计 · 2020-08-05 10:00 · 第 2 次报送）/)
    expect(wrapper.text()).toContain('报送后数据没有变动')
    expect(wrapper.find('[data-test="reported-changed-tag"]').exists()).toBe(false)
  })

  it('lists each changed project with both values, and the department totals', () => {
    const view = applyReportedRounds(evaluate(thirtyWan), thirtyWan.flatMap((r) => r.notes.filter((n) => n.month === 7)), [round], 7)
    const wrapper = mount(AppReportedNotice, { props: { notice: buildReportedNotice(view, 7)! } })
    expect(wrapper.find('[data-test="reported-notice-count"]').text()).toBe('1 个项目报送后有变动')
    const text = wrapper.text()
    expect(text).toContain('法律援助经费')
    expect(text).toMatch(/执行率\s*55\.0%\s*5\.5%/)
    expect(text).toMatch(/部门预算数\s*21\.05 万元\s*48\.05 万元/)
  })

  it('on the page of a project added after the report, says it shows today’s figures', () => {
    const notice = buildProjectReportedNotice(META, { id: 'x', name: '新项目' }, false, [])
    const wrapper = mount(AppReportedNotice, { props: { notice } })
    expect(wrapper.find('[data-test="reported-not-in-round"]').text()).toBe('本项目在报送后新增，不在7月的报送中：本页显示当前数据。')
  })
})

// The overview rows still carry the reported figures: the view's evaluations are the round's.
describe('reported evaluations', () => {
  it('are the round’s, not today’s', () => {
    const view = applyReportedRounds(evaluate(thirtyWan), [], [round], 7)
    expect(view.evaluations.find((e) => e.project.id === FLC6)?.spend.budget).toBe(3_000_000)
  })
})
