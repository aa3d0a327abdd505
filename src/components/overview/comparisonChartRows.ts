/**
 * What the overview's comparison bars show: per project its 执行率 bar (coloured by status), the
 * plan as a marker, the figures beside it and a tooltip, on a % axis from 0. Drawn in HTML, not
 * ECharts, so the first route does not load a chart library for one bar chart.
 */
import { CHART_COLORS, niceStep, STATUS_COLORS, STATUS_WORDS, statusText } from '@/charts/options/common'
import type { ReportedDifference } from '@/domain'
import type { ProjectFigures } from '@/domain/projectFigures'
import { formatPercent, formatPoints } from '@/domain/format'
import { formatWan } from '@/domain/money'
import type { Status } from '@/domain/types'

/** Rows visible at once before the bars scroll. */
export const COMPARISON_VISIBLE_ROWS = 15
/** The axis reaches at least 100 %; past it, it widens in nice steps. */
const AXIS_FLOOR = 100
const AXIS_SPLITS = 5

export interface TooltipLine {
  readonly label: string
  readonly value: string
  /** The colour dot before the label (decorative); null for none. */
  readonly color: string | null
}

export interface ComparisonRow {
  readonly id: string
  readonly name: string
  readonly status: Status
  readonly color: string
  /** Bar length in % of the axis; null when 执行率 is 未填报. */
  readonly barPct: number | null
  /** Plan marker position in % of the axis. */
  readonly planPct: number
  /** Beside the bar: 执行率, deviation and status word (not colour alone). */
  readonly figure: string
  readonly tooltipTitle: string
  readonly tooltip: readonly TooltipLine[]
  /** The whole row in words, for screen readers. */
  readonly description: string
  /** 已报送 month: the bar is as reported and these spend figures differ today (报送后有变动); empty otherwise. */
  readonly changed: readonly ReportedDifference[]
}

/** The figures of a bar's row: a difference in any of them marks the row 报送后有变动. */
const BAR_FIGURES = new Set(['预算数', '执行数', '执行率', '计划进度', '偏差', '状态'])

export interface AxisTick {
  readonly label: string
  /** Position in % of the axis. */
  readonly pct: number
}

export interface ComparisonChart {
  readonly rows: readonly ComparisonRow[]
  readonly ticks: readonly AxisTick[]
}

/** Tooltip lines of one project: 执行率, plan, deviation in 个百分点, money in 万元, status. */
export function comparisonTooltip(e: ProjectFigures): readonly TooltipLine[] {
  const { spend } = e
  return [
    { color: STATUS_COLORS[e.status], label: '执行率', value: spend.executionRate === null ? '未填报' : formatPercent(spend.executionRate) },
    { color: CHART_COLORS.plan, label: spend.planSource === 'timeProgress' ? '计划进度（按序时）' : '计划进度', value: formatPercent(spend.planned) },
    { color: null, label: '偏差', value: spend.deviation === null ? '—' : `${formatPoints(spend.deviation)} 个百分点` },
    { color: null, label: '执行数 / 预算数', value: `${formatWan(spend.executed)} / ${formatWan(spend.budget)} 万元` },
    { color: STATUS_COLORS[e.status], label: '项目状态', value: statusText(e.status) },
  ]
}

function comparisonFigure(e: ProjectFigures): string {
  const { executionRate, deviation } = e.spend
  if (executionRate === null) return `未填报 · ${STATUS_WORDS[e.status]}`
  return `${formatPercent(executionRate)}（${formatPoints(deviation)}）${STATUS_WORDS[e.status]}`
}

/**
 * Bars, markers and axis for projects in display order (most lagging first), rates in % of budget.
 * `changes` (ReportedView.changes) marks the bars of a 已报送 month whose figures differ today.
 */
export function buildComparisonChart(
  evaluations: readonly ProjectFigures[],
  changes: ReadonlyMap<string, readonly ReportedDifference[]> = new Map(),
): ComparisonChart {
  const top = Math.max(AXIS_FLOOR, ...evaluations.flatMap((e) => [e.spend.executionRate ?? 0, e.spend.planned]))
  const interval = niceStep(top / AXIS_SPLITS)
  const max = Math.ceil(top / interval - 1e-9) * interval
  const at = (value: number) => (Math.max(0, value) / max) * 100
  const rows = evaluations.map((e): ComparisonRow => {
    const changed = (changes.get(e.project.id) ?? []).filter((d) => BAR_FIGURES.has(d.label))
    const tooltip = [
      ...comparisonTooltip(e),
      ...(changed.length === 0 ? [] : [{ color: null, label: '报送后有变动（按当前数据）', value: changed.map((d) => `${d.label} ${d.current}`).join('，') }]),
    ]
    const tooltipTitle = `${e.project.code} ${e.project.name}`
    return {
      id: e.project.id,
      name: e.project.name,
      status: e.status,
      color: STATUS_COLORS[e.status],
      barPct: e.spend.executionRate === null ? null : at(e.spend.executionRate),
      planPct: at(e.spend.planned),
      figure: comparisonFigure(e),
      tooltipTitle,
      tooltip,
      description: `${tooltipTitle}：${tooltip.map((line) => `${line.label} ${line.value}`).join('，')}`,
      changed,
    }
  })
  const ticks = Array.from({ length: Math.round(max / interval) + 1 }, (_, i) => ({ label: `${i * interval}%`, pct: at(i * interval) }))
  return { rows, ticks }
}
