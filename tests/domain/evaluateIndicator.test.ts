import { describe, expect, it } from 'vitest'
import { evaluateIndicator, type IndicatorValue, type Month, type Status } from '@/domain'
import {
  makeIndicator,
  manualStatusesOf,
  SEED_PROJECTS,
  seedIndicator,
  valuesOf,
  type ByMonth,
  type TargetSpec,
} from './factories'

function closeOrNull(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull()
  else expect(actual).toBeCloseTo(expected, 9)
}

describe('level indicator with a ceiling: 重新犯罪率 ≤1 % (rule 5)', () => {
  const recidivism = seedIndicator('社区矫正经费', 2)

  it.each<[number, Status, number, boolean]>([
    [0, 'green', 100, true],
    [0.5, 'green', 100, true],
    [1, 'green', 100, true],
    [1.04, 'yellow', 100 / 1.04, false],
    // Missed by exactly 5 % of V (0.05) is still yellow, despite 1.05 − 1 = 0.050000000000000044.
    [1.05, 'yellow', 100 / 1.05, false],
    [1.06, 'red', 100 / 1.06, false],
    [2, 'red', 50, false],
  ])('%s %% → %s', (value, status, completion, isMet) => {
    const e = evaluateIndicator(recidivism, valuesOf(recidivism, { 6: value }), 7)
    expect(e.status).toBe(status)
    expect(e.actual).toBe(value)
    expect(e.completion).toBeCloseTo(completion, 9)
    expect(e.isMet).toBe(isMet)
    expect(e.forecast).toBe(value)
    expect(e.expected).toBeNull()
  })
})

describe('level indicator with a floor or equality (rule 5)', () => {
  const satisfaction = seedIndicator('法律援助经费', 2) // ≥98 %
  const lawful = seedIndicator('法制工作专项经费', 0) // =100 %

  it.each<[string, number, Status]>([
    ['≥98: 99', 99, 'green'],
    ['≥98: 98', 98, 'green'],
    ['≥98: 93.1 (missed by exactly 4.9 = 5 % of 98)', 93.1, 'yellow'],
    ['≥98: 93', 93, 'red'],
    ['≥98: 50', 50, 'red'],
  ])('%s → %s', (_label, value, status) => {
    const e = evaluateIndicator(satisfaction, valuesOf(satisfaction, { 3: value }), 3)
    expect(e.status).toBe(status)
    expect(e.completion).toBeCloseTo((value / 98) * 100, 9)
  })

  it.each<[number, Status, boolean]>([
    [100, 'green', true],
    [96, 'yellow', false],
    [95, 'yellow', false],
    [94, 'red', false],
    // = means equal: above the target is a miss too (by 1, within 5 % of V).
    [101, 'yellow', false],
  ])('=100: %s → %s', (value, status, isMet) => {
    const e = evaluateIndicator(lawful, valuesOf(lawful, { 3: value }), 3)
    expect(e.status).toBe(status)
    expect(e.isMet).toBe(isMet)
  })

  it('is 未填报 without a value, never met', () => {
    const e = evaluateIndicator(satisfaction, [], 7)
    expect(e).toMatchObject({ status: 'unreported', actual: null, completion: null, isMet: null, forecast: null })
  })

  it.each<[ByMonth<number>, Month, number | null, Status]>([
    // The latest entered value stands, not the best nor the average.
    [{ 2: 99, 5: 90 }, 7, 90, 'red'],
    [{ 2: 90, 5: 99 }, 7, 99, 'green'],
    [{ 2: 90, 5: 99 }, 4, 90, 'red'],
    // A value for a month after m is ignored.
    [{ 2: 90, 8: 99 }, 7, 90, 'red'],
    [{ 8: 99 }, 7, null, 'unreported'],
  ])('values %j at %i月 → latest %s, %s', (values, m, actual, status) => {
    const e = evaluateIndicator(satisfaction, valuesOf(satisfaction, values), m)
    expect(e.actual).toBe(actual)
    expect(e.status).toBe(status)
  })

  it('uses the custom tolerance', () => {
    const e = evaluateIndicator(satisfaction, valuesOf(satisfaction, { 3: 90 }), 3, {
      yellowFrom: -5,
      redBelow: -15,
      levelTolerancePct: 10,
      mismatchPoints: 10,
    })
    expect(e.status).toBe('yellow')
  })
})

