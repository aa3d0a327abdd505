/**
 * The status mix over the year: how many projects were 红/黄/绿/未填报 at each month end, as
 * stacked bars. Patterns (aria decal) tell the statuses apart without colour.
 */
import type { MonthStatusCounts } from '@/domain/statusHistory'
import { STATUS_ORDER } from '@/domain/status'
import type { ProjectStatus } from '@/domain/types'
import { axisDataIndex, baseOption, imageFileName, STATUS_COLORS, statusText, tooltipRow, tooltipTitle, VARIANT_STYLES } from './common'
import type { ChartOption, ChartVariant } from './types'

/** Tooltip HTML of one month: project counts per status. */
export function statusHistoryTooltip(entry: MonthStatusCounts): string {
  const total = STATUS_ORDER.reduce((sum, s) => sum + entry.counts[s], 0)
  return [
    tooltipTitle(`${entry.month}月底 · ${total} 个项目`),
    ...STATUS_ORDER.map((s) => tooltipRow(STATUS_COLORS[s], statusText(s), `${entry.counts[s]} 个`)),
  ].join('')
}

export interface StatusHistoryOptionInput {
  readonly history: readonly MonthStatusCounts[]
  readonly title?: string
  readonly variant?: ChartVariant
}

/** ECharts option of project status counts per month (stacked bars, counts of projects). */
export function buildStatusHistoryOption({ history, title, variant = 'screen' }: StatusHistoryOptionInput): ChartOption {
  const style = VARIANT_STYLES[variant]
  const series = STATUS_ORDER.map((status: ProjectStatus) => ({
    type: 'bar' as const,
    name: statusText(status),
    stack: 'status',
    barMaxWidth: 48,
    itemStyle: { color: STATUS_COLORS[status] },
    label: { show: true, formatter: (p: { value: unknown }) => (p.value === 0 ? '' : String(p.value)) },
    data: history.map((entry) => entry.counts[status]),
  }))
  return {
    ...baseOption(variant, imageFileName(title ?? '项目状态变化'), title),
    // Decal patterns make each status distinguishable in grey-scale print and for colour blindness.
    aria: { enabled: true, decal: { show: true } },
    legend: { bottom: 4, textStyle: { fontSize: style.fontSize } },
    grid: { left: 48, right: 24, top: title === undefined ? 36 : 64, bottom: 48 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: unknown) => {
        const entry = history[axisDataIndex(params)]
        return entry === undefined ? '' : statusHistoryTooltip(entry)
      },
    },
    xAxis: { type: 'category', data: history.map((entry) => `${entry.month}月`), axisLabel: { fontSize: style.fontSize } },
    yAxis: { type: 'value', name: '项目数', minInterval: 1, axisLabel: { fontSize: style.fontSize } },
    series,
  }
}
