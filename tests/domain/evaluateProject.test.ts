import { describe, expect, it } from 'vitest'
import {
  evaluateProject,
  formatMonths,
  likelihoodFromAttainment,
  LIKELIHOOD_THRESHOLDS,
  suggestIndicatorLikelihood,
  type IndicatorValue,
  type Likelihood,
  type Month,
  type MonthlySpending,
  type Status,
} from '@/domain'
import {
  inputOf,
  makeIndicator,
  manualStatusesOf,
  noteOf,
  SEED_INDICATORS,
  SEED_PROJECTS,
  seedIndicator,
  seedSpending,
  spendingOf,
  valuesOf,
} from './factories'

const legalAid = SEED_PROJECTS.法律援助经费
const caseCount = seedIndicator('法律援助经费', 0) // ≥100 件, cumulative
const coverage = seedIndicator('法律援助经费', 1) // ≥98 %, level
const satisfaction = seedIndicator('法律援助经费', 2) // ≥98 %, level

/** 法律援助经费 levels both at 98 % (met) through month m. */
const levelsMet = (m: Month): readonly IndicatorValue[] => [...valuesOf(coverage, { [m]: 98 }), ...valuesOf(satisfaction, { [m]: 99 })]

describe('project status (rule 7)', () => {
  it('a level indicator without a value is missing, not red', () => {
    const e = evaluateProject(
      inputOf('法律援助经费', {
        spending: seedSpending('法律援助经费'),
        values: [...valuesOf(caseCount, { 1: 8, 2: 8, 3: 8, 4: 8, 5: 8, 6: 8, 7: 8 }), ...valuesOf(coverage, { 6: 98 })],
      }),
      7,
    )
    expect(e.indicators.map((i) => i.status)).toEqual(['green', 'green', 'unreported'])
    expect(e.status).toBe('green')
    expect(e.missing).toEqual(['法律顾问受理案件率'])
  })

  it.each<[string, readonly IndicatorValue[], Status]>([
    ['spend green, all indicators green', [...valuesOf(caseCount, { 7: 56 }), ...levelsMet(7)], 'green'],
    ['one level indicator yellow', [...valuesOf(caseCount, { 7: 56 }), ...valuesOf(coverage, { 7: 95 }), ...valuesOf(satisfaction, { 7: 99 })], 'yellow'],
    ['one level indicator red', [...valuesOf(caseCount, { 7: 56 }), ...valuesOf(coverage, { 7: 50 }), ...valuesOf(satisfaction, { 7: 99 })], 'red'],
    ['case count lagging (20 vs 58.33 %)', [...valuesOf(caseCount, { 7: 20 }), ...levelsMet(7)], 'red'],
  ])('worst of spend and indicators: %s → %s', (_label, values, status) => {
    const e = evaluateProject(inputOf('法律援助经费', { spending: seedSpending('法律援助经费'), values }), 7)
    expect(e.status).toBe(status)
  })

  it('is 未填报 only when nothing is reported', () => {
    const e = evaluateProject(inputOf('法律援助经费'), 7)
    expect(e.status).toBe('unreported')
    expect(e.missing).toEqual(['1–7月支出', '法律案件受理数（1–7月）', '扩大法律援助覆盖面', '法律顾问受理案件率'])
    expect(e.suggestedLikelihood).toBeNull()
  })

  it.each<[string, Likelihood | null, Month, Status]>([
    // 法制工作专项经费 at 10月 is green on spending, at 6月 red.
    ['完全不可能 makes a green project red', 'impossible', 10, 'red'],
    ['有可能 makes a green project yellow', 'possible', 10, 'yellow'],
    ['有可能 leaves a red project red', 'possible', 6, 'red'],
    ['确定能 leaves it green', 'certain', 10, 'green'],
    ['确定能 does not hide red', 'certain', 6, 'red'],
    ['no likelihood', null, 10, 'green'],
  ])('%s', (_label, likelihood, m, status) => {
    const project = SEED_PROJECTS.法制工作专项经费
    const e = evaluateProject(inputOf('法制工作专项经费', { spending: seedSpending('法制工作专项经费'), note: noteOf(project, m, likelihood) }), m)
    expect(e.status).toBe(status)
    expect(e.likelihood).toBe(likelihood)
  })

  it('有可能 on a project with nothing reported is yellow: the user judged it at risk', () => {
    const e = evaluateProject(inputOf('法律援助经费', { note: noteOf(legalAid, 7, 'possible') }), 7)
    expect(e.status).toBe('yellow')
  })

  it('ignores a note of another monitoring round', () => {
    const project = SEED_PROJECTS.法制工作专项经费
    const e = evaluateProject(inputOf('法制工作专项经费', { spending: seedSpending('法制工作专项经费'), note: noteOf(project, 7, 'impossible') }), 10)
    expect(e.likelihood).toBeNull()
    expect(e.status).toBe('green')
  })

  it('keeps the indicators in source order', () => {
    const shuffled = [...SEED_INDICATORS.社区矫正经费].reverse()
    const e = evaluateProject(inputOf('社区矫正经费', { indicators: shuffled }), 3)
    expect(e.indicators.map((i) => i.indicator.order)).toEqual([0, 1, 2])
  })
})

