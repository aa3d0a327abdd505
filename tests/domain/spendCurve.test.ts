import { describe, expect, it } from 'vitest'
import { evaluateSpend, summarizeProjects, summarizeSpend } from '@/domain'
import { buildDepartmentSpendCurve, buildProjectSpendCurve } from '@/domain/spendCurve'
import { MONTHS, type Month } from '@/domain/types'
import { DEMO_BUDGETS, DEMO_CODES, DEMO_ITEMS, demoEvaluations, demoExecutedFen, demoItem, expectedPlanned } from '../charts/demoFixture'
import { makeProject, planOf, SEED_PROJECTS, spendingOf } from './factories'

describe('buildProjectSpendCurve on the demo', () => {
  it.each(DEMO_CODES.flatMap((code) => ([3, 6, 7] as const).map((m) => [code, m] as const)))(
    '%s at %i月: actual and plan equal the demo figures computed by hand',
    (code, month) => {
      const { project, spending } = demoItem(code)
      const curve = buildProjectSpendCurve(project, spending, month)
      const budget = DEMO_BUDGETS[code] ?? 0
      expect(curve.budget).toBe(budget)
      for (let k = 1; k <= month; k++) expect(curve.actual[k]).toBeCloseTo((demoExecutedFen(code, k) / budget) * 100, 9)
      for (let k = month + 1; k <= 12; k++) expect(curve.actual[k]).toBeNull()
      for (let k = 0; k <= 12; k++) expect(curve.planned[k]).toBeCloseTo(expectedPlanned(code, k), 9)
      expect(curve.timeProgress[6]).toBe(50)
    },
  )

  it.each(MONTHS.map((m) => [m] as const))('agrees with evaluateSpend at %i月 for every project, forecast included', (month) => {
    for (const { project, spending } of DEMO_ITEMS) {
      const curve = buildProjectSpendCurve(project, spending, month)
      const spend = evaluateSpend(project, spending, month)
      expect(curve.actual[month]).toBe(spend.executionRate)
      expect(curve.planned[month]).toBe(spend.planned)
      expect(curve.planSource[month]).toBe(spend.planSource)
      // The forecast continuation ends at 全年预计执行率 (rule 9); at 12月 it is the actual.
      expect(curve.forecast[12]).toBe(month === 12 ? spend.executionRate : spend.forecastRate)
      expect(curve.forecast[month]).toBe(spend.executionRate)
      for (let k = 0; k < month; k++) expect(curve.forecast[k]).toBeNull()
    }
  })

  it('keeps monthly spending per month in 分, null for 未填报 and after the as-of month', () => {
    const { project, spending } = demoItem('315-0403-JBN-QFV8')
    const curve = buildProjectSpendCurve(project, spending, 5)
    expect(curve.monthly).toEqual([0, 100_000, 200_000, 0, 200_000, null, null, null, null, null, null, null])
  })

  it('leaves a gap where a month is 未填报 (a blank is not a 0)', () => {
    const project = SEED_PROJECTS.社区矫正经费
    const curve = buildProjectSpendCurve(project, spendingOf(project, { 1: 575_000, 3: 575_000 }), 3)
    expect(curve.actual.slice(0, 4)).toEqual([0, 10, null, 20])
    expect(curve.monthly.slice(0, 3)).toEqual([575_000, null, 575_000])
  })

  it('labels the 序时 fallback and the checkpoints as the document has them', () => {
    const fallback = buildProjectSpendCurve(SEED_PROJECTS.人民调解员补贴, [], 7)
    expect(fallback.planSource.every((s) => s === 'timeProgress')).toBe(true)
    expect(fallback.checkpoints).toEqual([
      { month: 3, value: null },
      { month: 6, value: null },
      { month: 10, value: null },
      { month: 12, value: 100 },
    ])
    expect(fallback.forecast.every((v) => v === null)).toBe(true)
    const gap = buildProjectSpendCurve(makeProject('X', 'x', 1_000_000, planOf(20, null, 75, 100)), [], 6)
    expect(gap.planSource[6]).toBe('plan')
    expect(gap.planned[6]).toBeCloseTo(20 + (55 * 3) / 7, 9)
  })

  it('follows the plan shape between the as-of month and the year-end forecast', () => {
    const { project, spending } = demoItem('315-0403-JBN-QFV8')
    const curve = buildProjectSpendCurve(project, spending, 7)
    // 20 % against 50 % planned: half pace, so 40 % by year-end, 30 % at October (P = 80).
    expect(curve.forecast[12]).toBeCloseTo(40, 9)
    expect(curve.forecast[10]).toBeCloseTo(20 + 20 * ((80 - 50) / (100 - 50)), 9)
  })
})

