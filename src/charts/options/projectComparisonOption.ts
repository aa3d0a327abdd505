/**
 * Every project's 执行率 against its planned % at the as-of month, lagging first: a bar per
 * project coloured and labelled by status, the plan as a marker. Past a screenful of projects a
 * scrollbar (dataZoom) keeps names legible; the caller passes at most a few dozen.
 */
import type { ProjectEvaluation } from '@/domain'
import { formatPercent, formatPoints } from '@/domain/format'
import { formatWan } from '@/domain/money'
import {
  rowBarFrame,
  baseOption,
  CHART_COLORS,
  imageFileName,
  STATUS_COLORS,
  STATUS_WORDS,
  statusText,
  tooltipRow,
  tooltipTitle,
  VARIANT_STYLES,
} from './common'
import type { ChartOption, ChartVariant } from './types'

/** Rows visible at once before the chart scrolls. */
export const COMPARISON_VISIBLE_ROWS = 15

/**
 * Sizes in px per variant: a project's row (the chart's height follows it), its bar, and the
 * plan marker, taller than the bar so it shows past both edges yet shorter than the row.
 */
export const COMPARISON_SIZES: Readonly<Record<ChartVariant, { row: number; bar: number; marker: number }>> = {
  screen: { row: 34, bar: 20, marker: 30 },
  projector: { row: 60, bar: 30, marker: 44 },
  print: { row: 26, bar: 14, marker: 22 },
}

/** Tooltip HTML of one project (name escaped): 执行率, plan, deviation in 个百分点, money in 万元. */
export function comparisonTooltip(e: ProjectEvaluation): string {
  const { spend } = e
  return [
    tooltipTitle(`${e.project.code} ${e.project.name}`),
    tooltipRow(STATUS_COLORS[e.status], '执行率', spend.executionRate === null ? '未填报' : formatPercent(spend.executionRate)),
    tooltipRow(CHART_COLORS.plan, spend.planSource === 'timeProgress' ? '计划进度（按序时）' : '计划进度', formatPercent(spend.planned)),
    tooltipRow(null, '偏差', spend.deviation === null ? '—' : `${formatPoints(spend.deviation)} 个百分点`),
    tooltipRow(null, '执行数 / 预算数', `${formatWan(spend.executed)} / ${formatWan(spend.budget)} 万元`),
    tooltipRow(STATUS_COLORS[e.status], '项目状态', statusText(e.status)),
  ].join('')
}

/** The figures beside a project's bar: 执行率, deviation and status word (not colour alone). */
function comparisonLabel(e: ProjectEvaluation): string {
  const { executionRate, deviation } = e.spend
  if (executionRate === null) return `未填报 · ${STATUS_WORDS[e.status]}`
  return `${formatPercent(executionRate)}（${formatPoints(deviation)}）${STATUS_WORDS[e.status]}`
}

export interface ProjectComparisonOptionInput {
  /** Projects in display order (most lagging first). */
  readonly evaluations: readonly ProjectEvaluation[]
  readonly title?: string
  readonly variant?: ChartVariant
}

/** ECharts option comparing projects' 执行率 (%) with plan at one as-of month. */
export function buildProjectComparisonOption({ evaluations, title, variant = 'screen' }: ProjectComparisonOptionInput): ChartOption {
  const style = VARIANT_STYLES[variant]
  const sizes = COMPARISON_SIZES[variant]
  const isScrolling = evaluations.length > COMPARISON_VISIBLE_ROWS
  return {
    ...baseOption(variant, imageFileName(title ?? '项目执行率对比'), title),
    legend: { bottom: 4, data: ['执行率（颜色表示状态）', '计划进度'], textStyle: { fontSize: style.fontSize } },
    grid: { left: 8, right: isScrolling ? 30 : 8, top: title === undefined ? 36 : 64, bottom: 44, containLabel: true },
    ...rowBarFrame(evaluations, {
      style,
      names: evaluations.map((e) => e.project.name),
      figures: evaluations.map(comparisonLabel),
      nameWidth: 170,
      floor: 100,
      step: 10,
      tooltip: comparisonTooltip,
    }),
    dataZoom: isScrolling
      ? [
          { type: 'slider', yAxisIndex: [0, 1], right: 8, width: 14, startValue: 0, endValue: COMPARISON_VISIBLE_ROWS - 1, zoomLock: true, showDetail: false },
          { type: 'inside', yAxisIndex: [0, 1], zoomOnMouseWheel: false, moveOnMouseWheel: true },
        ]
      : undefined,
    series: [
      {
        type: 'bar',
        name: '执行率（颜色表示状态）',
        barWidth: sizes.bar,
        z: 2,
        itemStyle: { color: STATUS_COLORS.unreported },
        data: evaluations.map((e) => ({
          value: e.spend.executionRate,
          itemStyle: { color: STATUS_COLORS[e.status] },
        })),
      },
      {
        type: 'scatter',
        name: '计划进度',
        symbol: 'rect',
        // Taller than the bar, above it and outlined in white: a bar that ends exactly on plan
        // (社区矫正经费 60 / 60) would otherwise swallow the marker into its own end.
        symbolSize: [6, sizes.marker],
        itemStyle: { color: CHART_COLORS.plan, opacity: 1, borderColor: '#ffffff', borderWidth: 1.5 },
        data: evaluations.map((e) => e.spend.planned),
        z: 5,
      },
    ],
  }
}
