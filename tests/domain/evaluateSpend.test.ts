import { describe, expect, it } from 'vitest'
import { evaluateProject, evaluateSpend, type Fen, type Month, type Status } from '@/domain'
import { inputOf, makeProject, planOf, SEED_PROJECTS, seedSpending, spendingOf, type SeedProjectName } from './factories'

interface SeedCase {
  readonly name: SeedProjectName
  readonly m: Month
  readonly executed: Fen
  readonly rate: number | null
  readonly planned: number
  readonly deviation: number | null
  readonly status: Status
}

const row = (
  name: SeedProjectName,
  m: Month,
  executed: Fen,
  rate: number | null,
  planned: number,
  deviation: number | null,
  status: Status,
): SeedCase => ({ name, m, executed, rate, planned, deviation, status })

// Rules 1 and 3 on the seed projects with the spending of factories.SEED_SPENDING.
const SEED_CASES: readonly SeedCase[] = [
  row('法律援助经费', 3, 600_000, 20, 20, 0, 'green'),
  row('法律援助经费', 6, 1_500_000, 50, 50, 0, 'green'),
  row('法律援助经费', 7, 1_560_000, 52, 56.25, -4.25, 'green'),
  row('法律援助经费', 10, 1_860_000, 62, 75, -13, 'yellow'),
  row('法律援助经费', 12, 2_760_000, 92, 100, -8, 'yellow'),
  // Exactly −5 is still green.
  row('法制工作专项经费', 3, 200_000, 5, 10, -5, 'green'),
  row('法制工作专项经费', 6, 800_000, 20, 40, -20, 'red'),
  row('法制工作专项经费', 7, 1_200_000, 30, 50, -20, 'red'),
  row('法制工作专项经费', 10, 3_000_000, 75, 80, -5, 'green'),
  row('法制工作专项经费', 12, 4_200_000, 105, 100, 5, 'green'),
  // Plan only at 12月底: compared with 序时进度.
  row('人民调解员补贴', 3, 1_575_000, 25, 25, 0, 'green'),
  row('人民调解员补贴', 6, 3_150_000, 50, 50, 0, 'green'),
  row('人民调解员补贴', 7, 3_150_000, 50, 700 / 12, 50 - 700 / 12, 'yellow'),
  row('人民调解员补贴', 10, 4_725_000, 75, 1000 / 12, 75 - 1000 / 12, 'yellow'),
  row('人民调解员补贴', 12, 6_300_000, 100, 100, 0, 'green'),
  row('社区矫正经费', 3, 862_500, 15, 25, -10, 'yellow'),
  row('社区矫正经费', 6, 2_587_500, 45, 55, -10, 'yellow'),
  // July is blank: 未填报, not 0 %; 执行数 keeps what was entered.
  row('社区矫正经费', 7, 2_587_500, null, 60, null, 'unreported'),
  row('社区矫正经费', 10, 4_312_500, 75, 75, 0, 'green'),
  row('社区矫正经费', 12, 5_750_000, 100, 100, 0, 'green'),
  row('依法治区及普法宣传经费', 3, 80_000, 4, 20, -16, 'red'),
  row('依法治区及普法宣传经费', 6, 980_000, 49, 50, -1, 'green'),
  row('依法治区及普法宣传经费', 7, 1_280_000, 64, 56.25, 7.75, 'green'),
  row('依法治区及普法宣传经费', 10, 2_180_000, 109, 75, 34, 'green'),
  row('依法治区及普法宣传经费', 12, 2_200_000, 110, 100, 10, 'green'),
]

function closeOrNull(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull()
  else expect(actual).toBeCloseTo(expected, 9)
}

