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

  it('says in the department tooltip when the month covers only the projects that reported it', () => {
    const items = DEMO_ITEMS.map((item) =>
      item.project.code === RULE ? { ...item, spending: item.spending.filter((s) => s.month !== 7) } : item,
    )
    const option = buildSpendCurveOption({ curve: buildDepartmentSpendCurve(items, 7) })
    expect(tooltipAt(option, 7)).toContain('按已填报的 4/5 个项目计算')
    expect(tooltipAt(option, 6)).not.toContain('按已填报')
    const august = buildSpendCurveOption({ curve: buildDepartmentSpendCurve(DEMO_ITEMS, 8) })
    expect(tooltipAt(august, 8)).toContain('本月尚无项目填报支出')
    // A single project's blank month already reads 未填报: no "1 个项目" caveat there.
    expect(tooltipAt(optionFor(RULE, 8).option, 8)).not.toContain('按已填报')
    expect(tooltipAt(optionFor(RULE, 8).option, 8)).not.toContain('尚无项目')
  })

  type Axis = { max?: unknown; min?: unknown; interval?: unknown; axisLabel?: { formatter?: unknown } }
  const NICE_MANTISSAS = [1, 2, 2.5, 5]
  const isNice = (step: number) => NICE_MANTISSAS.some((m) => Math.abs(step / 10 ** Math.floor(Math.log10(step)) - m) < 1e-9)

  it.each([
    ['法制工作专项经费 7月', optionFor(RULE, 7).option],
    ['人民调解员补贴 7月 print', optionFor(MEDIATION, 7, 'print').option],
    ['department 7月', buildSpendCurveOption({ curve: buildDepartmentSpendCurve(DEMO_ITEMS, 7) })],
    ['department 8月 print', buildSpendCurveOption({ curve: buildDepartmentSpendCurve(DEMO_ITEMS, 8), variant: 'print' })],
    ['no spending', buildSpendCurveOption({ curve: buildDepartmentSpendCurve(DEMO_ITEMS.map((i) => ({ ...i, spending: [] })), 3) })],
  ])('%s: both axes end on a tick of a nice interval with the same number of splits (labels never crowd)', (_, option) => {
    const [left, right] = option.yAxis as Axis[]
    for (const axis of [left!, right!]) {
      expect(axis.min).toBe(0)
      expect(typeof axis.max).toBe('number')
      expect(typeof axis.interval).toBe('number')
      const splits = (axis.max as number) / (axis.interval as number)
      expect(Math.abs(splits - Math.round(splits))).toBeLessThan(1e-9)
      expect(isNice(axis.interval as number)).toBe(true)
    }
    const splitsOf = (axis: Axis) => Math.round((axis.max as number) / (axis.interval as number))
    expect(splitsOf(right!)).toBe(splitsOf(left!))
    expect(splitsOf(left!)).toBeGreaterThanOrEqual(4)
    expect(splitsOf(left!)).toBeLessThanOrEqual(7)
    // The bars stay in the lower half, under the lines; the lines fit under the left maximum.
    const bars = valuesOf(option, '当月支出').filter((v): v is number => typeof v === 'number')
    expect(right!.max as number).toBeGreaterThanOrEqual(2 * Math.max(0, ...bars))
    const lines = ['执行率', '序时进度', '全年预计'].flatMap((name) => valuesOf(option, name)).filter((v): v is number => typeof v === 'number')
    expect(left!.max as number).toBeGreaterThanOrEqual(Math.max(...lines))
    // Tick labels are distinct and short (no 0.6000000000000001).
    const format = right!.axisLabel!.formatter as (value: number) => string
    const labels = Array.from({ length: splitsOf(right!) + 1 }, (_, i) => format(i * (right!.interval as number)))
    expect(new Set(labels).size).toBe(labels.length)
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(5)
  })

  it('gives the department chart at 8月 (tallest bar 1.6 万元) a right axis of 0–5 in steps of 1', () => {
    const option = buildSpendCurveOption({ curve: buildDepartmentSpendCurve(DEMO_ITEMS, 8) })
    const right = (option.yAxis as Axis[])[1]!
    expect(right.max).toBe(5)
    expect(right.interval).toBe(1)
  })

  it('widens the left axis over 100 % in whole ticks when spending runs over budget', () => {
    const { project } = demoItem(RULE)
    const curve = buildProjectSpendCurve(project, [{ projectId: project.id, month: 1, amount: 5_000_000 }], 1)
    const left = (buildSpendCurveOption({ curve }).yAxis as Axis[])[0]!
    expect(left.max as number).toBeGreaterThanOrEqual(125)
    expect(((left.max as number) / (left.interval as number)) % 1).toBe(0)
  })

  it('leaves room for a second legend row when the plan is the long 序时 fallback', () => {
    // ECharts reserves no room for a wrapped legend: it would sit on the month labels.
    for (const variant of ['screen', 'projector', 'print'] as const) {
      const bottom = (code: string) => (optionFor(code, 7, variant).option.grid as { bottom: number }).bottom
      expect(bottom(MEDIATION), variant).toBeGreaterThan(bottom(RULE))
    }
  })

  it('labels months from 年初 to 12月', () => {
    expect(CURVE_LABELS).toHaveLength(13)
    expect(CURVE_LABELS[0]).toBe('年初')
    expect(CURVE_LABELS[12]).toBe('12月')
  })
})

