/**
 * The spending chart of a project or department: planned cumulative curve through the filled
 * checkpoints, 序时进度, cumulative 执行率 up to the as-of month, monthly spending as bars and
 * the year-end forecast as a dashed continuation.
 */
import { formatCoverage, formatPercent, formatPoints } from '@/domain/format'
import { fenToWan, formatWan } from '@/domain/money'
import type { SpendCurve } from '@/domain/spendCurve'
import {
  axisDataIndex,
  axisScale,
  baseOption,
  CHART_COLORS,
  imageFileName,
  niceStep,
  tooltipNote,
  tooltipRow,
  tooltipTitle,
  VARIANT_STYLES,
  type AxisScale,
} from './common'
import type { ChartOption, ChartVariant, LineSeriesOption } from './types'

export interface SpendCurveOptionInput {
  readonly curve: SpendCurve
  readonly title?: string
  readonly variant?: ChartVariant
  /** Department and year: drawn under the title and put in the PNG's name, so a saved image says what it shows. */
  readonly caption?: { readonly department: string; readonly year: number }
}

/** The PNG name of a spend curve, e.g. 法律援助经费-执行进度-2020年1-7月 (no .png: ECharts adds it). */
export function spendCurveImageName(curve: SpendCurve, title?: string, caption?: SpendCurveOptionInput['caption']): string {
  if (caption === undefined) return imageFileName(title ?? '执行进度', `截至${curve.month}月`)
  return imageFileName(title ?? caption.department, '执行进度', `${caption.year}年1-${curve.month}月`)
}

