import { describe, expect, it } from 'vitest'
import {
  adjustmentKindLabel,
  budgetInForce,
  checkBudgetAdjustment,
  evaluateSpend,
  findNegativeBudget,
  type BudgetAdjustment,
  type Month,
  type Project,
} from '@/domain'
import { buildProjectSpendCurve } from '@/domain/spendCurve'
import { makeProject, planOf, spendingOf } from './factories'

// 法律援助经费-like: 3.00 万元, all 财政资金.
const project: Project = makeProject('P1', '法律援助经费', 3_000_000, planOf(20, 50, 75, 100))
// A project with both sources: 5.00 = 4.00 财政 + 1.00 其他.
const mixed: Project = { ...makeProject('P2', '混合资金', 5_000_000, planOf(null, null, null, 100)), budget: { total: 5_000_000, fiscal: 4_000_000, other: 1_000_000 } }

function adjustment(date: string, fiscal: number, other = 0, of: Project = project): BudgetAdjustment {
  return { projectId: of.id, date, fiscal, other, documentNo: '北财预〔2020〕12号', reason: '', transferGroup: null }
}

describe('budgetInForce', () => {
  const cut = adjustment('2020-05-20', -1_000_000)
  const add = adjustment('2020-09-01', 500_000)
  it.each<[string, readonly BudgetAdjustment[], Month, number, number]>([
    ['no adjustment: 年初 all year', [], 12, 3_000_000, 0],
    ['a 调减 dated 5月 is not in force at 4月', [cut], 4, 3_000_000, 0],
    ['…and in force from the end of 5月', [cut], 5, 2_000_000, -1_000_000],
    ['…and after', [cut], 6, 2_000_000, -1_000_000],
    ['a later 追加 adds to it only from its month', [cut, add], 8, 2_000_000, -1_000_000],
    ['both by 9月', [cut, add], 9, 2_500_000, -500_000],
    ['another project’s adjustment is ignored', [adjustment('2020-01-10', 9_000_000, 0, mixed)], 12, 3_000_000, 0],
  ])('%s', (_, adjustments, month, total, change) => {
    const b = budgetInForce(project, adjustments, month)
    expect(b.initial.total).toBe(3_000_000)
    expect(b.inForce.total).toBe(total)
    expect(b.adjustment.total).toBe(change)
  })

  it.each<[string, readonly BudgetAdjustment[], number | null, number | null]>([
    ['其他资金 blank stays blank while nothing adjusts it', [adjustment('2020-03-01', 200_000)], 3_200_000, null],
    ['an 其他资金 追加 on a blank source starts from 0', [adjustment('2020-03-01', 0, 300_000)], 3_000_000, 300_000],
  ])('per source: %s', (_, adjustments, fiscal, other) => {
    const { inForce } = budgetInForce(project, adjustments, 12)
    expect([inForce.fiscal, inForce.other]).toEqual([fiscal, other])
    expect(inForce.total).toBe(3_000_000 + adjustments.reduce((t, a) => t + a.fiscal + a.other, 0))
  })

  it('sums each source on its own and the total of both', () => {
    const b = budgetInForce(mixed, [adjustment('2020-02-01', -500_000, 250_000, mixed), adjustment('2020-06-30', 100_000, 0, mixed)], 6)
    expect(b.inForce).toEqual({ total: 4_850_000, fiscal: 3_600_000, other: 1_250_000 })
    expect(b.adjustment).toEqual({ total: -150_000, fiscal: -400_000, other: 250_000 })
    expect(b.count).toBe(2)
  })
})

