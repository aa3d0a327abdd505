import { describe, expect, it } from 'vitest'
import { evaluateProject, type Month, type Status } from '@/domain'
import {
  combineStatuses,
  judgeCumulative,
  judgeLevel,
  judgeSpend,
  PRESETS,
  presetOf,
  sichuanFloor,
  thresholdsName,
  type PresetId,
} from '@/domain/presets'
import { DEFAULT_THRESHOLDS, type Operator, type Thresholds } from '@/domain/types'
import { DEMO_ITEMS } from '../charts/demoFixture'

const preset = (id: PresetId): Thresholds => {
  const found = PRESETS.find((p) => p.id === id)
  if (found === undefined) throw new Error(id)
  return found.thresholds
}
const DEFAULT = preset('default')
const FASP = preset('fasp')
const HEFEI = preset('hefei')
const SICHUAN = preset('sichuan')

describe('本系统默认: against the plan curve', () => {
  // P(6) = 50 %: deviation = rate − 50.
  it.each<[number, Status]>([
    [45, 'green'],
    [44.99, 'yellow'],
    [35, 'yellow'],
    [34.99, 'red'],
    [120, 'green'],
  ])('执行率 %s %% against plan 50 %% → %s', (rate, status) => {
    expect(judgeSpend(rate, 50, 6, DEFAULT)).toBe(status)
    // Settings saved before presets have no rules: the same figures.
    expect(judgeSpend(rate, 50, 6, DEFAULT_THRESHOLDS)).toBe(status)
  })
  it('未填报 stays 未填报', () => expect(judgeSpend(null, 50, 6, DEFAULT)).toBe('unreported'))
})

describe('财政一体化: ratios to 序时进度', () => {
  // 6月: 序时 50 %, so 执行率 30 % is a ratio of 60 %.
  it.each<[number, Status]>([
    [29.99, 'red'],
    [30, 'yellow'],
    [39.99, 'yellow'],
    [40, 'green'],
    [60, 'green'],
    [100, 'green'],
  ])('spending: 执行率 %s %% at 6月 → %s (no 超额 for spending)', (rate, status) => {
    // The plan curve does not matter: P(6) of 90 % changes nothing.
    expect(judgeSpend(rate, 90, 6, FASP)).toBe(status)
  })
  // 6月: 序时 50 %; completion 60 % of target is a ratio of 120 %.
  it.each<[number, Status]>([
    [29.99, 'red'],
    [30, 'yellow'],
    [40, 'green'],
    [59.99, 'green'],
    [60, 'exceeded'],
  ])('cumulative: 完成进度 %s %% at 6月 → %s', (completion, status) => {
    expect(judgeCumulative(completion, 50, FASP)).toBe(status)
  })
  it.each<[number, Operator, number, boolean, Status]>([
    [59.99, '>=', 100, false, 'red'],
    [60, '>=', 100, false, 'yellow'],
    [80, '>=', 100, false, 'green'],
    [100, '>=', 100, true, 'green'],
    [120, '>=', 100, true, 'exceeded'],
    [0.5, '<=', 1, true, 'green'],
    [1.01, '<=', 1, false, 'red'],
    [0.99, '<', 1, true, 'green'],
  ])('level: %s against %s %s → %s (against the full target; ceilings 绿 or 红 only)', (actual, operator, target, isMet, status) => {
    expect(judgeLevel(actual, operator, target, isMet, FASP)).toBe(status)
  })
})

describe('合肥: 序时 and goals', () => {
  // 6月: 序时 50 %; on 序时 within the green band (−5 points).
  it.each<[number, Status]>([
    [45, 'green'],
    [44.99, 'red'],
    [10, 'red'],
  ])('spending: 执行率 %s %% at 6月 → %s', (rate, status) => {
    expect(judgeSpend(rate, 50, 6, HEFEI)).toBe(status)
  })
  it.each<[Status, readonly Status[], Status]>([
    ['green', ['green', 'green'], 'green'],
    ['green', ['green', 'yellow'], 'yellow'],
    ['green', ['red'], 'yellow'],
    ['red', ['green'], 'red'],
    ['unreported', ['red'], 'red'],
  ])('spend %s, indicators %j → %s', (spend, indicators, status) => {
    expect(combineStatuses(spend, indicators, HEFEI)).toBe(status)
  })
  it('the default combination is the worst', () => {
    expect(combineStatuses('green', ['red'], DEFAULT)).toBe('red')
  })
})

