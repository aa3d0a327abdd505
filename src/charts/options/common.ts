/**
 * Shared look of our charts: a colour-blind-safe palette (Okabe–Ito), sizes per variant,
 * the save-as-PNG toolbox and tooltip helpers that escape user text.
 */
import { STATUS_LABELS, type Status } from '@/domain/types'
import type { ChartOption, ChartVariant } from './types'

/**
 * Okabe–Ito colours stay distinct for the common colour-vision deficiencies and on a washed-out
 * projector; series also differ by line style and marker, never by colour alone.
 */
export const CHART_COLORS = {
  plan: '#0072B2',
  timeProgress: '#7a7a7a',
  actual: '#D55E00',
  monthly: '#56B4E9',
  forecast: '#D55E00',
  target: '#222222',
} as const

/** Status colours matching --status-* in base.css, brightened enough to fill a bar. */
export const STATUS_COLORS: Readonly<Record<Status, string>> = {
  red: '#c0392b',
  yellow: '#E69F00',
  green: '#009E73',
  unreported: '#9aa5b1',
  exceeded: '#0072B2',
}

/** Short status words for labels where the full badge text does not fit. */
export const STATUS_WORDS: Readonly<Record<Status, string>> = {
  red: '滞后',
  yellow: '关注',
  green: '正常',
  unreported: '未填报',
  exceeded: '超额',
}

export interface VariantStyle {
  readonly fontSize: number
  readonly titleSize: number
  readonly lineWidth: number
  readonly symbolSize: number
  readonly isAnimated: boolean
  readonly hasToolbox: boolean
}

export const VARIANT_STYLES: Readonly<Record<ChartVariant, VariantStyle>> = {
  screen: { fontSize: 12, titleSize: 15, lineWidth: 2.5, symbolSize: 7, isAnimated: true, hasToolbox: true },
  projector: { fontSize: 20, titleSize: 26, lineWidth: 5, symbolSize: 13, isAnimated: false, hasToolbox: true },
  // Print: no animation (the PDF is taken at once) and no toolbox icons on paper.
  print: { fontSize: 11, titleSize: 13, lineWidth: 2, symbolSize: 6, isAnimated: false, hasToolbox: false },
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for ECharts' HTML tooltips, so a project or indicator name is never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)
}

/** The month index a tooltip points at, from ECharts' axis-tooltip params. */
export function axisDataIndex(params: unknown): number {
  const first: unknown = Array.isArray(params) ? params[0] : params
  if (typeof first === 'object' && first !== null && 'dataIndex' in first && typeof first.dataIndex === 'number') {
    return first.dataIndex
  }
  return 0
}

/** One tooltip line: a colour dot (decorative), a label and a value (all text escaped). */
export function tooltipRow(color: string | null, label: string, value: string): string {
  const dot = color === null ? '' : `<span style="display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:6px;background:${color}"></span>`
  return `<div>${dot}${escapeHtml(label)}<b style="float:right;margin-left:16px">${escapeHtml(value)}</b></div>`
}

/** A muted line under a tooltip row, e.g. a caveat on the figure above (escaped). */
export function tooltipNote(text: string): string {
  return `<div style="color:#52606d;font-size:0.9em">${escapeHtml(text)}</div>`
}

/** A tooltip heading (escaped). */
export function tooltipTitle(text: string): string {
  return `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(text)}</div>`
}

/** The parts of an option every chart shares: text size, animation, background, PNG export. */
export function baseOption(variant: ChartVariant, fileName: string, title?: string, subtitle?: string): ChartOption {
  const style = VARIANT_STYLES[variant]
  return {
    animation: style.isAnimated,
    backgroundColor: '#ffffff',
    textStyle: { fontSize: style.fontSize, fontFamily: 'PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif' },
    // aria writes a text description of the chart for screen readers.
    aria: { enabled: true },
    title:
      title === undefined
        ? undefined
        : { text: title, subtext: subtitle, left: 8, top: 4, textStyle: { fontSize: style.titleSize }, subtextStyle: { fontSize: style.fontSize } },
    toolbox: style.hasToolbox
      ? {
          right: 12,
          top: 4,
          itemSize: Math.round(style.fontSize * 1.2),
          feature: { saveAsImage: { title: '保存为图片', name: fileName, pixelRatio: 2, backgroundColor: '#ffffff' } },
        }
      : undefined,
  }
}