describe('cumulative indicator with ≥ target: 法律案件受理数 ≥100 件 (rule 4)', () => {
  const cases = seedIndicator('法律援助经费', 0)

  interface CumulativeCase {
    readonly label: string
    readonly values: ByMonth<number>
    readonly m: Month
    readonly actual: number | null
    readonly completion: number | null
    readonly status: Status
    readonly forecast: number | null
    readonly isMet: boolean | null
    readonly unreported: readonly Month[]
  }
  const table: readonly CumulativeCase[] = [
    // Sum 30 = 30 % vs T(3) = 25 %: +5 points.
    { label: 'ahead', values: { 1: 10, 2: 10, 3: 10 }, m: 3, actual: 30, completion: 30, status: 'green', forecast: 120, isMet: true, unreported: [] },
    // 20 % vs 25 %: exactly −5 points.
    { label: 'on the green edge', values: { 1: 5, 2: 5, 3: 10 }, m: 3, actual: 20, completion: 20, status: 'green', forecast: 80, isMet: false, unreported: [] },
    { label: 'lagging', values: { 1: 5, 2: 5, 3: 5 }, m: 3, actual: 15, completion: 15, status: 'yellow', forecast: 60, isMet: false, unreported: [] },
    { label: 'far behind', values: { 1: 2, 2: 2, 3: 2 }, m: 3, actual: 6, completion: 6, status: 'red', forecast: 24, isMet: false, unreported: [] },
    // 1..7 summed: 56 vs T(7) 58.33.
    { label: 'summed over 7 months', values: { 1: 8, 2: 8, 3: 8, 4: 8, 5: 8, 6: 8, 7: 8 }, m: 7, actual: 56, completion: 56, status: 'green', forecast: 96, isMet: false, unreported: [] },
    { label: 'a true 0 counts as reported', values: { 1: 0, 2: 0, 3: 30 }, m: 3, actual: 30, completion: 30, status: 'green', forecast: 120, isMet: true, unreported: [] },
    // The sum through February is not the sum through March.
    { label: 'as-of month blank', values: { 1: 10, 2: 10 }, m: 3, actual: 20, completion: null, status: 'unreported', forecast: null, isMet: null, unreported: [3] },
    // ...unless the known sum already reaches the target (counts never go down).
    { label: 'already reached, as-of month blank', values: { 1: 60, 2: 50 }, m: 3, actual: 110, completion: 110, status: 'green', forecast: 440, isMet: true, unreported: [3] },
    { label: 'earlier month blank', values: { 1: 10, 3: 20 }, m: 3, actual: 30, completion: 30, status: 'green', forecast: 120, isMet: true, unreported: [2] },
    { label: 'a later month is ignored', values: { 1: 10, 2: 10, 3: 10, 4: 500 }, m: 3, actual: 30, completion: 30, status: 'green', forecast: 120, isMet: true, unreported: [] },
    { label: 'nothing entered', values: {}, m: 3, actual: null, completion: null, status: 'unreported', forecast: null, isMet: null, unreported: [1, 2, 3] },
    { label: 'year end', values: { 3: 30, 6: 30, 9: 20, 12: 16 }, m: 12, actual: 96, completion: 96, status: 'green', forecast: 96, isMet: false, unreported: [1, 2, 4, 5, 7, 8, 10, 11] },
  ]

  it.each(table)('$label', (c) => {
    const e = evaluateIndicator(cases, valuesOf(cases, c.values), c.m)
    expect(e.actual).toBe(c.actual)
    closeOrNull(e.completion, c.completion)
    expect(e.status).toBe(c.status)
    closeOrNull(e.forecast, c.forecast)
    expect(e.isMet).toBe(c.isMet)
    expect(e.unreportedMonths).toEqual(c.unreported)
    expect(e.expected).toBeCloseTo((100 * c.m) / 12, 9)
  })
})