describe('四川: floors of cumulative 执行率', () => {
  it.each<[Month, number | null]>([
    [3, null],
    [4, 25],
    [5, 25],
    [6, 40],
    [7, 40],
    [8, 60],
    [9, 60],
    [10, 80],
    [12, 80],
  ])('%i月 floor %s', (month, floor) => expect(sichuanFloor(month)).toBe(floor))
  it.each<[Month, number, Status]>([
    [3, 1, 'green'],
    [4, 24.99, 'red'],
    [4, 25, 'green'],
    [7, 39.99, 'red'],
    [7, 40, 'green'],
    [8, 59.99, 'red'],
    [10, 79.99, 'red'],
    [10, 80, 'green'],
  ])('%i月 执行率 %s %% → %s', (month, rate, status) => {
    expect(judgeSpend(rate, 100, month, SICHUAN)).toBe(status)
  })
  it('indicators follow the default rules', () => {
    expect(judgeCumulative(40, 50, SICHUAN)).toBe(judgeCumulative(40, 50, DEFAULT))
    expect(judgeLevel(95, '>=', 98, false, SICHUAN)).toBe('yellow')
  })
})

describe('names', () => {
  it.each<[Thresholds, string]>([
    [DEFAULT_THRESHOLDS, '本系统默认'],
    [FASP, '财政一体化'],
    [HEFEI, '合肥'],
    [SICHUAN, '四川'],
    [{ ...DEFAULT_THRESHOLDS, yellowFrom: -6 }, '自定义（本系统默认规则）'],
    [{ ...FASP, ratioGreenFrom: 85 }, '自定义（财政一体化规则）'],
    [{ ...SICHUAN, mismatchPoints: 12 }, '自定义（四川规则）'],
  ])('%j is named %s', (t, name) => {
    expect(thresholdsName(t)).toBe(name)
  })
  it('editing a value is no preset any more', () => expect(presetOf({ ...HEFEI, levelTolerancePct: 4 })).toBeNull())
})

describe('the demo at 7月 under each preset', () => {
  const statuses = (t: Thresholds) => DEMO_ITEMS.map((item) => evaluateProject({ ...item, note: null }, 7, t).status)
  it('the default preset gives today’s statuses', () => {
    expect(statuses(DEFAULT)).toEqual(statuses(DEFAULT_THRESHOLDS))
  })
  it.each<[PresetId, readonly Status[]]>([
    ['default', ['green', 'red', 'yellow', 'yellow', 'red']],
    ['fasp', ['green', 'red', 'green', 'green', 'yellow']],
    ['hefei', ['green', 'red', 'red', 'yellow', 'red']],
    ['sichuan', ['green', 'red', 'yellow', 'yellow', 'red']],
  ])('%s', (id, expected) => {
    expect(statuses(preset(id))).toEqual(expected)
  })
  it('财政一体化 shows 超额 on a count at 120 % of its pace; the project stays 绿', () => {
    const item = DEMO_ITEMS[0]!
    const caseCount = item.indicators[0]!
    // 63 件 by 7月 plus 7 more: 70 of 100 against 序时 58.33 % is a ratio of 120 %.
    const values = [...item.values, { indicatorId: caseCount.id, month: 7 as Month, value: 7, manualStatus: null }]
    const e = evaluateProject({ ...item, values, note: null }, 7, FASP)
    expect(e.indicators[0]?.status).toBe('exceeded')
    expect(e.status).toBe('green')
    expect(evaluateProject({ ...item, values, note: null }, 7, DEFAULT).indicators[0]?.status).toBe('green')
  })
})