describe('checkBudgetAdjustment', () => {
  it.each<[string, readonly BudgetAdjustment[], BudgetAdjustment, Record<string, RegExp>]>([
    ['a valid 调减', [], adjustment('2020-05-20', -1_000_000), {}],
    ['dated in another year', [], adjustment('2021-01-05', -1_000), { date: /不在 2020 年度内.*2020-01-01 至 2020-12-31/ }],
    ['not a real date', [], adjustment('2020-02-30', -1_000), { date: /请填写调整日期/ }],
    ['no amount', [], adjustment('2020-05-20', 0), { fiscal: /至少一项不为 0/ }],
    ['neither 文号 nor reason', [], { ...adjustment('2020-05-20', -1_000), documentNo: ' ' }, { documentNo: /文号或调整原因/ }],
    ['a 调减 larger than the budget', [], adjustment('2020-05-20', -3_000_001), { fiscal: /5月的财政资金调整后预算数变为 -0\.01 元（小于 0）。请减少调减金额/ }],
    ['a 调减 dated before the 追加 that would cover it', [adjustment('2020-09-01', 2_000_000)], adjustment('2020-05-20', -4_000_000), { fiscal: /5月/ }],
    ['a 调减 dated after the 追加 that covers it', [adjustment('2020-03-01', 2_000_000)], adjustment('2020-05-20', -4_000_000), {}],
  ])('%s', (_, others, candidate, expected) => {
    const errors = checkBudgetAdjustment(project, others, candidate)
    expect(Object.keys(errors).sort()).toEqual(Object.keys(expected).sort())
    for (const [field, pattern] of Object.entries(expected)) expect(errors[field as keyof typeof errors]).toMatch(pattern)
  })

  it('refuses an 其他资金 调减 below 0 at its field even when the total stays positive', () => {
    const errors = checkBudgetAdjustment(mixed, [], adjustment('2020-04-01', 0, -1_500_000, mixed))
    expect(errors.other).toMatch(/其他资金调整后预算数变为 -0\.50 万元/)
    expect(errors.fiscal).toBeUndefined()
  })

  it('finds the first negative month of a set (e.g. after a 追加 is removed)', () => {
    expect(findNegativeBudget(project, [adjustment('2020-05-20', -3_500_000)])).toEqual({ month: 5, source: 'fiscal', value: -500_000 })
    expect(findNegativeBudget(project, [adjustment('2020-05-20', -3_000_000)])).toBeNull()
  })
})

describe('执行率 over the budget in force (1–m月执行数 ÷ 调整后预算数)', () => {
  const spending = spendingOf(project, { 1: 100_000, 2: 100_000, 3: 400_000, 4: 300_000, 5: 100_000, 6: 500_000 })
  const cut = [adjustment('2020-05-20', -1_000_000)]
  it.each<[Month, number, number]>([
    [4, 30, 30],
    [5, 1_000_000 / 30_000, 50],
    [6, 1_500_000 / 30_000, 75],
  ])('at %i月: %f %% of 年初, %f %% after the 5月 调减', (month, before, after) => {
    expect(evaluateSpend(project, spending, month).executionRate).toBeCloseTo(before, 9)
    const adjusted = evaluateSpend(project, spending, month, undefined, cut)
    expect(adjusted.executionRate).toBeCloseTo(after, 9)
    expect(adjusted.budget).toBe(month >= 5 ? 2_000_000 : 3_000_000)
  })

  it('超预算 and the forecast follow the budget in force', () => {
    const spent = spendingOf(project, { 1: 2_500_000 })
    expect(evaluateSpend(project, spent, 1).isOverBudget).toBe(false)
    const s = evaluateSpend(project, spent, 1, undefined, [adjustment('2020-01-31', -1_000_000)])
    expect(s.isOverBudget).toBe(true)
    expect(s.forecastRate).toBeCloseTo((125 / ((20 * 1) / 3)) * 100, 9)
  })

  it('the spend curve judges each month by its own budget in force and marks the adjustment', () => {
    const curve = buildProjectSpendCurve(project, spending, 6, cut)
    expect(curve.budget).toBe(2_000_000)
    expect(curve.actual[4]).toBeCloseTo(30, 9)
    expect(curve.actual[6]).toBeCloseTo(75, 9)
    expect(curve.adjustments).toEqual([{ month: 5, change: -1_000_000, kind: '调减', documentNo: '北财预〔2020〕12号' }])
    expect(buildProjectSpendCurve(project, spending, 4, cut).adjustments).toEqual([])
  })
})

it.each<[string, BudgetAdjustment, string]>([
  ['追加', adjustment('2020-05-20', 1), '追加'],
  ['调减', adjustment('2020-05-20', -1), '调减'],
  ['调剂 out', { ...adjustment('2020-05-20', -1), transferGroup: 't1' }, '调剂调出'],
  ['调剂 in', { ...adjustment('2020-05-20', 1), transferGroup: 't1' }, '调剂调入'],
])('adjustmentKindLabel: %s', (_, a, label) => {
  expect(adjustmentKindLabel(a)).toBe(label)
})