describe('evaluateSpend on the seed projects (rules 1, 3)', () => {
  it.each(SEED_CASES)('$name at $m月: 执行率 $rate, P $planned → $status', (c) => {
    const project = SEED_PROJECTS[c.name]
    const e = evaluateSpend(project, seedSpending(c.name), c.m)
    expect(e.budget).toBe(project.budget.total)
    expect(e.executed).toBe(c.executed)
    closeOrNull(e.executionRate, c.rate)
    expect(e.planned).toBeCloseTo(c.planned, 9)
    closeOrNull(e.deviation, c.deviation)
    expect(e.status).toBe(c.status)
    expect(e.timeProgress).toBeCloseTo((c.m / 12) * 100, 9)
    expect(e.planSource).toBe(c.name === '人民调解员补贴' ? 'timeProgress' : 'plan')
  })

  // With no indicator values, the project status is the spend status: unreported indicators
  // are missing, not failures (rule 7).
  // 超预算 lifts a green project to yellow (its own warning, rule 3).
  it.each(SEED_CASES)('$name at $m月: project status is $status', (c) => {
    const e = evaluateProject(inputOf(c.name, { spending: seedSpending(c.name) }), c.m)
    expect(e.status).toBe(e.spend.isOverBudget && c.status === 'green' ? 'yellow' : c.status)
    expect(e.spend.status).toBe(c.status)
    // 社区矫正经费 left July blank; every seed project has three indicators without values.
    const spendMissing = c.name === '社区矫正经费' && c.m >= 7 ? ['7月支出'] : []
    expect(e.missing.filter((label) => label.endsWith('支出'))).toEqual(spendMissing)
    expect(e.missing).toHaveLength(spendMissing.length + 3)
  })
})

describe('超预算 (rule 3)', () => {
  it.each<[SeedProjectName, Month, boolean]>([
    ['法制工作专项经费', 10, false],
    ['法制工作专项经费', 12, true],
    ['依法治区及普法宣传经费', 7, false],
    ['依法治区及普法宣传经费', 10, true],
    ['法律援助经费', 12, false],
    // Exactly 100 % is not over budget.
    ['人民调解员补贴', 12, false],
  ])('%s at %i月 → %s', (name, m, expected) => {
    expect(evaluateSpend(SEED_PROJECTS[name], seedSpending(name), m).isOverBudget).toBe(expected)
  })

  it('holds even when the as-of month is blank', () => {
    const project = SEED_PROJECTS.依法治区及普法宣传经费
    const e = evaluateSpend(project, spendingOf(project, { 1: 2_500_000 }), 2)
    expect(e.status).toBe('unreported')
    expect(e.isOverBudget).toBe(true)
  })
})

describe('a blank month is not a zero', () => {
  const project = SEED_PROJECTS.法律援助经费

  it.each<[string, Parameters<typeof spendingOf>[1], Month, Status, readonly Month[], number | null]>([
    ['nothing entered', {}, 3, 'unreported', [1, 2, 3], null],
    ['as-of month blank', { 1: 200_000, 2: 200_000 }, 3, 'unreported', [3], null],
    ['earlier month blank, as-of entered', { 1: 200_000, 3: 400_000 }, 3, 'green', [2], 20],
    // 0 % against P(1) = 6.67 %: judged (yellow), not 未填报.
    ['a true 0 in the as-of month', { 1: 0 }, 1, 'yellow', [], 0],
    ['zeros all along', { 1: 0, 2: 0, 3: 0 }, 3, 'red', [], 0],
  ])('%s', (_label, amounts, m, status, unreported, rate) => {
    const e = evaluateSpend(project, spendingOf(project, amounts), m)
    expect(e.status).toBe(status)
    expect(e.unreportedMonths).toEqual(unreported)
    expect(e.executionRate).toBe(rate)
  })

  it('ignores months after the as-of month and other projects', () => {
    const other = SEED_PROJECTS.法制工作专项经费
    const spending = [...spendingOf(project, { 1: 300_000, 2: 300_000, 5: 999_999 }), ...spendingOf(other, { 2: 777_777 })]
    const e = evaluateSpend(project, spending, 2)
    expect(e.executed).toBe(600_000)
    expect(e.executionRate).toBe(20)
  })

  it('rates a zero budget as null, never a division by zero', () => {
    const empty = makeProject('X', '零预算', 0, planOf(20, 50, 75, 100))
    const e = evaluateSpend(empty, spendingOf(empty, { 1: 0 }), 1)
    expect(e.executionRate).toBeNull()
    expect(e.deviation).toBeNull()
    expect(e.forecastRate).toBeNull()
  })
})

