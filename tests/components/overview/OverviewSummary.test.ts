import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import OverviewSummary from '@/components/overview/OverviewSummary.vue'
import { evaluateProject, summarizeProjects, type ProjectEvaluation } from '@/domain'
import { formatWan } from '@/domain/money'
import { hasEnteredSpending } from '@/domain/projectTable'
import { DEFAULT_THRESHOLDS, type Month, type Thresholds } from '@/domain/types'
import { DEMO_ITEMS, demoEvaluations } from '../../charts/demoFixture'

function mountSummary(evaluations: readonly ProjectEvaluation[], month: Month, thresholds: Thresholds = DEFAULT_THRESHOLDS) {
  return mount(OverviewSummary, {
    props: {
      summary: summarizeProjects(evaluations, thresholds),
      month,
      projectCount: evaluations.length,
      hasSpending: hasEnteredSpending(evaluations),
    },
  })
}

/** The demo at an as-of month, with the spending of `blank` projects (codes) removed for that month. */
function demoWithBlankMonth(month: Month, blank: readonly string[]): readonly ProjectEvaluation[] {
  return DEMO_ITEMS.map((item) => {
    const spending = blank.includes(item.project.code) ? item.spending.filter((s) => s.month !== month) : item.spending
    return evaluateProject({ ...item, spending, note: null }, month)
  })
}

const text = (wrapper: ReturnType<typeof mountSummary>, testId: string) => wrapper.find(`[data-test="${testId}"]`).text()

describe('OverviewSummary', () => {
  it('colours the 偏差 card by the spend thresholds: −10.4 at 7月 is 黄, not 红', () => {
    const wrapper = mountSummary(demoEvaluations(7), 7)
    expect(text(wrapper, 'total-deviation')).toBe('−10.4')
    expect(wrapper.find('[data-test="deviation-card"]').attributes('data-status')).toBe('yellow')
  })

  it.each([
    [{ ...DEFAULT_THRESHOLDS, yellowFrom: -12, redBelow: -20 }, 'green'],
    [{ ...DEFAULT_THRESHOLDS, yellowFrom: -3, redBelow: -8 }, 'red'],
  ] as const)('follows the thresholds set in 设置 (%o → %s)', (thresholds, status) => {
    const wrapper = mountSummary(demoEvaluations(7), 7, thresholds)
    expect(wrapper.find('[data-test="deviation-card"]').attributes('data-status')).toBe(status)
  })

  it('says nothing about coverage when every project reported the month', () => {
    const wrapper = mountSummary(demoEvaluations(7), 7)
    expect(wrapper.text()).not.toContain('按已填报')
    expect(wrapper.text()).not.toContain('尚无项目填报')
  })

  it('says the rate covers only the projects that reported when some month is blank', () => {
    const wrapper = mountSummary(demoWithBlankMonth(7, ['315-0403-JBN-QFV8']), 7)
    expect(text(wrapper, 'rate-coverage')).toBe('按已填报的 4/5 个项目计算')
    expect(text(wrapper, 'deviation-coverage')).toBe('按已填报的 4/5 个项目计算')
  })

  it('puts 执行数 on the same projects as 执行率 and says which when a month is partly reported', () => {
    const evaluations = demoWithBlankMonth(7, ['315-0403-JBN-QFV8'])
    const summary = summarizeProjects(evaluations)
    const wrapper = mountSummary(evaluations, 7)
    // The old card showed Σ of all five beside a rate of four.
    expect(text(wrapper, 'total-executed')).toBe(formatWan(summary.reportedExecuted))
    expect(text(wrapper, 'total-executed')).not.toBe(formatWan(summary.executed))
    expect(text(wrapper, 'executed-coverage')).toBe('按已填报的 4/5 个项目计算')
    const rate = (summary.reportedExecuted * 100) / summary.reportedBudget
    expect(text(wrapper, 'total-rate')).toBe(`${rate.toFixed(1)}%`)
  })

  it('shows — and 本月尚无项目填报支出 when no project reported the month, keeping earlier 执行数', () => {
    const wrapper = mountSummary(demoEvaluations(8), 8)
    expect(text(wrapper, 'total-rate')).toBe('—')
    expect(text(wrapper, 'total-deviation')).toBe('—')
    expect(text(wrapper, 'rate-coverage')).toBe('本月尚无项目填报支出')
    expect(text(wrapper, 'deviation-coverage')).toBe('本月尚无项目填报支出')
    expect(wrapper.find('[data-test="deviation-card"]').attributes('data-status')).toBe('unreported')
    expect(text(wrapper, 'total-executed')).toBe('9.75')
  })

  it('shows 执行数 as — 未填报 when nothing was entered at all (a blank is not 0)', () => {
    const evaluations = DEMO_ITEMS.map((item) => evaluateProject({ ...item, spending: [], note: null }, 7))
    const wrapper = mountSummary(evaluations, 7)
    expect(text(wrapper, 'total-executed')).toBe('—')
    expect(wrapper.find('[data-test="executed-card"]').text()).toContain('未填报')
  })

  it('still shows 0.00 when zeros were entered', () => {
    const evaluations = DEMO_ITEMS.map((item) =>
      evaluateProject({ ...item, spending: [{ projectId: item.project.id, month: 1, amount: 0 }], note: null }, 1),
    )
    expect(text(mountSummary(evaluations, 1), 'total-executed')).toBe('0.00')
  })

  it('keeps the two meanings of 未填报 apart: project spending and indicators, never added up', () => {
    const wrapper = mountSummary(demoEvaluations(7), 7)
    const card = wrapper.find('[data-test="unreported-card"]')
    expect(card.text().replace(/\s+/g, '')).toContain('0个项目7月支出')
    expect(card.text().replace(/\s+/g, '')).toContain('2个指标')
    // The old card added 0 projects and 2 indicators into one "2".
    expect(wrapper.find('[data-test="unreported-count"]').exists()).toBe(false)
    expect(text(wrapper, 'unreported-spending')).toBe('0')
    expect(text(wrapper, 'unreported-indicators')).toBe('2')
  })
})
