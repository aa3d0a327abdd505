/**
 * The official 项目支出绩效目标执行监控表 (财预〔2019〕136号) of one project for the round 1–m月,
 * as values: what each cell of the form holds. Exporters lay it out; this file only decides
 * the figures and texts (domain.md, "The monitoring form").
 *
 * The monitoring note (偏差原因, 原因说明, 完成目标可能性) is kept per project, while the form has
 * a row per indicator: the project's reasons and explanation apply to all its indicator rows.
 * A 完成目标可能性 confirmed in the note is the judgement for every indicator of the project;
 * only without one does a row carry the app's suggestion for that indicator (rule 9), and each
 * row's 备注 says which of the two it is, so a tick never contradicts the confirmed judgement.
 */
import { formatPercent, formatPoints } from './format'
import type { IndicatorEvaluation } from './indicatorEvaluation'
import { formatIndicatorValue, formatTarget } from './indicatorFormat'
import { suggestIndicatorLikelihood } from './likelihood'
import { formatWan } from './money'
import { isNoteOf, type ProjectEvaluation } from './projectEvaluation'
import {
  STATUS_LABELS,
  type DeviationReason,
  type Fen,
  type Likelihood,
  type MonitoringNote,
  type Month,
  type Status,
} from './types'

// The 合计 rows of the 汇总 sheet live in ./formTotal; re-exported for the form's users.
export { buildFormTotal, type FormTotal } from './formTotal'

export type FundingRowLabel = '年度资金总额' | '其中：财政拨款' | '其他资金'

/** One 项目资金 row; null = the cell stays blank (unknown or not applicable). */
export interface FundingRow {
  readonly label: FundingRowLabel
  /** 年初预算数 in 分 */
  readonly initialBudget: Fen | null
  /** 年度预算调整 in 分 (追加 +, 调减 −), adjustments dated by the end of month m; null when blank */
  readonly adjustment: Fen | null
  /** 调整后预算数 in 分, the base of 执行率 */
  readonly budget: Fen | null
  /** 1–m月执行数 in 分 */
  readonly executed: Fen | null
  /** 1–m月执行率 in % of 调整后预算数 */
  readonly executionRate: number | null
  /** 全年预计执行数 in 分 */
  readonly forecast: Fen | null
  /** 备注 of the row */
  readonly remark: string
}

/** A number with its unit, as the form shows it (e.g. 63 件, 98.5 %). */
export interface FormQuantity {
  readonly value: number
  readonly unit: string
}

export interface IndicatorFormRow {
  readonly level1: string
  readonly level2: string
  readonly name: string
  /** 年度指标值 as the project page writes it (formatTarget), e.g. "≥100 件", "=100%"; see TargetDisplay */
  readonly target: string
  /** 原目标 → 调整后目标 when the target was adjusted by month m (e.g. "≥100 件 → ≥80 件"); '' otherwise */
  readonly targetChange: string
  /** 1–m月执行情况; null when there is no number (then `actualText` says why) */
  readonly actual: FormQuantity | null
  readonly actualText: string
  /** 全年预计完成情况; null when unknown */
  readonly forecast: FormQuantity | null
  readonly forecastText: string
  readonly status: Status
  /** 完成目标可能性 ticked for this indicator: the project's confirmed one, else the suggestion; null when 未填报 */
  readonly likelihood: Likelihood | null
  /** Where `likelihood` comes from: confirmed for the project in its note, or suggested by the app */
  readonly likelihoodSource: 'confirmed' | 'suggested'
  /** 备注 */
  readonly remark: string
}

export interface MonitoringForm {
  readonly projectId: string
  readonly projectCode: string
  readonly projectName: string
  readonly departmentCode: string
  readonly departmentName: string
  readonly year: number
  readonly month: Month
  readonly status: Status
  /** P(m), planned 执行率 in % of budget */
  readonly planned: number
  /** 偏差 D(m) in 个百分点; null when month m is 未填报 */
  readonly deviation: number | null
  /** 年度资金总额, 其中：财政拨款, 其他资金 */
  readonly funding: readonly [FundingRow, FundingRow, FundingRow]
  /** 年度总体目标 · 全年预期目标, one line per goal */
  readonly goals: readonly string[]
  /** 年度总体目标 · 1–m月执行情况 */
  readonly progress: string
  readonly indicators: readonly IndicatorFormRow[]
  /** 偏差原因分析 of the project (from the note of month m) */
  readonly reasons: readonly DeviationReason[]
  /** 原因说明 */
  readonly explanation: string
  /** 完成目标可能性 of the project: confirmed in the note, else suggested */
  readonly likelihood: Likelihood | null
  readonly isLikelihoodConfirmed: boolean
  /** 整改措施 written in the note */
  readonly actions: string
}