describe('money is exact (rule 10)', () => {
  it('sums 分 as integers', () => {
    // 0.1 + 0.2 万元 style amounts that would drift as floats.
    const project = makeProject('Y', '精确', 300_003, planOf(20, 50, 75, 100))
    const e = evaluateSpend(project, spendingOf(project, { 1: 100_001, 2: 100_001, 3: 100_001 }), 3)
    expect(e.executed).toBe(300_003)
    expect(Number.isInteger(e.executed)).toBe(true)
    expect(e.executionRate).toBe(100)
  })
})

describe('全年预计 of spending (rule 9)', () => {
  it.each<[SeedProjectName, Month, number | null, Fen | null]>([
    ['法律援助经费', 3, 100, 3_000_000],
    ['法律援助经费', 7, (52 / 56.25) * 100, 2_773_333], // 1,560,000 × 100 / 56.25 = 2,773,333.33…
    ['法制工作专项经费', 6, 50, 2_000_000],
    ['人民调解员补贴', 7, (50 * 12 * 100) / 700, 5_400_000],
    ['社区矫正经费', 7, null, null],
    ['依法治区及普法宣传经费', 3, 20, 400_000],
    ['依法治区及普法宣传经费', 12, 110, 2_200_000],
  ])('%s at %i月 → %s %, %s 分', (name, m, rate, amount) => {
    const e = evaluateSpend(SEED_PROJECTS[name], seedSpending(name), m)
    closeOrNull(e.forecastRate, rate)
    expect(e.forecastAmount).toBe(amount)
  })

  it('has no forecast when P(m) is 0', () => {
    const project = makeProject('Z', '后置', 1_000_000, planOf(0, 0, 50, 100))
    const e = evaluateSpend(project, spendingOf(project, { 1: 10_000, 2: 0 }), 2)
    expect(e.planned).toBe(0)
    expect(e.deviation).toBe(1)
    expect(e.forecastRate).toBeNull()
    expect(e.forecastAmount).toBeNull()
  })
})

describe('全年预计执行数 is rounded to the nearest 分 (it goes into the official form)', () => {
  it.each<[string, number, Fen, Fen]>([
    // executed × 100 / P(3): a half 分 rounds up, a third stays down, two thirds go up.
    ['½ 分 rounds up', 40, 1, 3],
    ['1½ 分 of 7.5 rounds up', 40, 3, 8],
    ['⅔ 分 rounds up', 30, 2, 7],
    ['⅓ 分 rounds down', 30, 1, 3],
    ['2.5 万元 + ⅔ 分', 30, 750_002, 2_500_007],
    ['a whole amount stays', 20, 600_000, 3_000_000],
  ])('%s (P(3) = %d %, 执行数 %d 分 → %d 分)', (_label, planned3, executed, forecast) => {
    const project = makeProject('R', '取整', 10_000_000, planOf(planned3, 60, 80, 100))
    const e = evaluateSpend(project, spendingOf(project, { 3: executed }), 3)
    expect(e.planned).toBe(planned3)
    expect(e.forecastAmount).toBe(forecast)
    expect(Number.isInteger(e.forecastAmount)).toBe(true)
  })

  it('is the actual at 12月, when the year is over, whatever the plan says for 12月底', () => {
    const project = makeProject('E', '年末', 1_000_000, planOf(20, 50, 75, 90))
    const e = evaluateSpend(project, spendingOf(project, { 6: 500_000, 12: 400_001 }), 12)
    expect(e.planned).toBe(90)
    expect(e.forecastRate).toBeCloseTo(90.0001, 9)
    expect(e.forecastAmount).toBe(900_001)
  })
})

describe('超预算 at its boundary', () => {
  it.each<[string, Fen, boolean]>([
    ['1 分 below the budget', 999_999, false],
    ['exactly the budget', 1_000_000, false],
    ['1 分 above the budget', 1_000_001, true],
  ])('%s', (_label, executed, expected) => {
    const project = makeProject('B', '边界', 1_000_000, planOf(20, 50, 75, 100))
    expect(evaluateSpend(project, spendingOf(project, { 1: executed }), 1).isOverBudget).toBe(expected)
  })
})
