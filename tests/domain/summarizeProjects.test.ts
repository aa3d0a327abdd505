import { describe, expect, it } from 'vitest'
import {
  DEFAULT_THRESHOLDS,
  evaluateProject,
  summarizeProjects,
  type Month,
  type Status,
  type Thresholds,
} from '@/domain'
import { summarizeSpend, weightedPlan } from '@/domain/departmentSummary'
import { inputOf, makeProject, planOf, SEED_PROJECTS, seedIndicator, seedSpending, spendingOf, valuesOf, type SeedProjectName } from './factories'

const NAMES = Object.keys(SEED_PROJECTS) as SeedProjectName[]

const evaluateSeed = (m: Month) => NAMES.map((name) => evaluateProject(inputOf(name, { spending: seedSpending(name) }), m))

describe('summarizeProjects', () => {
  it('totals the seed department at 7月 exactly', () => {
    const s = summarizeProjects(evaluateSeed(7))
    expect(s.budget).toBe(21_050_000) // 21.05 万元
    // 1,560,000 + 1,200,000 + 3,150,000 + 2,587,500 (社区矫正 through June) + 1,280,000
    expect(s.executed).toBe(9_777_500)
    // 社区矫正经费's July is blank: its partial sum is not a July figure, so the rate, the plan
    // and the deviation cover the four projects that reported July (15.30 万元 of budget).
    expect(s.reportedProjects).toBe(4)
    expect(s.executionRate).toBeCloseTo((7_190_000 / 15_300_000) * 100, 9)
    // Budget-weighted P(7) of those four: (3 × 56.25 + 4 × 50 + 6.3 × 58.33 + 2 × 56.25) / 15.3
    expect(s.planned).toBeCloseTo(848.75 / 15.3, 9)
    expect(s.timeProgress).toBeCloseTo(700 / 12, 9)
    expect(s.deviation).toBeCloseTo((7_190_000 / 15_300_000) * 100 - 848.75 / 15.3, 9)
    expect(s.counts).toEqual({ green: 2, yellow: 1, red: 1, unreported: 1 })
    expect(s.unreportedIndicators).toBe(15)
    expect(s.unreportedSpending).toBe(1)
    expect(s.overBudget).toBe(0)
    expect(s.mismatches).toBe(0)
  })

  it.each<[Month, number, number]>([
    [3, 3_317_500, 0],
    [10, 16_077_500, 1],
    [12, 21_210_000, 2],
  ])('at %i月 executed %i 分, %i over budget', (m, executed, overBudget) => {
    const s = summarizeProjects(evaluateSeed(m))
    expect(s.executed).toBe(executed)
    expect(s.overBudget).toBe(overBudget)
  })

  it('adds 分 without float drift', () => {
    const projects = [1, 2, 3].map((i) => makeProject(`P${i}`, `项目${i}`, 100_001, planOf(20, 50, 75, 100)))
    const evaluations = projects.map((project) =>
      evaluateProject({ project, indicators: [], spending: spendingOf(project, { 1: 10_001, 2: 20_002 }), values: [], note: null }, 2),
    )
    const s = summarizeProjects(evaluations)
    expect(s.budget).toBe(300_003)
    expect(s.executed).toBe(90_009)
    expect(Number.isInteger(s.executed)).toBe(true)
  })

  it('counts mismatches', () => {
    const values = valuesOf(seedIndicator('法律援助经费', 0), { 7: 20 })
    const e = evaluateProject(inputOf('法律援助经费', { spending: seedSpending('法律援助经费'), values }), 7)
    expect(summarizeProjects([e]).mismatches).toBe(1)
  })

  it('has no rate when nothing is entered (a blank is not 0 %)', () => {
    const s = summarizeProjects(NAMES.map((name) => evaluateProject(inputOf(name), 7)))
    expect(s.executed).toBe(0)
    expect(s.executionRate).toBeNull()
    expect(s.deviation).toBeNull()
    expect(s.unreportedSpending).toBe(5)
    expect(s.counts.unreported).toBe(5)
    expect(s.reportedProjects).toBe(0)
  })

  it('has no rate when no project reported the as-of month, even with earlier months entered', () => {
    const throughJuly = (name: SeedProjectName) => seedSpending(name).filter((row) => row.month <= 7)
    const s = summarizeProjects(NAMES.map((name) => evaluateProject(inputOf(name, { spending: throughJuly(name) }), 8)))
    expect(s.executed).toBeGreaterThan(0)
    expect(s.executionRate).toBeNull()
    expect(s.deviation).toBeNull()
    expect(s.unreportedSpending).toBe(5)
  })

  // One base per figure: the card's 执行数 beside 执行率 is over the projects that reported the month.
  it.each<[string, Month, readonly SeedProjectName[], number, number, number]>([
    // name, as-of month, projects whose month is blank, reported, Σ执行数 of reported, Σ预算数 of reported
    ['one of five blank', 7, ['社区矫正经费'], 4, 7_190_000, 15_300_000],
    ['two of five blank', 7, ['社区矫正经费', '法律援助经费'], 3, 5_630_000, 12_300_000],
    ['every project reported at 6月', 6, [], 5, 0, 21_050_000],
  ])('%s: reportedExecuted and reportedBudget are the base of 执行率', (_name, m, blank, reported, executed, budget) => {
    const spendingFor = (name: SeedProjectName) =>
      seedSpending(name).filter((row) => !(blank.includes(name) && row.month === m))
    const s = summarizeProjects(NAMES.map((name) => evaluateProject(inputOf(name, { spending: spendingFor(name) }), m)))
    expect(s.reportedProjects).toBe(reported)
    if (executed > 0) expect(s.reportedExecuted).toBe(executed)
    expect(s.reportedBudget).toBe(budget)
    expect(s.executionRate).toBeCloseTo((s.reportedExecuted * 100) / s.reportedBudget, 9)
    if (blank.length === 0) expect(s.reportedExecuted).toBe(s.executed)
    else expect(s.reportedExecuted).toBeLessThan(s.executed)
  })

  it('summarizes an empty department', () => {
    expect(summarizeProjects([])).toEqual({
      budget: 0,
      executed: 0,
      reportedExecuted: 0,
      reportedBudget: 0,
      executionRate: null,
      planned: 0,
      timeProgress: 0,
      deviation: null,
      status: 'unreported',
      reportedProjects: 0,
      counts: { green: 0, yellow: 0, red: 0, unreported: 0 },
      unreportedIndicators: 0,
      unreportedSpending: 0,
      overBudget: 0,
      mismatches: 0,
    })
  })
})