/** Label of a status for tooltips, e.g. '红·滞后'. */
export function statusText(status: Status): string {
  return STATUS_LABELS[status]
}

/** File name for a saved chart image: no characters that file systems reject. */
export function imageFileName(...parts: readonly string[]): string {
  return parts.join('-').replace(/[\\/:*?"<>|\s]+/g, '_')
}

/** Steps an axis may take: 1, 2, 2.5 or 5 times a power of ten, so tick labels stay short. */
const NICE_MANTISSAS: readonly number[] = [1, 2, 2.5, 5, 10]

/** The smallest nice step (1, 2, 2.5 or 5 × 10^k) at or above `raw` (> 0). */
export function niceStep(raw: number): number {
  const exponent = Math.floor(Math.log10(raw))
  // Divide for negative powers: 2.5 / 10 is exactly 0.25, 2.5 * 0.1 is not always.
  const scale = (m: number) => (exponent < 0 ? m / 10 ** -exponent : m * 10 ** exponent)
  const mantissa = NICE_MANTISSAS.find((m) => scale(m) >= raw * (1 - 1e-12)) ?? 10
  return scale(mantissa)
}

/** Decimals needed to write a step exactly (0.25 → 2, 2.5 → 1, 20 → 0). */
function decimalsOf(step: number): number {
  let digits = 0
  while (digits < 12 && Math.abs(Number(step.toFixed(digits)) - step) > step * 1e-9) digits += 1
  return digits
}

export interface AxisScale {
  readonly max: number
  readonly interval: number
  /** Decimals that show every tick of this interval exactly */
  readonly digits: number
}

/** An axis from 0 whose maximum is `splits` nice steps at or above `top`: it ends on a tick. */
export function axisScale(top: number, splits: number): AxisScale {
  const interval = niceStep(top > 0 ? top / splits : 1 / splits)
  const digits = decimalsOf(interval)
  // Round off float noise (0.2 × 3 = 0.6000000000000001) so the last tick equals max.
  return { max: Number((interval * splits).toFixed(digits + 2)), interval, digits }
}


/**
 * The frame shared by horizontal bar charts of rows (projects, indicators): a tooltip per row,
 * a % value axis from 0 (at least `floor`, widened in steps of `step`), row names on the left
 * and a column of figures on the right, so labels never collide with bars or markers.
 */
export function rowBarFrame<T>(
  rows: readonly T[],
  frame: {
    readonly style: VariantStyle
    readonly names: readonly string[]
    readonly figures: readonly string[]
    readonly nameWidth: number
    readonly floor: number
    readonly step: number
    readonly tooltip: (row: T) => string
  },
): Pick<ChartOption, 'tooltip' | 'xAxis' | 'yAxis'> {
  const { style } = frame
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: unknown) => {
        const row = rows[axisDataIndex(params)]
        return row === undefined ? '' : frame.tooltip(row)
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: (extent: { max: number }) => Math.max(frame.floor, Math.ceil(extent.max / frame.step) * frame.step),
      // hideOverlap: on a phone-wide chart the labels would run together (20%40%60%…).
      axisLabel: { formatter: '{value}%', fontSize: style.fontSize, hideOverlap: true },
    },
    // Inverse, so the first row is at the top as in the tables.
    yAxis: [
      { type: 'category', inverse: true, data: [...frame.names], axisLabel: { width: frame.nameWidth, overflow: 'truncate', fontSize: style.fontSize } },
      {
        type: 'category',
        inverse: true,
        position: 'right',
        data: [...frame.figures],
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: { fontSize: style.fontSize, color: '#1f2933' },
      },
    ],
  }
}
