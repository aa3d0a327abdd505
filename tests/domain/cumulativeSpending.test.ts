import { describe, expect, it } from 'vitest'
import {
  coverageLabel,
  cumulativeThrough,
  previousCumulative,
  validateCumulativeSpending,
  type CumulativeContext,
  type SpendingByMonth,
} from '@/domain/cumulativeSpending'
import type { Fen, Month } from '@/domain/types'

const WAN = 1_000_000
/** Spending by month from 万元 amounts: { 1: 0.2, 3: 0.5 }. */
function months(wan: Partial<Record<Month, number>>): SpendingByMonth {
  return new Map(Object.entries(wan).map(([m, a]) => [Number(m) as Month, Math.round(a * WAN) as Fen]))
}
function context(month: Month, spending: SpendingByMonth, budget = 3 * WAN): CumulativeContext {
  return { year: 2020, month, today: { year: 2026, month: 3 }, budget, spending }
}

describe('validateCumulativeSpending: month m gets cumulative − the last reported cumulative', () => {
  it.each<[string, Month, Partial<Record<Month, number>>, string, number | null]>([
    ['first month', 1, {}, '0.20', 0.2],
    ['after a reported month', 4, { 1: 0.1, 2: 0.1, 3: 0.2 }, '0.65', 0.25],
    ['equal to the previous: nothing spent this month', 4, { 1: 0.1, 2: 0.1, 3: 0.2 }, '0.40', 0],
    ['blank months 4–5 between: the difference since 3月 goes to 6月', 6, { 1: 0.1, 2: 0.1, 3: 0.2 }, '1.00', 0.6],
    ['nothing reported before: the whole cumulative', 5, {}, '1.25', 1.25],
    ['correcting a month keeps its own amount out of the base', 3, { 1: 0.1, 2: 0.1, 3: 0.9 }, '0.50', 0.3],
    ['in 元 as typed', 2, { 1: 0.1 }, '2500元', 0.15],
  ])('%s', (_, month, spending, text, expected) => {
    const result = validateCumulativeSpending(text, 'wan', context(month, months(spending)))
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.value).toEqual(expected === null ? { kind: 'clear' } : { kind: 'money', amount: Math.round(expected * WAN) })
  })

  it('blank clears month m (未填报, not 0)', () => {
    const result = validateCumulativeSpending('', 'wan', context(4, months({ 3: 0.2, 4: 0.1 })))
    expect(result).toEqual({ ok: true, value: { kind: 'clear' }, issues: [] })
  })
})

describe('validateCumulativeSpending: refused and asked', () => {
  it.each<[string, Month, Partial<Record<Month, number>>, string, string]>([
    ['below the previous month', 4, { 1: 0.1, 2: 0.1, 3: 0.2 }, '0.30', '1–4月累计支出 0.30 万元低于 1–3月累计 0.40 万元：累计数不会减少。请核对本月累计数；如3月填错了，请先更正3月。'],
    ['below the last reported month across blanks', 7, { 2: 0.5 }, '0.49', '1–7月累计支出 0.49 万元低于 1–2月累计 0.50 万元'],
    ['not a number', 3, {}, 'abc', '不是金额'],
    ['negative', 3, {}, '-1', '不能为负数'],
  ])('%s', (_, month, spending, text, message) => {
    const result = validateCumulativeSpending(text, 'wan', context(month, months(spending)))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issue.message).toContain(message)
  })

  it('asks to confirm when the year would exceed 预算数, counting the derived amount only', () => {
    const over = validateCumulativeSpending('3.10', 'wan', context(4, months({ 3: 2 })))
    expect(over.ok && over.issues.map((i) => [i.rule, i.severity])).toEqual([['overBudget', 'confirm']])
    const within = validateCumulativeSpending('3.00', 'wan', context(4, months({ 3: 2 })))
    expect(within.ok && within.issues).toEqual([])
  })

  it('warns that later cumulatives move when an earlier month is corrected', () => {
    const result = validateCumulativeSpending('0.50', 'wan', context(3, months({ 2: 0.2, 3: 0.2, 5: 0.1 })))
    expect(result.ok && result.issues.map((i) => i.message)).toEqual(['已保存。5月已有支出，各月支出不变，其累计数随之变化，请核对。'])
  })
})

describe('cumulative figures of stored months', () => {
  const spending = months({ 1: 0.1, 3: 0.2, 6: 0.6 })
  it.each<[Month, number | null, string]>([
    [1, 0.1, ''],
    [2, null, ''],
    [3, 0.3, '含2–3月'],
    [5, null, ''],
    [6, 0.9, '含4–6月'],
  ])('%i月: cumulative %s, %s', (month, cumulative, label) => {
    expect(cumulativeThrough(spending, month)).toBe(cumulative === null ? null : Math.round(cumulative * WAN))
    expect(coverageLabel(spending, month)).toBe(label)
  })

  it('the first reported month covers the blank months before it', () => {
    expect(coverageLabel(months({ 3: 0.5 }), 3)).toBe('含1–3月')
    expect(previousCumulative(months({ 3: 0.5 }), 3)).toBeNull()
  })
})