describe('missing labels', () => {
  it.each<[readonly Month[], string]>([
    [[3], '3月'],
    [[1, 2, 3, 4, 5, 6, 7], '1–7月'],
    [[2, 5], '2、5月'],
    [[1, 2, 3, 5, 7, 8], '1–3、5、7–8月'],
    [[5, 1, 2], '1–2、5月'],
  ])('%j → %s', (months, label) => {
    expect(formatMonths(months)).toBe(label)
  })

  it('names the blank months of spending and of each cumulative indicator', () => {
    const spending: readonly MonthlySpending[] = spendingOf(legalAid, { 1: 100_000, 3: 100_000, 4: 100_000, 6: 100_000 })
    const values = [...valuesOf(caseCount, { 1: 5, 2: 5, 3: 5, 4: 5, 6: 5 }), ...levelsMet(6)]
    const e = evaluateProject(inputOf('法律援助经费', { spending, values }), 6)
    expect(e.missing).toEqual(['2、5月支出', '法律案件受理数（5月）'])
  })
})

describe('双监控 mismatch (rule 8)', () => {
  // 法律援助经费 at 7月: 执行率 52 %.
  it.each<[number, number, boolean]>([
    [30, 30, true], // 22 points apart
    [42, 42, false], // exactly 10 points: not more than 10
    [41, 41, true],
    [45, 45, false],
    [63, 63, true], // indicators ahead of spending count too
  ])('case count %i → completion %i %% → mismatch %s', (count, completion, isMismatch) => {
    const values = [...valuesOf(caseCount, { 7: count }), ...levelsMet(7)]
    const e = evaluateProject(inputOf('法律援助经费', { spending: seedSpending('法律援助经费'), values }), 7)
    expect(e.spend.executionRate).toBe(52)
    // Level indicators (98 %) are not progress and stay out of the average.
    expect(e.averageCompletion).toBe(completion)
    expect(e.isMismatch).toBe(isMismatch)
  })

  it('averages the completion of several cumulative indicators', () => {
    const project = SEED_PROJECTS.人民调解员补贴
    const training = makeIndicator(project, 3, '调解员培训场次', { raw: '≥10次', operator: '>=', value: 10, unit: '次', kind: 'cumulative' })
    const indicators = [...SEED_INDICATORS.人民调解员补贴, training]
    const values = [...valuesOf(seedIndicator('人民调解员补贴', 0), { 6: 30 }), ...valuesOf(training, { 6: 5 })]
    const e = evaluateProject(inputOf('人民调解员补贴', { indicators, spending: seedSpending('人民调解员补贴'), values }), 6)
    expect(e.averageCompletion).toBe(40) // (30 % + 50 %) / 2, against 执行率 50 %
    expect(e.isMismatch).toBe(false)
  })

  it.each<[string, Month]>([
    ['no cumulative indicator (法制工作专项经费)', 7],
    ['no spending reported', 7],
  ])('is never flagged with %s', (_label, m) => {
    const e = evaluateProject(inputOf('法制工作专项经费', { values: valuesOf(seedIndicator('法制工作专项经费', 0), { 7: 100 }) }), m)
    expect(e.averageCompletion).toBeNull()
    expect(e.isMismatch).toBe(false)
  })

  it('uses the custom mismatch threshold', () => {
    const values = [...valuesOf(caseCount, { 7: 45 }), ...levelsMet(7)]
    const e = evaluateProject(inputOf('法律援助经费', { spending: seedSpending('法律援助经费'), values }), 7, {
      yellowFrom: -5,
      redBelow: -15,
      levelTolerancePct: 5,
      mismatchPoints: 5,
    })
    expect(e.isMismatch).toBe(true)
  })
})

