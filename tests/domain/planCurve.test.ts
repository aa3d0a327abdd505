import { describe, expect, it } from 'vitest'
import { buildPlanCurve, plannedProgress, planSource, timeProgress, type SpendPlan } from '@/domain'
import { planOf, SEED_PROJECTS, type SeedProjectName } from './factories'

const SAMPLE_MONTHS = [0, 1, 3, 4, 6, 7, 10, 11, 12] as const

// Rule 1, for the plans of the five seed projects; index i of each row is P(SAMPLE_MONTHS[i]).
const SEED_CURVES: readonly (readonly [SeedProjectName, readonly number[]])[] = [
  ['法律援助经费', [0, 20 / 3, 20, 30, 50, 56.25, 75, 87.5, 100]],
  ['法制工作专项经费', [0, 10 / 3, 10, 20, 40, 50, 80, 90, 100]],
  // Only 12月底 filled: the 序时进度 m/12 × 100.
  ['人民调解员补贴', [0, 100 / 12, 25, 400 / 12, 50, 700 / 12, 1000 / 12, 1100 / 12, 100]],
  ['社区矫正经费', [0, 25 / 3, 25, 35, 55, 60, 75, 87.5, 100]],
  ['依法治区及普法宣传经费', [0, 20 / 3, 20, 30, 50, 56.25, 75, 87.5, 100]],
]

const seedCases = SEED_CURVES.flatMap(([name, expected]) =>
  SAMPLE_MONTHS.map((m, i) => ({ name, m, expected: expected[i] ?? Number.NaN })),
)

describe('buildPlanCurve (rule 1)', () => {
  it.each(seedCases)('$name P($m) = $expected', ({ name, m, expected }) => {
    const curve = buildPlanCurve(SEED_PROJECTS[name].plan)
    expect(curve).toHaveLength(13)
    expect(curve[m]).toBeCloseTo(expected, 9)
    expect(plannedProgress(SEED_PROJECTS[name].plan, m)).toBeCloseTo(expected, 9)
  })

  it('lands exactly on filled checkpoints (no float drift)', () => {
    expect(buildPlanCurve(planOf(20, 50, 75, 100))).toEqual([
      0, 20 / 3, 40 / 3, 20, 30, 40, 50, 56.25, 62.5, 68.75, 75, 87.5, 100,
    ])
  })

  it.each<[string, SpendPlan, number, number]>([
    // A blank 12月底 counts as 100.
    ['blank 12月底, P(11)', planOf(20, 50, 75, null), 11, 87.5],
    ['blank 12月底, P(12)', planOf(20, 50, 75, null), 12, 100],
    ['all blank is 序时, P(6)', planOf(null, null, null, null), 6, 50],
    // A blank intermediate checkpoint is skipped: linear between its neighbours.
    ['blank 6月底, P(6) between 3 (20) and 10 (76)', planOf(20, null, 76, 100), 6, 44],
    ['blank 3月底, P(3) between 0 and 6 (30)', planOf(null, 30, 80, 100), 3, 15],
    ['blank 3/6月底, P(5) between 0 and 10 (60)', planOf(null, null, 60, 100), 5, 30],
    ['blank 10月底, P(8) between 6 (50) and 12 (100)', planOf(20, 50, null, 100), 8, 50 + 50 / 3],
    ['only 3月底 and blank 12月底, P(6)', planOf(40, null, null, null), 6, 60],
    // The filled value is a point even when only 12月底 is filled with less than 100.
    ['only 12月底 = 90, P(6)', planOf(null, null, null, 90), 6, 45],
    ['front-loaded plan can pass 100 % of time', planOf(60, 90, 100, 100), 11, 100],
  ])('%s', (_label, plan, m, expected) => {
    expect(plannedProgress(plan, m)).toBeCloseTo(expected, 9)
  })

  it.each([-1, 13, 2.5])('rejects month %s', (m) => {
    expect(() => plannedProgress(planOf(20, 50, 75, 100), m)).toThrow(RangeError)
  })
})

describe('timeProgress (rule 2)', () => {
  it.each([
    [0, 0],
    [1, 100 / 12],
    [3, 25],
    [6, 50],
    [7, 700 / 12],
    [12, 100],
  ])('T(%i) = %d', (m, expected) => {
    expect(timeProgress(m)).toBeCloseTo(expected, 9)
  })
})

describe('planSource', () => {
  it.each<[string, SpendPlan, number, 'plan' | 'timeProgress']>([
    ['人民调解员补贴 (only 12月底 = 100)', SEED_PROJECTS.人民调解员补贴.plan, 7, 'timeProgress'],
    ['all blank', planOf(null, null, null, null), 0, 'timeProgress'],
    ['all blank', planOf(null, null, null, null), 12, 'timeProgress'],
    ['法律援助经费', SEED_PROJECTS.法律援助经费.plan, 1, 'plan'],
    ['法律援助经费', SEED_PROJECTS.法律援助经费.plan, 12, 'plan'],
    ['only 10月底 filled, before it', planOf(null, null, 80, 100), 2, 'plan'],
    ['only 3月底 filled, after it', planOf(40, null, null, null), 11, 'plan'],
    ['only 12月底 = 90', planOf(null, null, null, 90), 6, 'plan'],
  ])('%s at month %i → %s', (_label, plan, m, expected) => {
    expect(planSource(plan, m)).toBe(expected)
  })
})
