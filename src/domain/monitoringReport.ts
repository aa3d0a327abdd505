/**
 * The 部门预算绩效运行监控情况报告 draft of one round (as-of month m): its sections as texts and
 * tables, every figure taken from the domain (summarizeProjects, evaluateSpend, the indicator
 * notes, the 整改 lifecycle). The exporter lays it out; the user edits the draft in Word/WPS.
 *
 * Sections: 一、总体情况 (budget, 1–m月执行数, 执行率 against the plan and 序时, status counts);
 * 二、偏离情况及原因 (each lagging project and indicator with its reasons); 三、全年预计;
 * 四、下一步措施 (the 整改 items of the meeting).
 */
import { describeActionProgress } from './actionProgress'
import type { MeetingAction } from './agenda'
import { summarizeProjects } from './departmentSummary'
import { formatPercent, formatPoints } from './format'
import { hasNumericTarget } from './indicatorEvaluation'
import { buildIndicatorNoteRows, type IndicatorNote } from './indicatorNotes'
import { buildFormTotal } from './monitoringForm'
import { formatWan } from './money'
import { qualitativeStatusLabel } from './presets'
import { isLagging, noteOfMonth, type ProjectEvaluation } from './projectEvaluation'
import { DEFAULT_THRESHOLDS, DEVIATION_REASON_LABELS, LIKELIHOOD_LABELS, STATUS_LABELS, type DeviationReason, type MonitoringNote, type Month, type Thresholds } from './types'

/** A table of the report: a header row and body rows, all cells text. */
export interface ReportTable {
  readonly header: readonly string[]
  readonly rows: readonly (readonly string[])[]
}

export interface ReportSection {
  readonly heading: string
  /** Paragraphs before the table (and, per project, sub-headings marked by `subheading`). */
  readonly blocks: readonly ReportBlock[]
}

export type ReportBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'subheading'; readonly text: string }
  | { readonly kind: 'table'; readonly table: ReportTable }

export interface MonitoringReport {
  readonly title: string
  /** e.g. "北戴河区司法局 · 2020年度 · 1–7月" */
  readonly subtitle: string
  readonly sections: readonly ReportSection[]
}

export interface MonitoringReportInput {
  readonly departmentName: string
  readonly year: number
  readonly month: Month
  /** Every project of the department at the as-of month */
  readonly evaluations: readonly ProjectEvaluation[]
  /** Project notes (预算执行偏差原因), any month */
  readonly notes: readonly MonitoringNote[]
  /** Per-indicator notes, any month */
  readonly indicatorNotes: readonly IndicatorNote[]
  /** The 整改 items of the meeting of `month` (actionsAtMonth), with project names by id */
  readonly actions: readonly MeetingAction[]
  readonly projectNames: ReadonlyMap<string, string>
  readonly thresholds?: Thresholds
}

const reasonsText = (reasons: readonly DeviationReason[]) => (reasons.length === 0 ? '未填写' : reasons.map((r) => DEVIATION_REASON_LABELS[r]).join('、'))
/** A user's sentence without its closing stop, so the report's own 。 is not doubled. */
const clause = (text: string) => text.trim().replace(/[。.；;]+$/, '')
const wan = (fen: number | null) => (fen === null ? '—' : `${formatWan(fen)}万元`)

function overview(input: MonitoringReportInput): ReportSection {
  const { month, evaluations } = input
  const s = summarizeProjects(evaluations, input.thresholds ?? DEFAULT_THRESHOLDS)
  const c = s.counts
  const partial =
    s.unreportedSpending === 0
      ? ''
      : s.reportedProjects === 0
        ? `（各项目${month}月支出均未填报）`
        : `（${s.unreportedSpending} 个项目${month}月支出未填报，执行率按已填报的 ${s.reportedProjects} 个项目计算）`
  const text =
    `${input.year}年度本部门纳入监控的项目共 ${evaluations.length} 个，预算数合计 ${wan(s.budget)}。` +
    `1–${month}月执行数 ${wan(s.executed)}，执行率 ${formatPercent(s.executionRate, 2)}${partial}；` +
    `按资金支出计划应达到 ${formatPercent(s.planned, 2)}，偏差 ${formatPoints(s.deviation, 2)} 个百分点；序时进度 ${formatPercent(s.timeProgress, 2)}。` +
    `项目状态：绿（正常）${c.green} 个，黄（关注）${c.yellow} 个，红（滞后）${c.red} 个，未填报 ${c.unreported} 个。`
  const rows = evaluations.map((e) => [
    e.project.name,
    wan(e.spend.budget),
    wan(e.spend.executed),
    formatPercent(e.spend.executionRate, 2),
    formatPercent(e.spend.planned, 2),
    formatPoints(e.spend.deviation, 2),
    STATUS_LABELS[e.status],
  ])
  const table = { header: ['项目', '预算数', `1–${month}月执行数`, '执行率', '计划进度', '偏差（个百分点）', '状态'], rows }
  return { heading: '一、总体情况', blocks: [{ kind: 'paragraph', text }, { kind: 'table', table }] }
}

