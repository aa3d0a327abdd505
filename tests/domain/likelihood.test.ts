/**
 * Item 9 of issue 11: a month whose figures are not entered yet never makes the suggested
 * 完成目标可能性 look better; each item keeps the suggestion of its latest known month.
 */
import { describe, expect, it } from 'vitest'
import { evaluateProject, type IndicatorValue, type Likelihood, type Month } from '@/domain'
import { DEMO_ITEMS } from '../charts/demoFixture'
import { inputOf, seedIndicator, seedSpending, spendingOf, SEED_PROJECTS, valuesOf } from './factories'

const demo = (name: string) => {
  const item = DEMO_ITEMS.find((i) => i.project.name === name)
  if (item === undefined) throw new Error(name)
  return item
}

describe('suggested likelihood with the month not entered (issue 11 item 9)', () => {
  it('法制工作专项经费, −30 points at 7月 and no 8月 spending, is not 确定能 at 8月', () => {
    const item = demo('法制工作专项经费')
    const at7 = evaluateProject({ ...item, note: null }, 7)
    const at8 = evaluateProject({ ...item, note: null }, 8)
    expect(at7.spend.deviation).toBeCloseTo(-30, 9)
    expect(at7.suggestedLikelihood).toBe('impossible')
    expect(at8.spend.isReported).toBe(false)
    expect(at8.suggestedLikelihood).toBe('impossible')
  })

  it.each<[string, Month]>(
    DEMO_ITEMS.flatMap((item) => [8, 9, 12].map((m) => [item.project.name, m as Month] as [string, Month])),
  )('%s at %i月 (nothing entered after 7月) is no better than at 7月', (name, month) => {
    const item = demo(name)
    const rank = (l: Likelihood | null) => (l === null ? -1 : ['impossible', 'possible', 'certain'].indexOf(l))
    const at7 = evaluateProject({ ...item, note: null }, 7).suggestedLikelihood
    const later = evaluateProject({ ...item, note: null }, month).suggestedLikelihood
    expect(rank(later)).toBeLessThanOrEqual(rank(at7))
    expect(later).not.toBeNull()
  })

  const sessions = seedIndicator('社区矫正经费', 0) // ≥15 次, cumulative
  it.each<[string, readonly IndicatorValue[], Likelihood]>([
    // 4 场次 by 6月 forecasts 8 of 15: impossible, and still so at 7月 with 7月 blank.
    ['a lagging count keeps its 6月 suggestion', valuesOf(sessions, { 1: 1, 3: 1, 6: 2 }), 'impossible'],
    // 8 场次 by 6月 forecasts 16 of 15; spending at 6月 (45/55 → 81.8 %) sets 有可能.
    ['an on-track count adds nothing worse', valuesOf(sessions, { 6: 8 }), 'possible'],
  ])('%s', (_label, values, likelihood) => {
    const e = evaluateProject(inputOf('社区矫正经费', { indicators: [sessions], spending: seedSpending('社区矫正经费'), values }), 7)
    expect(e.spend.isReported).toBe(false)
    expect(e.suggestedLikelihood).toBe(likelihood)
  })

  it('the month entered again decides by itself (it may improve then)', () => {
    const project = SEED_PROJECTS.社区矫正经费
    const spending = [...seedSpending('社区矫正经费'), ...spendingOf(project, { 7: 2_000_000 })]
    const e = evaluateProject(inputOf('社区矫正经费', { indicators: [], spending }), 7)
    expect(e.spend.isReported).toBe(true)
    expect(e.suggestedLikelihood).toBe('certain')
  })

  it('nothing ever entered suggests nothing', () => {
    expect(evaluateProject(inputOf('社区矫正经费', { indicators: [] }), 8).suggestedLikelihood).toBeNull()
  })
})