describe('buildDepartmentSpendCurve on the demo', () => {
  it.each([1, 3, 6, 7, 9, 12] as Month[])('equals summarizeProjects at %i月 (budget, 执行率, weighted plan)', (month) => {
    const curve = buildDepartmentSpendCurve(DEMO_ITEMS, month)
    const summary = summarizeProjects(demoEvaluations(month))
    expect(curve.budget).toBe(21_050_000)
    expect(curve.budget).toBe(summary.budget)
    expect(curve.actual[month]).toBe(summary.executionRate)
    expect(curve.planned[month]).toBeCloseTo(summary.planned, 9)
  })

  it('adds monthly spending exactly and computes 执行率 from the demo text', () => {
    const curve = buildDepartmentSpendCurve(DEMO_ITEMS, 7)
    const executed = DEMO_CODES.reduce((sum, code) => sum + demoExecutedFen(code, 7), 0)
    expect(executed).toBe(9_750_000)
    expect(curve.actual[7]).toBeCloseTo((executed / 21_050_000) * 100, 9)
    expect(curve.monthly[0]).toBe(1_100_000)
  })

  it('counts per month the projects whose 执行率 it covers (those that reported the month)', () => {
    const items = DEMO_ITEMS.map((item) =>
      item.project.code === '315-0403-JBN-QFV8' ? { ...item, spending: item.spending.filter((s) => s.month !== 6) } : item,
    )
    const curve = buildDepartmentSpendCurve(items, 8)
    expect(curve.projectCount).toBe(5)
    // 年初 is 0 % for all; 6月 lacks one project; 8月 nobody has reported; after 8月 nothing is shown.
    expect(curve.reportedProjects).toEqual([5, 5, 5, 5, 5, 5, 4, 5, 0, 0, 0, 0, 0])
    expect(curve.actual[8]).toBeNull()
    const summary = summarizeProjects(demoEvaluations(8))
    expect(curve.reportedProjects[8]).toBe(summary.reportedProjects)
  })

  it('counts a single project as reported in the months it has entered', () => {
    const project = SEED_PROJECTS.社区矫正经费
    const curve = buildProjectSpendCurve(project, spendingOf(project, { 1: 575_000, 3: 575_000 }), 4)
    expect(curve.projectCount).toBe(1)
    expect(curve.reportedProjects).toEqual([1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0])
  })

  it('has no checkpoint value where no project filled the cell', () => {
    const curve = buildDepartmentSpendCurve([{ project: SEED_PROJECTS.人民调解员补贴, spending: [] }], 3)
    expect(curve.checkpoints[0]).toEqual({ month: 3, value: null })
    expect(curve.planSource[3]).toBe('timeProgress')
    expect(curve.actual[3]).toBeNull()
  })
})

describe('the curves draw the figures of evaluateSpend and summarizeSpend', () => {
  it('gives the department 执行率 and coverage of summarizeSpend at every month, one project blank at 6月', () => {
    const items = DEMO_ITEMS.map((item) =>
      item.project.code === '315-0403-JBN-QFV8' ? { ...item, spending: item.spending.filter((s) => s.month !== 6) } : item,
    )
    const curve = buildDepartmentSpendCurve(items, 7)
    for (const month of MONTHS.filter((m) => m <= 7)) {
      const summary = summarizeSpend(items.map((item) => evaluateSpend(item.project, item.spending, month)))
      expect(curve.actual[month]).toBe(summary.executionRate)
      expect(curve.reportedProjects[month]).toBe(summary.reportedProjects)
    }
    // 6月 covers the four projects that reported it: their 执行数 over their budget only.
    const reported = items.filter((item) => item.project.code !== '315-0403-JBN-QFV8')
    const executed = reported.reduce((sum, item) => sum + demoExecutedFen(item.project.code, 6), 0)
    const budget = reported.reduce((sum, item) => sum + item.project.budget.total, 0)
    expect(curve.actual[6]).toBeCloseTo((executed / budget) * 100, 9)
  })

  it('leaves a zero-budget project out of the department 执行率, as the overview does', () => {
    const empty = makeProject('ZERO', '零预算', 0, planOf(20, 50, 75, 100))
    const items = [...DEMO_ITEMS, { project: empty, spending: spendingOf(empty, { 7: 500_000 }) }]
    const curve = buildDepartmentSpendCurve(items, 7)
    const summary = summarizeSpend(items.map((item) => evaluateSpend(item.project, item.spending, 7)))
    expect(curve.actual[7]).toBe(summary.executionRate)
    expect(curve.actual[7]).toBe(buildDepartmentSpendCurve(DEMO_ITEMS, 7).actual[7])
  })

  it('ends the forecast at the actual in 12月 like evaluateSpend, also when 12月底 is planned below 100 %', () => {
    const project = makeProject('E', '年末', 1_000_000, planOf(20, 50, 75, 90))
    const spending = spendingOf(project, { 6: 500_000, 12: 400_000 })
    const curve = buildProjectSpendCurve(project, spending, 12)
    const spend = evaluateSpend(project, spending, 12)
    expect(spend.forecastRate).toBe(90)
    expect(curve.forecast[12]).toBe(spend.forecastRate)
    expect(spend.forecastAmount).toBe(spend.executed)
  })
})