describe('the department spend status (the 偏差 card and the meeting summary slide)', () => {
  // The seed at 7月: 偏差 = 7,190,000 / 15,300,000 × 100 − 848.75 / 15.3 ≈ −8.48 个百分点.
  it.each<[string, Thresholds, Status]>([
    ['default thresholds', DEFAULT_THRESHOLDS, 'yellow'],
    ['a wider green band', { ...DEFAULT_THRESHOLDS, yellowFrom: -10, redBelow: -20 }, 'green'],
    ['a narrow yellow band', { ...DEFAULT_THRESHOLDS, yellowFrom: -3, redBelow: -8 }, 'red'],
  ])('%s → %s', (_label, thresholds, status) => {
    const s = summarizeProjects(evaluateSeed(7), thresholds)
    expect(s.deviation).toBeCloseTo((7_190_000 / 15_300_000) * 100 - 848.75 / 15.3, 9)
    expect(s.status).toBe(status)
  })

  it('is 未填报 when no project reported the month', () => {
    expect(summarizeProjects(evaluateSeed(7).map((e) => ({ ...e, spend: { ...e.spend, executionRate: null } }))).status).toBe('unreported')
  })
})

describe('summarizeSpend over a bureau', () => {
  // Budgets in 分 and plans in % with fractions, some projects not reported, some budgets 0.
  const spends = Array.from({ length: 2000 }, (_, i) => ({
    month: 7 as Month,
    budget: i % 7 === 0 ? 0 : 1_000_00 * ((i * 37) % 991) + (i % 13),
    executed: 1_000 * ((i * 53) % 877),
    isReported: i % 5 !== 0,
    executionRate: i % 5 === 0 ? null : ((i * 17) % 1000) / 7,
    planned: ((i * 29) % 1000) / 3,
    planSource: 'plan' as const,
    timeProgress: 58.33,
    deviation: null,
    status: 'green' as const,
    isOverBudget: i % 97 === 0,
    unreportedMonths: [],
    forecastRate: null,
    forecastAmount: null,
  }))

  it.each<[string, typeof spends]>([
    ['some projects reported', spends],
    ['none reported', spends.map((s) => ({ ...s, executionRate: null }))],
    ['every budget 0', spends.map((s) => ({ ...s, budget: 0 }))],
  ])('weights the plan as weightedPlan does, to the last bit (%s)', (_, list) => {
    const summary = summarizeSpend(list)
    const reported = list.filter((s) => s.executionRate !== null)
    const base = reported.length === 0 ? list : reported
    expect(summary.planned).toBe(weightedPlan(base.map((s) => s.budget), base.map((s) => s.planned)))
    expect(summary.budget).toBe(list.reduce((sum, s) => sum + s.budget, 0))
    expect(summary.reportedBudget).toBe(reported.reduce((sum, s) => sum + s.budget, 0))
    expect(summary.reportedProjects).toBe(reported.length)
    expect(summary.overBudget).toBe(list.filter((s) => s.isOverBudget).length)
  })
})