function deviations(input: MonitoringReportInput): ReportSection {
  const lagging = input.evaluations.filter(isLagging)
  if (lagging.length === 0) return { heading: '二、偏离情况及原因', blocks: [{ kind: 'paragraph', text: `截至${input.month}月，各项目均未偏离绩效目标。` }] }
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: `截至${input.month}月，偏离绩效目标的项目 ${lagging.length} 个，情况如下。` }]
  lagging.forEach((e, i) => {
    const note = noteOfMonth(input.notes.filter((n) => n.projectId === e.project.id), input.month)
    blocks.push({ kind: 'subheading', text: `（${i + 1}）${e.project.name}（${STATUS_LABELS[e.status]}）` })
    const spendLine =
      `预算执行：执行率 ${formatPercent(e.spend.executionRate, 2)}，计划 ${formatPercent(e.spend.planned, 2)}，偏差 ${formatPoints(e.spend.deviation, 2)} 个百分点（${STATUS_LABELS[e.spend.status]}）。` +
      `偏差原因：${reasonsText(note?.reasons ?? [])}${note?.explanation ? `；${clause(note.explanation)}` : ''}。`
    blocks.push({ kind: 'paragraph', text: spendLine })
    const rows = buildIndicatorNoteRows(e.indicators, input.indicatorNotes, input.month).filter((r) => r.needsNote)
    for (const r of rows) {
      const reasons = reasonsText(r.note?.reasons ?? [])
      const explanation = r.note?.explanation ? `；${clause(r.note.explanation)}` : ''
      // A 定性 indicator has no figure: its hand-set light, in the preset's words (财政一体化's grades).
      const progress = hasNumericTarget(r.evaluation.indicator)
        ? ` ${r.actualText}（${STATUS_LABELS[r.evaluation.status]}）`
        : `人工评定：${qualitativeStatusLabel(r.evaluation.status, input.thresholds)}`
      blocks.push({
        kind: 'paragraph',
        text: `指标「${r.evaluation.indicator.name}」：年度指标值 ${r.target}，1–${input.month}月${progress}。偏差原因：${reasons}${explanation}。`,
      })
    }
  })
  return { heading: '二、偏离情况及原因', blocks }
}

function forecasts(input: MonitoringReportInput): ReportSection {
  const total = buildFormTotal('部门合计', input.evaluations)
  const rows = input.evaluations.map((e) => {
    const likelihood = e.likelihood ?? e.suggestedLikelihood
    const source = e.likelihood === null ? '（系统测算）' : ''
    return [e.project.name, wan(e.spend.forecastAmount), formatPercent(e.spend.forecastRate, 2), likelihood === null ? '—' : LIKELIHOOD_LABELS[likelihood] + source]
  })
  const text = `按目前进度测算，全年预计执行数 ${wan(total.forecast)}${total.forecast === null ? '（部分项目支出未填报，无法合计）' : ''}。各项目全年预计如下。`
  const indicatorRows = input.evaluations.flatMap((e) =>
    buildIndicatorNoteRows(e.indicators, input.indicatorNotes, input.month)
      .filter((r) => r.needsNote)
      .map((r) => [e.project.name, r.evaluation.indicator.name, r.target, r.forecast || '—', r.likelihood === null ? '—' : LIKELIHOOD_LABELS[r.likelihood] + (r.isLikelihoodConfirmed ? '' : '（系统测算）')]),
  )
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text },
    { kind: 'table', table: { header: ['项目', '全年预计执行数', '全年预计执行率', '完成目标可能性'], rows } },
  ]
  if (indicatorRows.length > 0) {
    blocks.push({ kind: 'paragraph', text: '偏离指标的全年预计完成情况：' })
    blocks.push({ kind: 'table', table: { header: ['项目', '指标', '年度指标值', '全年预计完成情况', '完成目标可能性'], rows: indicatorRows } })
  }
  return { heading: '三、全年预计', blocks }
}

function nextSteps(input: MonitoringReportInput): ReportSection {
  if (input.actions.length === 0) return { heading: '四、下一步措施', blocks: [{ kind: 'paragraph', text: '本次会议未确定整改措施。' }] }
  const open = input.actions.filter((a) => a.state === 'open').length
  const rows = input.actions.map((a) => [
    input.projectNames.get(a.item.projectId) ?? a.item.projectId,
    a.item.text + (a.isCarriedOver ? `（${a.item.month}月结转）` : ''),
    a.item.owner || '—',
    a.item.dueDate || '—',
    describeActionProgress(a.item, a.isOverdue) + (a.state === 'open' && a.progress !== 'notStarted' && a.item.completionNote ? `：${a.item.completionNote}` : ''),
  ])
  return {
    heading: '四、下一步措施',
    blocks: [
      { kind: 'paragraph', text: `针对上述偏离，会议确定整改措施 ${input.actions.length} 项，其中未完成 ${open} 项，将按期限督促落实。` },
      { kind: 'table', table: { header: ['项目', '整改措施', '责任人', '期限', '整改情况'], rows } },
    ],
  }
}

/** The report draft of the round: title and the four sections, every figure from the domain. */
export function buildMonitoringReport(input: MonitoringReportInput): MonitoringReport {
  return {
    title: '部门预算绩效运行监控情况报告',
    subtitle: `${input.departmentName} · ${input.year}年度 · 1–${input.month}月`,
    sections: [overview(input), deviations(input), forecasts(input), nextSteps(input)],
  }
}
