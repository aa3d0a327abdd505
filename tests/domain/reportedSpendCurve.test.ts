import { describe, expect, it } from 'vitest'
import { evaluateSpend } from '@/domain'
import type { BudgetAdjustment } from '@/domain/budgetAdjustment'
import { applyReportedSpend } from '@/domain/reportedSpendCurve'
import { buildProjectSpendCurve } from '@/domain/spendCurve'
import { makeProject, planOf, spendingOf } from './factories'

// 12.00 万元, plan 25 / 50 / 75 / 100, 1.00 万元 spent each month 1–7.
const project = makeProject('HAND-09', '社区普法宣传项目', 12_000_000, planOf(25, 50, 75, 100))
const spending = spendingOf(project, { 1: 1_000_000, 2: 1_000_000, 3: 1_000_000, 4: 1_000_000, 5: 1_000_000, 6: 1_000_000, 7: 1_000_000 })
// A 调减 of 2.00 万元 dated in 5月, recorded after 6月 was reported.
const cut: BudgetAdjustment = { projectId: project.id, date: '2020-05-20', fiscal: -2_000_000, other: 0, documentNo: '北财预〔2020〕21号', reason: '', transferGroup: null }
// What 6月 reported before the 调减: 6.00 of 12.00 万元.
const reported6 = { month: 6 as const, spend: evaluateSpend(project, spending, 6) }

describe('applyReportedSpend: a 已报送 month on the spend chart', () => {
  it('draws the reported 执行率, budget and forecast at the as-of month and keeps today’s beside it', () => {
    const today = buildProjectSpendCurve(project, spending, 6, [cut])
    expect(today.actual[6]).toBeCloseTo(60, 9)
    const shown = applyReportedSpend(today, [reported6])
    expect(shown.actual[6]).toBeCloseTo(50, 9)
    expect(shown.budget).toBe(12_000_000)
    expect(shown.forecast[12]).toBeCloseTo(100, 9) // 50 % on a 50 % plan
    expect(shown.reported).toEqual([
      { month: 6, reportedRate: reported6.spend.executionRate, currentRate: today.actual[6], reportedBudget: 12_000_000, currentBudget: 10_000_000, isChanged: true },
    ])
    // Months not reported keep today's figures.
    expect(shown.actual.slice(0, 6)).toEqual(today.actual.slice(0, 6))
  })

  it.each([
    ['a reported month before the as-of month', 7, 6, true],
    ['a reported month after the as-of month (ignored)', 5, 6, false],
  ] as const)('%s', (_label, asOf, reportedMonth, applies) => {
    const today = buildProjectSpendCurve(project, spending, asOf, [cut])
    const shown = applyReportedSpend(today, [{ month: reportedMonth, spend: evaluateSpend(project, spending, reportedMonth) }])
    if (!applies) {
      expect(shown).toBe(today)
      return
    }
    expect(shown.actual[reportedMonth]).toBeCloseTo(50, 9)
    // The as-of month is not reported: its budget, point and forecast stay today's.
    expect(shown.budget).toBe(today.budget)
    expect(shown.actual[asOf]).toBe(today.actual[asOf])
    expect(shown.forecast).toEqual(today.forecast)
  })

  it('marks a reported month unchanged when today’s figures agree', () => {
    const today = buildProjectSpendCurve(project, spending, 6)
    const shown = applyReportedSpend(today, [reported6])
    expect(shown.reported?.[0]?.isChanged).toBe(false)
    expect(shown.actual).toEqual(today.actual)
  })
})