/** Rounds a form quantity to at most 2 decimals, the precision the form is read at. */
function quantity(value: number | null, unit: string | null): FormQuantity | null {
  if (value === null || !Number.isFinite(value)) return null
  return { value: Math.round(value * 100) / 100, unit: unit ?? '' }
}

function quantityText(q: FormQuantity | null, fallback: string): string {
  return q === null ? fallback : formatIndicatorValue(q.value, q.unit)
}

/**
 * Which 年度指标值 the outputs print when a target was adjusted: the target in force (the
 * default, with the original noted in 备注) or the original (with the adjusted one noted).
 */
export type TargetDisplay = 'adjusted' | 'original'

/** The note of the other version of an adjusted target, for 备注; '' when the target was not adjusted. */
export function targetNote(e: IndicatorEvaluation, display: TargetDisplay): string {
  if (e.originalTarget === null) return ''
  return display === 'adjusted' ? `原目标 ${formatTarget(e.originalTarget)}` : `调整后目标 ${formatTarget(e.indicator.target)}`
}

function indicatorRemark(e: IndicatorEvaluation, likelihood: Likelihood | null, isConfirmed: boolean, display: TargetDisplay): string {
  const parts: string[] = []
  const note = targetNote(e, display)
  if (note !== '') parts.push(note)
  if (e.status === 'red' || e.status === 'yellow') parts.push(STATUS_LABELS[e.status])
  // The evaluation's 完成进度, for level indicators as for counts (as the project page shows it).
  if (e.completion !== null) parts.push(`完成进度 ${formatPercent(e.completion)}`)
  if (e.unreportedMonths.length > 0) parts.push(`${e.unreportedMonths.join('、')}月未填报`)
  if (e.indicator.target.kind === 'qualitative') parts.push('定性指标，人工评定')
  if (likelihood !== null) parts.push(`完成目标可能性：${isConfirmed ? '按项目确认' : '系统测算'}`)
  return parts.join('；')
}

/**
 * One indicator row of the form; quantities in the target's unit. `confirmed` is the project's
 * 完成目标可能性 confirmed in its note: when given, it is the row's judgement instead of the suggestion.
 */
export function buildIndicatorRow(
  e: IndicatorEvaluation,
  confirmed: Likelihood | null = null,
  display: TargetDisplay = 'adjusted',
): IndicatorFormRow {
  const { target } = e.indicator
  const printed = display === 'original' && e.originalTarget !== null ? e.originalTarget : target
  const isQualitative = target.kind === 'qualitative' || target.value === null
  const actual = isQualitative ? null : quantity(e.actual, target.unit)
  const forecast = isQualitative ? null : quantity(e.forecast, target.unit)
  const handText = e.status === 'unreported' ? '未填报' : STATUS_LABELS[e.status]
  const likelihood = confirmed ?? suggestIndicatorLikelihood(e)
  return {
    level1: e.indicator.level1,
    level2: e.indicator.level2,
    name: e.indicator.name,
    target: formatTarget(printed),
    targetChange: e.originalTarget === null ? '' : `${formatTarget(e.originalTarget)} → ${formatTarget(target)}`,
    actual,
    actualText: isQualitative ? handText : quantityText(actual, '未填报'),
    forecast,
    forecastText: isQualitative ? '' : quantityText(forecast, '—'),
    status: e.status,
    likelihood,
    likelihoodSource: confirmed === null ? 'suggested' : 'confirmed',
    remark: indicatorRemark(e, likelihood, confirmed !== null, display),
  }
}

/**
 * The three 项目资金 rows (money in 分): 年初预算数, 年度预算调整 and 调整后预算数 at month m.
 * Spending is entered per project, not per source of funds, so a source row gets 执行数 only
 * when that source is the whole budget in force.
 */
