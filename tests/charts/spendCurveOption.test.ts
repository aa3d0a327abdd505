import { describe, expect, it } from 'vitest'
import { buildSpendCurveOption, CURVE_LABELS, spendCurveTooltip } from '@/charts/options/spendCurveOption'
import { buildDepartmentSpendCurve, buildProjectSpendCurve } from '@/domain/spendCurve'
import type { Month } from '@/domain/types'
import { DEMO_BUDGETS, DEMO_ITEMS, demoExecutedFen, demoItem, expectedPlanned } from './demoFixture'
import { tooltipAt, valuesOf } from './helpers'
import { DEMO_SPENDING } from '../../mock-data/demoActuals'

const RULE = '315-0403-JBN-QFV8'
const MEDIATION = '315-0403-JBN-D7U5'

function optionFor(code: string, month: Month, variant?: 'screen' | 'projector' | 'print') {
  const { project, spending } = demoItem(code)
  const curve = buildProjectSpendCurve(project, spending, month)
  return { curve, option: buildSpendCurveOption({ curve, title: project.name, variant }) }
}

describe('buildSpendCurveOption', () => {
  it.each([
    [RULE, 3],
    [RULE, 7],
    ['315-0404-JBN-FLC6', 6],
    [MEDIATION, 7],
  ] as const)('%s at %i月: series carry the demo figures', (code, month) => {
    const { option } = optionFor(code, month)
    const budget = DEMO_BUDGETS[code] ?? 0
    const actual = valuesOf(option, '执行率') as (number | null)[]
    expect(actual).toHaveLength(13)
    for (let k = 1; k <= month; k++) expect(actual[k]).toBeCloseTo((demoExecutedFen(code, k) / budget) * 100, 9)
    expect(actual.slice(month + 1).every((v) => v === null)).toBe(true)
    const planName = code === MEDIATION ? '计划进度（未填计划，按序时）' : '计划进度'
    const planned = valuesOf(option, planName) as number[]
    planned.forEach((v, k) => expect(v).toBeCloseTo(expectedPlanned(code, k), 9))
    expect(valuesOf(option, '序时进度')).toEqual(Array.from({ length: 13 }, (_, k) => (k / 12) * 100))
    // Bars in 万元, from the demo's text.
    const row = DEMO_SPENDING.find((s) => s.projectCode === code)!
    const bars = valuesOf(option, '当月支出')
    expect(bars[0]).toBeNull()
    for (let m = 1; m <= month; m++) expect(bars[m]).toBeCloseTo(Number(row.monthly[m - 1]), 9)
    expect(bars.slice(month + 1).every((v) => v === null)).toBe(true)
  })

  it('draws the forecast from the as-of month to 全年预计执行率', () => {
    const { option } = optionFor(RULE, 7)
    const forecast = valuesOf(option, '全年预计') as (number | null)[]
    expect(forecast.slice(0, 7).every((v) => v === null)).toBe(true)
    expect(forecast[7]).toBeCloseTo(20, 9)
    // 20 % spent against 50 % planned at 7月: 40 % of budget by year-end (rule 9).
    expect(forecast[12]).toBeCloseTo(40, 9)
  })

  it('marks filled checkpoints with their value and labels a blank one as the 序时 fallback', () => {
    const ruleData = optionFor(RULE, 7).option.series as { data: { label?: { formatter?: string } }[] }[]
    const rulePlan = ruleData[0]!.data
    expect([3, 6, 10, 12].map((k) => rulePlan[k]?.label?.formatter)).toEqual(['10%', '40%', '80%', '100%'])
    const mediationPlan = (optionFor(MEDIATION, 7).option.series as { data: { label?: { formatter?: string } }[] }[])[0]!.data
    expect(mediationPlan[3]?.label?.formatter).toBe('未填·按序时')
    expect(mediationPlan[12]?.label?.formatter).toBe('100%')
  })

  it('writes tooltips in Chinese with units: % to 1 decimal, 万元 to 2, 个百分点', () => {
    const { option } = optionFor(RULE, 7)
    const text = tooltipAt(option, 7)
    expect(text).toContain('截至7月底')
    expect(text).toContain('执行率')
    expect(text).toContain('20.0%')
    expect(text).toContain('50.0%')
    expect(text).toContain('−30.0 个百分点')
    expect(text).toContain('0.15 万元')
    expect(tooltipAt(option, 12)).toContain('全年预计执行率')
  })

  it('says 未填报 for a blank month, never 0', () => {
    const { project } = demoItem(RULE)
    const curve = buildProjectSpendCurve(project, [{ projectId: project.id, month: 1, amount: 100_000 }], 2)
    expect(spendCurveTooltip(curve, 2)).toContain('未填报')
  })

  it('adapts to the variant: print has no animation or toolbox, projector larger text', () => {
    const screen = optionFor(RULE, 7, 'screen').option
    const print = optionFor(RULE, 7, 'print').option
    const projector = optionFor(RULE, 7, 'projector').option
    expect(screen.animation).toBe(true)
    expect(JSON.stringify(screen.toolbox)).toContain('saveAsImage')
    expect(print.animation).toBe(false)
    expect(print.toolbox).toBeUndefined()
    expect(print.backgroundColor).toBe('#ffffff')
    const size = (o: typeof screen) => (o.textStyle as { fontSize: number }).fontSize
    expect(size(projector)).toBeGreaterThan(size(screen))
  })

  it('draws the department curve with the summed budget', () => {
    const curve = buildDepartmentSpendCurve(DEMO_ITEMS, 7)
    const option = buildSpendCurveOption({ curve, title: '北戴河区司法局' })
    const total = ['315-0404-JBN-FLC6', RULE, MEDIATION, '315-0403-JBN-RY3P', '315-0401-JBN-GH9H'].reduce(
      (sum, code) => sum + demoExecutedFen(code, 7),
      0,
    )
    expect((valuesOf(option, '执行率')[7] as number)).toBeCloseTo((total / 21_050_000) * 100, 9)
    expect(JSON.stringify(option.title)).toContain('21.05 万元')
  })

  it('labels months from 年初 to 12月', () => {
    expect(CURVE_LABELS).toHaveLength(13)
    expect(CURVE_LABELS[0]).toBe('年初')
    expect(CURVE_LABELS[12]).toBe('12月')
  })
})
