/**
 * Target against actual for a project's indicators: each indicator's 完成进度 (% of its
 * target) as a bar coloured and labelled by status, the 序时 expectation of cumulative ones as a
 * marker, and the target itself as the 100 % line. One scale for counts and rates alike.
 */
import type { IndicatorEvaluation } from '@/domain'
import { formatPercent } from '@/domain/format'
import { formatIndicatorValue, formatTarget } from '@/domain/indicatorFormat'
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

/** Expected 完成进度 by now in % of target (cumulative ≥ targets only), else null. */
function expectedCompletion(e: IndicatorEvaluation): number | null {
  const target = e.indicator.target.value
  return e.expected === null || target === null || target === 0 ? null : (e.expected / target) * 100
}

/** Tooltip HTML of one indicator: names escaped, values with their units. */
export function indicatorTooltip(e: IndicatorEvaluation): string {
  const { target } = e.indicator
  const isCumulative = target.kind === 'cumulative'
  const rows = [
    tooltipTitle(e.indicator.name),
    tooltipRow(null, '指标层级', `${e.indicator.level1} / ${e.indicator.level2}`),
    tooltipRow(CHART_COLORS.target, '年度指标值', formatTarget(target)),
    tooltipRow(STATUS_COLORS[e.status], isCumulative ? '累计完成' : '最新值', formatIndicatorValue(e.actual, target.unit)),
  ]
  if (e.expected !== null) rows.push(tooltipRow(null, '序时应完成', formatIndicatorValue(e.expected, target.unit)))
  rows.push(tooltipRow(null, '完成进度', formatPercent(e.completion)))
  rows.push(tooltipRow(STATUS_COLORS[e.status], '状态', statusText(e.status)))
  if (e.forecast !== null) rows.push(tooltipRow(null, '全年预计', formatIndicatorValue(e.forecast, target.unit)))
  return rows.join('')
}

/** The figures beside an indicator's bar: 完成进度 and status word, or 未填报. */
function indicatorLabel(e: IndicatorEvaluation): string {
  return e.completion === null ? STATUS_WORDS[e.status] : `${formatPercent(e.completion)} · ${STATUS_WORDS[e.status]}`
}

export interface IndicatorTargetsOptionInput {
  readonly indicators: readonly IndicatorEvaluation[]
  readonly title?: string
  readonly variant?: ChartVariant
}

/** ECharts option of indicator targets vs actuals (completion in % of target). */
export function buildIndicatorTargetsOption({ indicators, title, variant = 'screen' }: IndicatorTargetsOptionInput): ChartOption {
  const style = VARIANT_STYLES[variant]
  return {
    ...baseOption(variant, imageFileName(title ?? '指标完成情况'), title),
    legend: { bottom: 4, data: ['完成进度（颜色表示状态）', '序时应完成'], textStyle: { fontSize: style.fontSize } },
    grid: { left: 8, right: 8, top: title === undefined ? 36 : 64, bottom: 48, containLabel: true },
    // A 未填报 indicator has no bar but its figure column still says so.
    ...rowBarFrame(indicators, {
      style,
      names: indicators.map((e) => e.indicator.name),
      figures: indicators.map(indicatorLabel),
      nameWidth: 150,
      floor: 120,
      step: 20,
      tooltip: indicatorTooltip,
    }),
    series: [
      {
        type: 'bar',
        name: '完成进度（颜色表示状态）',
        barMaxWidth: 26,
        itemStyle: { color: STATUS_COLORS.unreported },
        data: indicators.map((e) => ({
          value: e.completion,
          itemStyle: { color: STATUS_COLORS[e.status] },
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: CHART_COLORS.target, type: 'solid', width: 1.5 },
          // The y axis is inverted, so the line starts at the top: label it there.
          label: { formatter: '目标', position: 'start', fontSize: style.fontSize },
          data: [{ xAxis: 100 }],
        },
      },
      {
        type: 'scatter',
        name: '序时应完成',
        symbol: 'diamond',
        symbolSize: style.symbolSize * 2,
        itemStyle: { color: CHART_COLORS.plan },
        data: indicators.map(expectedCompletion),
        z: 4,
      },
    ],
  }
}
