/**
 * One indicator row of the 监控表 (财预〔2019〕136号), as values. Each row carries its own
 * monitoring note (indicatorNotes.ts): 偏差原因 ticks, 完成目标可能性 (the user's, else the
 * app's suggestion for that indicator), 原因说明 and 备注, and the 全年预计完成情况 the user
 * rewrote. Nothing is taken from another indicator or from the project's note, so a tick on one
 * indicator never shows on another.
 *
 * A round 已报送 shows the reported figures; where today's figures of an indicator differ, the
 * row is marked 报送后有变动 and its 备注 carries today's values.
 */
import { formatPercent } from './format'
import type { IndicatorEvaluation } from './indicatorEvaluation'
import { formatIndicatorValue, formatTarget, OPERATOR_SIGNS } from './indicatorFormat'
import type { IndicatorNote } from './indicatorNotes'
import { suggestIndicatorLikelihood } from './likelihood'
import { qualitativeStatusLabel } from './presets'
import type { ReportedDifference } from './reportedRound'
import { STATUS_LABELS, type DeviationReason, type IndicatorTarget, type Likelihood, type Status, type Thresholds } from './types'

/** A number with its unit, as the form shows it (e.g. 63 件, 98.5 %). */
export interface FormQuantity {
  readonly value: number
  readonly unit: string
}

/**
 * Which 年度指标值 the outputs print when a target was adjusted: the target in force (the
 * default, with the original noted in 备注) or the original (with the adjusted one noted).
 */
export type TargetDisplay = 'adjusted' | 'original'

/** The mark of a row or cell whose figures changed after the round was 已报送. */
export const CHANGED_AFTER_REPORT = '报送后有变动'

export interface IndicatorFormRow {
  readonly indicatorId: string
  readonly level1: string
  readonly level2: string
  readonly name: string
  /** 年度指标值 as the project page writes it (formatTarget), e.g. "≥100 件", "=100%"; see TargetDisplay */
  readonly target: string
  /** 年度指标值 in one cell as the finance systems print it, e.g. "≥100件", "≤1%" (formatFormTarget) */
  readonly formTarget: string
  /** 原目标 → 调整后目标 when the target was adjusted by month m (e.g. "≥100 件 → ≥80 件"); '' otherwise */
  readonly targetChange: string
  /** 1–m月执行情况; null when there is no number (then `actualText` says why: a 定性 indicator's hand-set light in the preset's words) */
  readonly actual: FormQuantity | null
  readonly actualText: string
  /** 全年预计完成情况 computed (rule 9); null when unknown or when the user rewrote it */
  readonly forecast: FormQuantity | null
  /** 全年预计完成情况 shown: the user's text when rewritten, else the computed one ('' / — when none) */
  readonly forecastText: string
  /** True when `forecastText` is the user's (IndicatorNote.forecast) */
  readonly isForecastEdited: boolean
  readonly status: Status
  /** 偏差原因 ticked for this indicator (its own note only) */
  readonly reasons: readonly DeviationReason[]
  /** 完成目标可能性 ticked: the indicator's confirmed one, else the suggestion; null when 未填报 */
  readonly likelihood: Likelihood | null
  /** Where `likelihood` comes from: confirmed in the indicator's note, or suggested by the app */
  readonly likelihoodSource: 'confirmed' | 'suggested'
  /** 原因说明 of the indicator's note */
  readonly explanation: string
  /** 备注: the user's remark, then what the app notes (目标调整, 状态, 完成进度, 未填报, 报送后有变动) */
  readonly remark: string
  /** How today's figures of this indicator differ from the 已报送 round; empty when not reported or unchanged */
  readonly changes: readonly ReportedDifference[]
}

/** 年度指标值 in one cell, without a space before the unit: "≥100件", "≥98%", "=100%"; the cell as written without a number. */
export function formatFormTarget(target: IndicatorTarget): string {
  if (target.value === null) return target.raw
  const sign = target.operator === null ? '' : OPERATOR_SIGNS[target.operator]
  const value = String(Math.round(target.value * 100) / 100)
  return `${sign}${value}${target.unit ?? ''}`
}

/** Rounds a form quantity to at most 2 decimals, the precision the form is read at. */
function quantity(value: number | null, unit: string | null): FormQuantity | null {
  if (value === null || !Number.isFinite(value)) return null
  return { value: Math.round(value * 100) / 100, unit: unit ?? '' }
}

function quantityText(q: FormQuantity | null, fallback: string): string {
  return q === null ? fallback : formatIndicatorValue(q.value, q.unit)
}

/** The note of the other version of an adjusted target, for 备注; '' when the target was not adjusted. */
export function targetNote(e: IndicatorEvaluation, display: TargetDisplay): string {
  if (e.originalTarget === null) return ''
  return display === 'adjusted' ? `原目标 ${formatTarget(e.originalTarget)}` : `调整后目标 ${formatTarget(e.indicator.target)}`
}