/** Axis labels of months 0..12: 年初, 1月 … 12月. */
export const CURVE_LABELS: readonly string[] = ['年初', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`)]

/** True when the whole plan is the 序时进度 fallback (no checkpoint before 12月底 filled). */
function isTimeProgressPlan(curve: SpendCurve): boolean {
  return curve.planSource.every((source) => source === 'timeProgress')
}

/** Name of the plan series, saying when it is the 序时 fallback. */
function planSeriesName(curve: SpendCurve): string {
  return isTimeProgressPlan(curve) ? '计划进度（未填计划，按序时）' : '计划进度'
}

/** Tooltip HTML of month k (0..12): % to 1 decimal, 万元 to 2, deviation in 个百分点. */
export function spendCurveTooltip(curve: SpendCurve, k: number): string {
  const rows = [tooltipTitle(k === 0 ? '年初' : `截至${k}月底`)]
  const planned = curve.planned[k] ?? 0
  const source = curve.planSource[k] === 'timeProgress' ? '（按序时）' : ''
  rows.push(tooltipRow(CHART_COLORS.plan, `计划进度${source}`, formatPercent(planned)))
  rows.push(tooltipRow(CHART_COLORS.timeProgress, '序时进度', formatPercent(curve.timeProgress[k] ?? 0)))
  if (k <= curve.month) {
    const actual = curve.actual[k] ?? null
    const reported = curve.reported?.find((p) => p.month === k)
    rows.push(tooltipRow(CHART_COLORS.actual, reported ? '执行率（报送时）' : '执行率', actual === null ? '未填报' : formatPercent(actual)))
    if (reported?.isChanged) rows.push(tooltipNote(`报送后有变动：当前数据 ${formatPercent(reported.currentRate)}（预算数 ${formatWan(reported.currentBudget)} 万元）`))
    // A department month may cover only the projects that reported it (a project's own blank
    // month already reads 未填报 above).
    const coverage = curve.projectCount > 1 && k > 0 ? formatCoverage(curve.reportedProjects[k] ?? 0, curve.projectCount) : null
    if (coverage !== null) rows.push(tooltipNote(coverage))
    if (actual !== null && k > 0) rows.push(tooltipRow(null, '偏差', `${formatPoints(actual - planned)} 个百分点`))
    if (k > 0) {
      const amount = curve.monthly[k - 1] ?? null
      rows.push(tooltipRow(CHART_COLORS.monthly, '当月支出', amount === null ? '未填报' : `${formatWan(amount)} 万元`))
    }
  }
  const forecast = curve.forecast[k] ?? null
  if (forecast !== null && (k > curve.month || k === 12)) {
    rows.push(tooltipRow(CHART_COLORS.forecast, k === 12 ? '全年预计执行率' : '预计执行率', formatPercent(forecast)))
  }
  return rows.join('')
}

/**
 * Both y axes, ending on a tick and split alike so their labels line up and never crowd (an
 * automatic maximum such as 3.2 put its label over the tick "3"). Left (累计 %): 0–100 in
 * steps of 20, wider in nice steps when a line runs past 100 %. Right (当月支出, 万元): a nice
 * maximum at least twice the tallest bar, so the bars stay in the lower half, under the lines.
 */
function spendCurveAxes(curve: SpendCurve): { readonly left: AxisScale; readonly right: AxisScale } {
  const lines = [...curve.planned, ...curve.actual, ...curve.forecast].filter((v): v is number => v !== null)
  const top = Math.max(100, ...lines)
  // At most 7 splits, so the labels keep their distance on a short printed chart too.
  const leftInterval = Math.max(20, niceStep(top / 7))
  const splits = Math.ceil(top / leftInterval - 1e-9)
  const tallest = Math.max(0, ...curve.monthly.filter((v): v is number => v !== null))
  return {
    left: { max: leftInterval * splits, interval: leftInterval, digits: 0 },
    right: axisScale(2 * fenToWan(tallest), splits),
  }
}

/** Plan points: filled checkpoints marked and labelled; a blank one hollow and labelled so. */
function planData(curve: SpendCurve, symbolSize: number): NonNullable<LineSeriesOption['data']> {
  return curve.planned.map((value, k) => {
    const checkpoint = curve.checkpoints.find((c) => c.month === k)
    if (checkpoint === undefined) return { value, symbol: 'none' }
    const isFallback = curve.planSource[k] === 'timeProgress'
    const text = checkpoint.value !== null ? formatPercent(checkpoint.value, 0) : isFallback ? '未填·按序时' : '未填·插值'
    return {
      value,
      symbol: checkpoint.value !== null ? 'circle' : 'emptyCircle',
      symbolSize,
      // The year-end point sits at the top right corner, under the right axis name: label it
      // on its left so the two never overlap.
      label: { show: true, position: k === 12 ? 'left' : 'top', formatter: text, color: CHART_COLORS.plan },
    }
  })
}

/** 执行率 points; a month drawn as a 已报送 round reported it is a diamond, hollow when today's figure differs. */
function actualData(curve: SpendCurve, symbolSize: number): NonNullable<LineSeriesOption['data']> {
  return curve.actual.map((value, k) => {
    const reported = curve.reported?.find((p) => p.month === k)
    if (reported === undefined || value === null) return value
    return { value, symbol: reported.isChanged ? 'emptyDiamond' : 'diamond', symbolSize: symbolSize + 4 }
  })
}

/**
 * A dashed mark at the month of each budget adjustment (调整预算), labelled with its kind and
 * amount, e.g. 调减 1.00万; several in one month share one mark.
 */
function adjustmentMarks(curve: SpendCurve, fontSize: number) {
  const byMonth = new Map<number, string[]>()
  for (const a of curve.adjustments) byMonth.set(a.month, [...(byMonth.get(a.month) ?? []), `${a.kind} ${formatWan(Math.abs(a.change))}万`])
  return [...byMonth].map(([month, labels]) => ({
    xAxis: CURVE_LABELS[month],
    lineStyle: { color: CHART_COLORS.forecast, type: 'dashed' as const, width: 1 },
    label: { formatter: labels.join('\n'), fontSize, position: 'insideEndTop' as const },
  }))
}

/** The line under a spend curve's title: department and year when known, the budget and the as-of month. */
function spendCurveSubtitle(curve: SpendCurve, caption: SpendCurveOptionInput['caption']): string {
  const scope = caption === undefined ? '' : `${caption.department} · ${caption.year}年1–${curve.month}月 · `
  return `${scope}${curve.adjustments.length > 0 ? '调整后预算数' : '预算数'} ${formatWan(curve.budget)} 万元 · 截至${curve.month}月底`
}

/** ECharts option of a spend curve (pure; values straight from the domain's SpendCurve). */
export function buildSpendCurveOption({ curve, title: given, variant = 'screen', caption }: SpendCurveOptionInput): ChartOption {
  // With a caption the picture always carries a title, so a saved PNG names what it shows.
  const title = given ?? (caption === undefined ? undefined : '资金执行进度')
  const style = VARIANT_STYLES[variant]
  const line = (width: number) => ({ width: width * style.lineWidth })
  // Leave room above the plot for the title, the toolbox and both axis names.
  // A caption's subtitle is longer and sits above the left axis name: one more line of room.
  const top = (title === undefined ? 44 : 84) + (style.fontSize - 12) * 2 + (caption === undefined ? 0 : Math.round(style.fontSize * 0.8))
  // ECharts reserves no room for a legend that wraps (apache/echarts#16912); the 序时 fallback
  // name is long enough to wrap on a half-width or printed chart, so leave a second row for it.
  const legendRows = isTimeProgressPlan(curve) ? 2 : 1
  const bottom = 72 + (legendRows - 1) * (Math.round(style.fontSize * 1.3) + 10)
  const { left, right } = spendCurveAxes(curve)
  return {
    ...baseOption(variant, spendCurveImageName(curve, given, caption), title, spendCurveSubtitle(curve, caption)),
    color: [CHART_COLORS.plan, CHART_COLORS.timeProgress, CHART_COLORS.actual, CHART_COLORS.forecast, CHART_COLORS.monthly],
    legend: { bottom: 4, itemGap: 16, textStyle: { fontSize: style.fontSize } },
    grid: { left: 56, right: 64, top, bottom },
    tooltip: { trigger: 'axis', confine: true, formatter: (params: unknown) => spendCurveTooltip(curve, axisDataIndex(params)) },
    xAxis: { type: 'category', data: [...CURVE_LABELS], boundaryGap: false, axisLabel: { fontSize: style.fontSize } },
    yAxis: [
      {
        type: 'value',
        name: '累计 %',
        min: 0,
        max: left.max,
        interval: left.interval,
        axisLabel: { formatter: '{value}%', fontSize: style.fontSize },
      },
      {
        type: 'value',
        name: '当月支出（万元）',
        nameTextStyle: { align: 'right' },
        min: 0,
        max: right.max,
        interval: right.interval,
        splitLine: { show: false },
        axisLabel: { fontSize: style.fontSize, formatter: (value: number) => String(Number(value.toFixed(right.digits))) },
      },
    ],
    series: [
      { type: 'line', name: planSeriesName(curve), data: planData(curve, style.symbolSize + 2), lineStyle: line(1), z: 3 },
      {
        type: 'line',
        name: '序时进度',
        data: [...curve.timeProgress],
        symbol: 'none',
        lineStyle: { ...line(0.6), type: 'dotted' },
      },
      {
        type: 'line',
        name: '执行率',
        data: actualData(curve, style.symbolSize),
        symbol: 'circle',
        symbolSize: style.symbolSize,
        lineStyle: line(1.4),
        z: 4,
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#444', type: 'solid', width: 1 },
          label: { formatter: `截至${curve.month}月`, fontSize: style.fontSize },
          data: [{ xAxis: CURVE_LABELS[curve.month] }, ...adjustmentMarks(curve, style.fontSize)],
        },
      },
      {
        type: 'line',
        name: '全年预计',
        data: [...curve.forecast],
        symbol: 'none',
        lineStyle: { ...line(1), type: 'dashed' },
      },
      {
        type: 'bar',
        name: '当月支出',
        yAxisIndex: 1,
        barMaxWidth: 28,
        itemStyle: { opacity: 0.55 },
        data: [null, ...curve.monthly.map((fen) => (fen === null ? null : fenToWan(fen)))],
      },
    ],
  }
}
