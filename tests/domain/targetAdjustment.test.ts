import { describe, expect, it } from 'vitest'
import { checkTargetAdjustment, evaluateIndicator, targetInForce, type Month, type TargetAdjustment } from '@/domain'
import { parseTarget } from '@/importers/parseTarget'
import { makeIndicator, makeProject, planOf, valuesOf } from './factories'

const project = makeProject('P1', '法律援助经费', 3_000_000, planOf(20, 50, 75, 100))
const cases = makeIndicator(project, 0, '法律案件受理数', { raw: '≥100100件以上', operator: '>=', value: 100, unit: '件', kind: 'cumulative' })

function version(month: Month, raw: string, at = `2020-0${month < 10 ? month : 9}-15T08:00:00.000Z`): TargetAdjustment {
  const { target } = parseTarget(raw)
  return {
    indicatorId: cases.id,
    projectId: project.id,
    month,
    targetRaw: raw,
    operator: target.operator,
    value: target.value,
    unit: target.unit,
    kind: target.kind,
    reason: '会议决定调整目标',
    at,
    actor: '张三',
  }
}

describe('targetInForce', () => {
  const v6 = version(6, '≥80件')
  const v9 = version(9, '大于等于60件')
  it.each<[string, readonly TargetAdjustment[], Month, number | null, string]>([
    ['no version: the original', [], 12, 100, '≥100100件以上'],
    ['before the version takes effect', [v6], 5, 100, '≥100100件以上'],
    ['from its month', [v6], 6, 80, '≥80件'],
    ['the latest effective one', [v6, v9], 10, 60, '大于等于60件'],
    ['an earlier one while the later is not yet in force', [v9, v6], 8, 80, '≥80件'],
    ['within a month, the one recorded later', [version(6, '≥70件', '2020-07-02T00:00:00.000Z'), v6], 6, 70, '≥70件'],
    ['another indicator’s version is ignored', [{ ...v6, indicatorId: 'other' }], 12, 100, '≥100100件以上'],
  ])('%s', (_, adjustments, month, value, raw) => {
    const target = targetInForce(cases, adjustments, month)
    expect([target.value, target.raw]).toEqual([value, raw])
    expect(target.kind).toBe('cumulative')
  })

  it('keeps the 口径 in force unless the version has no number', () => {
    const asLevel = { ...cases, target: { ...cases.target, kind: 'level' as const } }
    expect(targetInForce(asLevel, [version(6, '≥80件')], 6).kind).toBe('level')
    expect(targetInForce(asLevel, [version(6, '按计划实施')], 6).kind).toBe('qualitative')
  })
})

describe('evaluateIndicator with a target version', () => {
  // 40 件 by 6月: 40 % of 100 (序时 50 %, −10 → 黄), 50 % of 80 (0 → 绿).
  const values = valuesOf(cases, { 1: 5, 2: 5, 3: 10, 4: 5, 5: 5, 6: 10 })
  it.each<[Month, readonly TargetAdjustment[], string, number, boolean]>([
    [6, [], 'yellow', 40, false],
    [6, [version(6, '≥80件')], 'green', 50, true],
    [5, [version(6, '≥80件')], 'yellow', 30, false],
  ])('at %i月', (month, adjustments, status, completion, isAdjusted) => {
    const e = evaluateIndicator(cases, values, month, undefined, adjustments)
    expect(e.status).toBe(status)
    expect(e.completion).toBeCloseTo(completion, 9)
    expect(e.originalTarget === null ? false : e.originalTarget.value === 100).toBe(isAdjusted)
  })
})

describe('checkTargetAdjustment', () => {
  const qualitative = makeIndicator(project, 1, '制度建设', { raw: '按计划实施', operator: null, value: null, unit: null, kind: 'qualitative' })
  it.each<[string, typeof cases, Month, string, string, readonly string[]]>([
    ['a parsed number', cases, 6, '≥80件', '会议决定', []],
    ['a word operator', cases, 6, '大于等于80件', '会议决定', []],
    ['empty', cases, 6, '  ', '会议决定', ['targetRaw']],
    ['text without a number for a numeric target', cases, 6, '尽量多', '会议决定', ['targetRaw']],
    ['text for a qualitative target', qualitative, 6, '基本完成', '会议决定', []],
    ['no reason', cases, 6, '≥80件', '', ['reason']],
    ['month 13', cases, 13 as Month, '≥80件', '会议决定', ['month']],
  ])('%s', (_, indicator, month, raw, reason, fields) => {
    const { target } = parseTarget(raw)
    const errors = checkTargetAdjustment(indicator, { month, targetRaw: raw, value: target.value, reason })
    expect(Object.keys(errors).sort()).toEqual([...fields].sort())
  })

  it('says what to type when the target does not parse', () => {
    const errors = checkTargetAdjustment(cases, { month: 6, targetRaw: '尽量多', value: null, reason: 'x' })
    expect(errors.targetRaw).toBe('「尽量多」读不出数值目标。原目标是数值，请写成比较符 + 数值 + 单位，如 ≥80件、≤1%、大于等于95%。')
  })
})
