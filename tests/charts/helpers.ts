import type { ChartOption } from '@/charts/options/types'

type SeriesLike = { name?: unknown; type?: unknown; data?: unknown }

/** The series of an option as a list. */
export function seriesOf(option: ChartOption): readonly SeriesLike[] {
  const series = option.series
  return (Array.isArray(series) ? series : series === undefined ? [] : [series]) as SeriesLike[]
}

/** Plain values of a series' data (data items `{ value }` unwrapped). */
export function valuesOf(option: ChartOption, name: string): readonly unknown[] {
  const series = seriesOf(option).find((s) => s.name === name)
  if (series === undefined) throw new Error(`No series ${name}`)
  return (series.data as unknown[]).map((d) => (typeof d === 'object' && d !== null && 'value' in d ? d.value : d))
}

/** Calls the tooltip formatter of an option as ECharts would for an axis tooltip at dataIndex. */
export function tooltipAt(option: ChartOption, dataIndex: number): string {
  const tooltip = option.tooltip as { formatter?: (params: unknown) => string }
  if (typeof tooltip.formatter !== 'function') throw new Error('No tooltip formatter')
  return tooltip.formatter([{ dataIndex }])
}
