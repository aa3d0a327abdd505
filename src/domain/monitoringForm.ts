/**
 * The official 项目支出绩效目标执行监控表 (财预〔2019〕136号) of one project for the round 1–m月,
 * as values: what each cell of the form holds. Exporters lay it out; this file only decides
 * the figures and texts (domain.md, "The monitoring form").
 *
 * Each indicator row carries its own monitoring note (formIndicatorRow.ts: 偏差原因, 完成目标可能性,
 * 原因说明, 备注, 全年预计). The project keeps its spending note (预算执行偏差原因: the reasons and
 * 原因说明 of its MonitoringNote) and its confirmed 完成目标可能性, printed for the project, never
 * copied onto its indicators.
 */
import { formatPercent, formatPoints } from './format'
import { buildIndicatorRow, describeChanges, indicatorChanges, type IndicatorFormRow, type TargetDisplay } from './formIndicatorRow'
import type { IndicatorNote } from './indicatorNotes'
import { formatWan } from './money'
import { isNoteOf, type ProjectEvaluation } from './projectEvaluation'
import type { ReportedDifference } from './reportedRound'
import {
  STATUS_LABELS,
  type DeviationReason,
  type Fen,
  type Likelihood,
  type MonitoringNote,
  type Month,
  type Status,
  type Thresholds,
} from './types'

// The indicator rows live in ./formIndicatorRow; re-exported for the form's users.
export {
  buildIndicatorRow,
  CHANGED_AFTER_REPORT,
  describeChanges,
  formatFormTarget,
  type FormQuantity,
  type IndicatorFormRow,
  type IndicatorRowOptions,
  type TargetDisplay,
  targetNote,
} from './formIndicatorRow'
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
  /** 预算执行偏差原因 of the project (its note of month m): the reasons ticked */
  readonly reasons: readonly DeviationReason[]
  /** 预算执行偏差原因 · 原因说明 of the project's note */
  readonly explanation: string
  /** 完成目标可能性 of the project: confirmed in the note, else suggested */
  readonly likelihood: Likelihood | null
  readonly isLikelihoodConfirmed: boolean
  /** 整改措施 written in the note */
  readonly actions: string
  /**
   * How today's project figures differ from the 已报送 round shown (预算数, 执行数, 执行率, 状态,
   * 监控说明…; the indicators' are on their rows); empty when not reported or unchanged.
   */
  readonly changes: readonly ReportedDifference[]
}

/** What a form is built with besides the evaluation and the project's note. */
export interface MonitoringFormOptions {
  /** Which version of an adjusted target the form prints */
  readonly display?: TargetDisplay
  /** Indicator notes (any months and projects: the form keeps its own indicators' of month m) */
  readonly indicatorNotes?: readonly IndicatorNote[]
  /** ReportedView.changes of this project: today's figures that differ from the 已报送 round */
  readonly changes?: readonly ReportedDifference[]
  /** The warning preset, for a 定性 indicator's 1–m月执行情况 (qualitativeStatusLabel); absent = the default */
  readonly thresholds?: Thresholds
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

/** The project differences that concern its money (the 年度资金总额 row). */
const SPEND_LABELS: ReadonlySet<string> = new Set(['预算数', '执行数', '执行率', '计划进度', '偏差'])

/** True for a difference after 报送 of the project's money (shown in the 年度资金总额 row's 备注). */
export function isSpendChange(d: ReportedDifference): boolean {
  return SPEND_LABELS.has(d.label)
}

/** The project's own differences after 报送: those that are not an indicator's. */
function projectChanges(evaluation: ProjectEvaluation, changes: readonly ReportedDifference[]): readonly ReportedDifference[] {
  const ofIndicators = new Set(evaluation.indicators.flatMap((e) => indicatorChanges(e.indicator.name, changes)))
  return changes.filter((d) => !ofIndicators.has(d))
}

/**
 * The whole form of one project at its as-of month; `note` is the project's note of that month
 * (its spending note and confirmed likelihood). Indicator notes, the target version printed and
 * the differences after 报送 come in `options`.
 */
export function buildMonitoringForm(
  evaluation: ProjectEvaluation,
  note: MonitoringNote | null,
  departmentName: string,
  options: MonitoringFormOptions = {},
): MonitoringForm {
  const { project, month } = evaluation
  const { display = 'adjusted', indicatorNotes = [], changes = [], thresholds } = options
  const ownNote = note !== null && isNoteOf(note, project.id, month) ? note : null
  const notes = new Map(indicatorNotes.filter((n) => n.month === month && n.projectId === project.id).map((n) => [n.indicatorId, n]))
  const own = projectChanges(evaluation, changes)
  const [whole, fiscal, other] = buildFundingRows(evaluation)
  const spendChanges = describeChanges(own.filter(isSpendChange))
  const funding: MonitoringForm['funding'] = [
    spendChanges === '' ? whole : { ...whole, remark: `${whole.remark}；${spendChanges}` },
    fiscal,
    other,
  ]
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
    funding,
    goals: project.goals,
    progress: describeProgress(evaluation),
    indicators: evaluation.indicators.map((e) => buildIndicatorRow(e, { note: notes.get(e.indicator.id) ?? null, display, changes, ...(thresholds ? { thresholds } : {}) })),
    reasons: ownNote?.reasons ?? [],
    explanation: ownNote?.explanation ?? '',
    likelihood: evaluation.likelihood ?? evaluation.suggestedLikelihood,
    isLikelihoodConfirmed: evaluation.likelihood !== null,
    actions: ownNote?.actions ?? '',
    changes: own,
  }
}