describe('suggested 完成目标可能性 (rule 9)', () => {
  it.each<[number, Likelihood]>([
    [120, 'certain'],
    [LIKELIHOOD_THRESHOLDS.certainFrom, 'certain'],
    [94.99, 'possible'],
    [LIKELIHOOD_THRESHOLDS.possibleFrom, 'possible'],
    [79.99, 'impossible'],
    [0, 'impossible'],
  ])('attainment %s %% → %s', (attainment, likelihood) => {
    expect(likelihoodFromAttainment(attainment)).toBe(likelihood)
  })

  const correction = SEED_INDICATORS.社区矫正经费
  const sessions = seedIndicator('社区矫正经费', 0) // ≥15 次, cumulative
  const training = seedIndicator('社区矫正经费', 1) // ≥95 %, level
  const recidivism = seedIndicator('社区矫正经费', 2) // ≤1 %, level

  it.each<[string, Month, readonly IndicatorValue[], Likelihood | null]>([
    ['on plan everywhere (spend 100 %, 15 场次 pace, levels met)', 10, [...valuesOf(sessions, { 10: 13 }), ...valuesOf(training, { 10: 96 }), ...valuesOf(recidivism, { 10: 0 })], 'certain'],
    // Spending at 10月 forecasts 100 %, but 8 场次 by October forecasts 9.6 of 15 (64 %).
    ['sessions far behind', 10, [...valuesOf(sessions, { 10: 8 }), ...valuesOf(training, { 10: 96 })], 'impossible'],
    // 11 场次 by October forecasts 13.2 of 15 (88 %).
    ['sessions a little behind', 10, [...valuesOf(sessions, { 10: 11 }), ...valuesOf(training, { 10: 96 })], 'possible'],
    // 重新犯罪率 2 % against ≤1 %: completion 50 %.
    ['recidivism twice the ceiling', 10, [...valuesOf(sessions, { 10: 13 }), ...valuesOf(recidivism, { 10: 2 })], 'impossible'],
    // 培训率 91 % of 95: 95.8 % attainment, but missed today, so no more than 有可能.
    ['training rate near miss', 10, [...valuesOf(sessions, { 10: 13 }), ...valuesOf(training, { 10: 91 })], 'possible'],
    // Spending at 6月: 45 / 55 → forecast 81.8 %.
    ['spending behind plan', 6, [...valuesOf(sessions, { 6: 8 })], 'possible'],
    // Spending at 7月 is blank and nothing else entered: 6月's 有可能 (45 / 55) stands, a blank
    // month never improves the suggestion (issue 11; it used to suggest nothing).
    ['7月 not reported keeps 6月', 7, [], 'possible'],
  ])('%s → %s', (_label, m, values, likelihood) => {
    const e = evaluateProject(inputOf('社区矫正经费', { indicators: correction, spending: seedSpending('社区矫正经费'), values }), m)
    expect(e.suggestedLikelihood).toBe(likelihood)
    // A suggestion never changes the status; only the confirmed likelihood does.
    expect(e.likelihood).toBeNull()
  })

  it.each<[Month, Likelihood]>([
    // 依法治区 at 3月: 执行率 4 % of P 20 % → forecast 20 %.
    [3, 'impossible'],
    // 6月: 49 / 50 → 98 %.
    [6, 'certain'],
  ])('spending alone at %i月 → %s', (m, likelihood) => {
    const e = evaluateProject(inputOf('依法治区及普法宣传经费', { spending: seedSpending('依法治区及普法宣传经费') }), m)
    expect(e.suggestedLikelihood).toBe(likelihood)
  })

  it.each<[Exclude<Status, 'unreported' | 'exceeded'>, Likelihood]>([
    ['green', 'certain'],
    ['yellow', 'possible'],
    ['red', 'impossible'],
  ])('a qualitative indicator set %s suggests %s', (status, likelihood) => {
    const qualitative = makeIndicator(legalAid, 3, '按计划实施', { raw: '按计划实施', operator: null, value: null, unit: null, kind: 'qualitative' })
    const e = evaluateProject(inputOf('法律援助经费', { indicators: [qualitative], values: manualStatusesOf(qualitative, { 5: status }) }), 7)
    expect(e.suggestedLikelihood).toBe(likelihood)
    expect(e.indicators[0]?.status).toBe(status)
    // No spending entered: the project cannot be called green, but a known problem shows.
    expect(e.status).toBe(status === 'green' ? 'unreported' : status)
  })

  it('a broken ceiling on a count is impossible', () => {
    const complaints = makeIndicator(legalAid, 4, '投诉件数', { raw: '≤3件', operator: '<=', value: 3, unit: '件', kind: 'cumulative' })
    const e = evaluateProject(inputOf('法律援助经费', { indicators: [complaints], values: valuesOf(complaints, { 1: 4 }) }), 3)
    expect(e.status).toBe('red')
    expect(e.suggestedLikelihood).toBe('impossible')
  })
})