describe('budget adjustments on the spend chart', () => {
  const item = DEMO_ITEMS[0]!
  const cut = { projectId: item.project.id, date: '2020-05-20', fiscal: -1_000_000, other: 0, documentNo: '北财预〔2020〕12号', reason: '', transferGroup: null }
  const markLines = (month: Month) => {
    const option = buildSpendCurveOption({ curve: buildProjectSpendCurve(item.project, item.spending, month, [cut]) })
    const series = (option.series as { name?: string; markLine?: { data: { xAxis: string; label?: { formatter: string } }[] } }[]).find((s) => s.name === '执行率')
    return series?.markLine?.data.map((d) => [d.xAxis, d.label?.formatter ?? null]) ?? []
  }

  it('marks a 调减 at its month with its amount, once the as-of month reaches it', () => {
    expect(markLines(7)).toEqual([
      [CURVE_LABELS[7], null],
      [CURVE_LABELS[5], '调减 1.00万'],
    ])
    expect(markLines(4)).toEqual([[CURVE_LABELS[4], null]])
  })

  it('names the budget in the subtitle 调整后预算数 when adjusted', () => {
    const option = buildSpendCurveOption({ curve: buildProjectSpendCurve(item.project, item.spending, 7, [cut]), title: 'x' })
    expect(JSON.stringify(option.title)).toContain('调整后预算数 2.00 万元')
  })
})

describe('saved images say what they show (issue 11 item 7)', () => {
  const item = DEMO_ITEMS[0]!
  const curve = buildProjectSpendCurve(item.project, item.spending, 7)
  const saveName = (o: ReturnType<typeof buildSpendCurveOption>) =>
    (o.toolbox as { feature: { saveAsImage: { name: string } } }).feature.saveAsImage.name
  it.each<[string | undefined, string]>([
    ['法律援助经费', '法律援助经费-执行进度-2020年1-7月'],
    [undefined, '秦皇岛市北戴河区司法局-执行进度-2020年1-7月'],
  ])('title %s → %s.png, with department and year in the picture', (title, name) => {
    const option = buildSpendCurveOption({ curve, title, variant: 'projector', caption: { department: '秦皇岛市北戴河区司法局', year: 2020 } })
    expect(saveName(option)).toBe(name)
    const heading = option.title as { text?: string; subtext: string }
    expect(heading.subtext).toContain('秦皇岛市北戴河区司法局 · 2020年1–7月')
  })
  it('two projects’ slides save under different names', () => {
    const other = DEMO_ITEMS[1]!
    const names = [item, other].map((i) =>
      saveName(buildSpendCurveOption({ curve: buildProjectSpendCurve(i.project, i.spending, 7), title: i.project.name, caption: { department: 'd', year: 2020 } })),
    )
    expect(new Set(names).size).toBe(2)
  })
})