describe('cumulative indicator with a ceiling: 投诉件数 ≤3 件', () => {
  const complaints = makeIndicator(SEED_PROJECTS.社区矫正经费, 9, '投诉件数', {
    raw: '≤3件',
    operator: '<=',
    value: 3,
    unit: '件',
    kind: 'cumulative',
  })

  it.each<[string, ByMonth<number>, Month, Status, boolean | null]>([
    ['under', { 1: 1, 2: 0 }, 2, 'green', false], // forecast 6 件 > 3
    ['at the ceiling', { 1: 2, 2: 1 }, 2, 'green', false],
    ['quiet year so far', { 1: 0, 2: 0, 3: 0, 4: 1 }, 4, 'green', true],
    ['over', { 1: 2, 2: 2 }, 2, 'red', false],
    // Already over: red even though February is blank.
    ['over with as-of month blank', { 1: 4 }, 2, 'red', false],
    ['as-of month blank', { 1: 1 }, 2, 'unreported', null],
  ])('%s → %s', (_label, values, m, status, isMet) => {
    const e = evaluateIndicator(complaints, valuesOf(complaints, values), m)
    expect(e.status).toBe(status)
    expect(e.isMet).toBe(isMet)
    // A ceiling has no 完成进度 and nothing "expected by now".
    expect(e.completion).toBeNull()
    expect(e.expected).toBeNull()
  })
})

describe('qualitative indicator (rule 6)', () => {
  const quality = makeIndicator(SEED_PROJECTS.法制工作专项经费, 5, '按计划实施', {
    raw: '按计划实施',
    operator: null,
    value: null,
    unit: null,
    kind: 'qualitative',
  })
  const statuses = manualStatusesOf(quality, { 2: 'red', 5: 'green', 9: 'yellow' })

  it.each<[readonly IndicatorValue[], Month, Status, boolean | null]>([
    [statuses, 1, 'unreported', null],
    [statuses, 3, 'red', false],
    [statuses, 7, 'green', true],
    [statuses, 12, 'yellow', false],
    [[], 12, 'unreported', null],
  ])('at %#: month %i → %s', (values, m, status, isMet) => {
    const e = evaluateIndicator(quality, values, m)
    expect(e.status).toBe(status)
    expect(e.isMet).toBe(isMet)
    expect(e.completion).toBeNull()
    expect(e.forecast).toBeNull()
  })

  it('judges a numeric indicator whose target has no number by hand too', () => {
    const spec: TargetSpec = { raw: '持续提高', operator: null, value: null, unit: '%', kind: 'level' }
    const vague = makeIndicator(SEED_PROJECTS.法制工作专项经费, 6, '群众满意度', spec)
    const e = evaluateIndicator(vague, [...valuesOf(vague, { 3: 80 }), ...manualStatusesOf(vague, { 3: 'yellow' })], 3)
    expect(e.status).toBe('yellow')
    expect(e.actual).toBe(80)
  })

  it('reads a number without an operator as ≥', () => {
    const bare = makeIndicator(SEED_PROJECTS.法制工作专项经费, 7, '覆盖率', { raw: '90%', operator: null, value: 90, unit: '%', kind: 'level' })
    expect(evaluateIndicator(bare, valuesOf(bare, { 3: 95 }), 3).status).toBe('green')
    expect(evaluateIndicator(bare, valuesOf(bare, { 3: 80 }), 3).status).toBe('red')
  })
})