describe('what a blank as-of month or overspending does to the project status', () => {
  const throughJune = seedSpending('法律援助经费').filter((s) => s.month <= 6)

  it('a project whose as-of month spending is blank is 未填报, not green, even with indicators on track', () => {
    const e = evaluateProject(inputOf('法律援助经费', { spending: throughJune, values: [...valuesOf(caseCount, { 7: 56 }), ...levelsMet(7)] }), 7)
    expect(e.spend.status).toBe('unreported')
    expect(e.indicators.map((i) => i.status)).toEqual(['green', 'green', 'green'])
    expect(e.status).toBe('unreported')
    expect(e.missing).toContain('7月支出')
  })

  it('a known failure still shows when the spending is blank', () => {
    const values = [...valuesOf(caseCount, { 7: 56 }), ...valuesOf(coverage, { 7: 50 }), ...valuesOf(satisfaction, { 7: 99 })]
    expect(evaluateProject(inputOf('法律援助经费', { spending: throughJune, values }), 7).status).toBe('red')
  })

  it('超预算 makes an otherwise green project at least yellow', () => {
    // 法制工作专项经费 has spent 4.20 of 4.00 万元 by December: deviation +5, green on pace alone.
    const e = evaluateProject(inputOf('法制工作专项经费', { spending: seedSpending('法制工作专项经费') }), 12)
    expect(e.spend.isOverBudget).toBe(true)
    expect(e.spend.status).toBe('green')
    expect(e.status).toBe('yellow')
  })
})

describe('suggested likelihood of a level indicator', () => {
  const reduction = seedIndicator('人民调解员补贴', 1) // 群众矛盾降低率 ≥95 %

  it.each<[number, Likelihood]>([
    [96, 'certain'],
    [95, 'certain'],
    // Missed now (93 < 95): never 确定能, however close.
    [93, 'possible'],
    [70, 'impossible'],
  ])('value %s against ≥95 → %s', (value, likelihood) => {
    const e = evaluateProject(inputOf('人民调解员补贴', { spending: seedSpending('人民调解员补贴'), values: valuesOf(reduction, { 6: value }) }), 7)
    expect(suggestIndicatorLikelihood(e.indicators[1]!)).toBe(likelihood)
  })
})