export function buildFundingRows(evaluation: ProjectEvaluation): readonly [FundingRow, FundingRow, FundingRow] {
  const { spend } = evaluation
  const { initial, adjustment, inForce } = spend.budgetInForce
  const { total, fiscal, other } = inForce
  const planRemark =
    `计划进度 ${formatPercent(spend.planned, 2)}，偏差 ${formatPoints(spend.deviation, 2)} 个百分点` +
    (spend.unreportedMonths.length > 0 ? `；${spend.unreportedMonths.join('、')}月支出未填报` : '')
  const whole: FundingRow = {
    label: '年度资金总额',
    initialBudget: initial.total,
    adjustment: adjustment.total,
    budget: total,
    executed: spend.executed,
    executionRate: spend.executionRate,
    forecast: spend.forecastAmount,
    remark: planRemark,
  }
  const part = (label: FundingRowLabel, initialBudget: Fen | null, change: Fen, budget: Fen | null): FundingRow => {
    // A blank source without adjustments stays blank in all three columns.
    const adjusted = budget === null ? null : change
    if (budget !== null && budget === total && total > 0) return { ...whole, label, initialBudget, adjustment: adjusted, remark: '' }
    const hasMoney = budget !== null && budget > 0
    return {
      label,
      initialBudget,
      adjustment: adjusted,
      budget,
      executed: null,
      executionRate: null,
      forecast: null,
      remark: hasMoney ? '支出未按资金来源分别录入' : '',
    }
  }
  return [
    whole,
    part('其中：财政拨款', initial.fiscal, adjustment.fiscal, fiscal),
    part('其他资金', initial.other, adjustment.other, other),
  ]
}

/** 年度总体目标 · 1–m月执行情况: spending and indicator progress in one sentence. */
export function describeProgress(evaluation: ProjectEvaluation): string {
  const { spend, month, indicators } = evaluation
  const counts = new Map<Status, number>()
  for (const e of indicators) counts.set(e.status, (counts.get(e.status) ?? 0) + 1)
  const statusText = (['green', 'yellow', 'red', 'unreported'] as const)
    .filter((s) => counts.has(s))
    .map((s) => `${STATUS_LABELS[s].replace(/·.*/, '')}${s === 'unreported' ? '' : '色'} ${counts.get(s)} 项`)
    .join('、')
  const spendText =
    spend.executionRate === null
      ? `1–${month}月支出未填报（已录入 ${formatWan(spend.executed)} 万元）`
      : `1–${month}月执行 ${formatWan(spend.executed)} 万元，执行率 ${formatPercent(spend.executionRate, 2)}` +
        `（计划 ${formatPercent(spend.planned, 2)}，偏差 ${formatPoints(spend.deviation, 2)} 个百分点）`
  return indicators.length === 0 ? `${spendText}。` : `${spendText}；${indicators.length} 项绩效指标：${statusText}。`
}

/**
 * The whole form of one project at its as-of month; `note` is the project's note of that month,
 * `display` which version of an adjusted target the form prints.
 */
export function buildMonitoringForm(
  evaluation: ProjectEvaluation,
  note: MonitoringNote | null,
  departmentName: string,
  display: TargetDisplay = 'adjusted',
): MonitoringForm {
  const { project, month } = evaluation
  const ownNote = note !== null && isNoteOf(note, project.id, month) ? note : null
  return {
    projectId: project.id,
    projectCode: project.code,
    projectName: project.name,
    departmentCode: project.departmentCode,
    departmentName,
    year: project.year,
    month,
    status: evaluation.status,
    planned: evaluation.spend.planned,
    deviation: evaluation.spend.deviation,
    funding: buildFundingRows(evaluation),
    goals: project.goals,
    progress: describeProgress(evaluation),
    indicators: evaluation.indicators.map((e) => buildIndicatorRow(e, evaluation.likelihood, display)),
    reasons: ownNote?.reasons ?? [],
    explanation: ownNote?.explanation ?? '',
    likelihood: evaluation.likelihood ?? evaluation.suggestedLikelihood,
    isLikelihoodConfirmed: evaluation.likelihood !== null,
    actions: ownNote?.actions ?? '',
  }
}