/** The differences of one indicator in a project's comparison (labels are "<name> 指标值|实际|状态"). */
export function indicatorChanges(name: string, changes: readonly ReportedDifference[]): readonly ReportedDifference[] {
  const prefix = `${name} `
  return changes.filter((d) => d.label.startsWith(prefix) && ['指标值', '实际', '状态'].includes(d.label.slice(prefix.length)))
}

/** "报送后有变动：实际 今日 70 件（报送时 63 件）" for a list of differences; '' when none. */
export function describeChanges(changes: readonly ReportedDifference[], trim = ''): string {
  if (changes.length === 0) return ''
  const parts = changes.map((d) => `${d.label.startsWith(trim) ? d.label.slice(trim.length) : d.label} 今日 ${d.current}（报送时 ${d.reported}）`)
  return `${CHANGED_AFTER_REPORT}：${parts.join('，')}`
}

interface RemarkParts {
  readonly e: IndicatorEvaluation
  readonly likelihood: Likelihood | null
  readonly isConfirmed: boolean
  readonly display: TargetDisplay
  readonly note: IndicatorNote | null
  readonly changes: readonly ReportedDifference[]
}

function indicatorRemark({ e, likelihood, isConfirmed, display, note, changes }: RemarkParts): string {
  const parts: string[] = []
  const own = note?.remark.trim() ?? ''
  if (own !== '') parts.push(own)
  const target = targetNote(e, display)
  if (target !== '') parts.push(target)
  if (e.status === 'red' || e.status === 'yellow') parts.push(STATUS_LABELS[e.status])
  // The evaluation's 完成进度, for level indicators as for counts (as the project page shows it).
  if (e.completion !== null) parts.push(`完成进度 ${formatPercent(e.completion)}`)
  if (e.unreportedMonths.length > 0) parts.push(`${e.unreportedMonths.join('、')}月未填报`)
  if (e.indicator.target.kind === 'qualitative') parts.push('定性指标，人工评定')
  if (note?.forecast != null) parts.push('全年预计为填报人填写')
  if (likelihood !== null) parts.push(`完成目标可能性：${isConfirmed ? '已确认' : '系统测算'}`)
  const changed = describeChanges(changes, `${e.indicator.name} `)
  if (changed !== '') parts.push(changed)
  return parts.join('；')
}

/** What a row is built with besides the evaluation. */
export interface IndicatorRowOptions {
  /** The indicator's note of the round's month; null or absent = nothing filled */
  readonly note?: IndicatorNote | null
  readonly display?: TargetDisplay
  /** Differences of the project after 报送 (ReportedView.changes); the row keeps those of its indicator */
  readonly changes?: readonly ReportedDifference[]
  /** The warning preset: a 定性 indicator's light is written in its words (财政一体化: 达成目标…); absent = the default */
  readonly thresholds?: Thresholds
}

/** One indicator row of the form; quantities in the target's unit. */
export function buildIndicatorRow(e: IndicatorEvaluation, options: IndicatorRowOptions = {}): IndicatorFormRow {
  const { display = 'adjusted' } = options
  const note = options.note != null && options.note.indicatorId === e.indicator.id ? options.note : null
  const { target } = e.indicator
  const printed = display === 'original' && e.originalTarget !== null ? e.originalTarget : target
  const isQualitative = target.kind === 'qualitative' || target.value === null
  const actual = isQualitative ? null : quantity(e.actual, target.unit)
  const computed = isQualitative ? null : quantity(e.forecast, target.unit)
  // A 定性 indicator has no figure: its hand-set light, as the project page and the report write it.
  const handText = qualitativeStatusLabel(e.status, options.thresholds)
  const confirmed = note?.likelihood ?? null
  const likelihood = confirmed ?? suggestIndicatorLikelihood(e)
  const isForecastEdited = note?.forecast != null
  const changes = indicatorChanges(e.indicator.name, options.changes ?? [])
  return {
    indicatorId: e.indicator.id,
    level1: e.indicator.level1,
    level2: e.indicator.level2,
    name: e.indicator.name,
    target: formatTarget(printed),
    formTarget: formatFormTarget(printed),
    targetChange: e.originalTarget === null ? '' : `${formatTarget(e.originalTarget)} → ${formatTarget(target)}`,
    actual,
    actualText: isQualitative ? handText : quantityText(actual, '未填报'),
    forecast: isForecastEdited ? null : computed,
    forecastText: isForecastEdited ? (note?.forecast ?? '') : isQualitative ? '' : quantityText(computed, '—'),
    isForecastEdited,
    status: e.status,
    reasons: note?.reasons ?? [],
    likelihood,
    likelihoodSource: confirmed === null ? 'suggested' : 'confirmed',
    explanation: note?.explanation ?? '',
    remark: indicatorRemark({ e, likelihood, isConfirmed: confirmed !== null, display, note, changes }),
    changes,
  }
}
