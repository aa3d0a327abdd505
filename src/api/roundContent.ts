// The content of a round document (SubmissionDocument.content) as the app writes it: the
// department's projects at the round's month with their figures, indicator figures, the
// month's 监控说明 and 整改 items. Money in 分, rates in %. Format 2 (the frozen round) adds
// the fields marked "since format 2"; a reader treats them as absent in format 1 documents.
import type { ActionProgress } from '@/domain/actionProgress'
import type { DeviationReason, IndicatorKind, Likelihood, Operator, Status, Thresholds } from '@/domain/types'

export interface RoundIndicator {
  readonly id: string
  readonly level1: string
  readonly level2: string
  readonly name: string
  /** 指标值 as written in the document */
  readonly target: string
  readonly unit: string | null
  readonly kind: IndicatorKind
  /** Since format 2: 绩效指标描述, the target's operator and number, 指标值确定依据 */
  readonly description?: string
  readonly operator?: Operator | null
  readonly targetValue?: number | null
  readonly basis?: string | null
  /** Entries of months 1..m (index 0 = 1月); null where 未填报 */
  readonly monthlyValues: readonly (number | null)[]
  readonly actual: number | null
  /** 完成进度 in % of target */
  readonly completion: number | null
  readonly status: Status
  readonly forecast: number | null
  /** Since format 2: the indicator's monitoring note of the month (监控表 偏差原因 … 备注); null = none */
  readonly note?: RoundIndicatorNote | null
}

/** An indicator's 监控说明 of the round's month, as the department wrote it. */
export interface RoundIndicatorNote {
  readonly reasons: readonly DeviationReason[]
  readonly likelihood: Likelihood | null
  /** 原因说明 */
  readonly explanation: string
  /** 备注 */
  readonly remark: string
  /** 全年预计完成情况 as rewritten by the department; null = the computed one */
  readonly forecast: string | null
}

/** A 整改 item at the round's meeting. The lifecycle fields are there since format 2. */
export interface RoundActionItem {
  readonly text: string
  readonly owner: string
  readonly dueDate: string
  readonly status: 'open' | 'closed'
  /** As-of month of the meeting that created it */
  readonly month?: number
  readonly progress?: ActionProgress
  readonly isOverdue?: boolean
  readonly completionNote?: string
  readonly completedOn?: string
  readonly evidence?: string
}

export interface RoundProject {
  readonly id: string
  readonly code: string
  readonly name: string
  /** 调整后预算数 (in force at the round's month), in 分 (format 1: the 年初预算数) */
  readonly budget: RoundBudget
  /** Since format 2: 年初预算数, 资金用途, 绩效目标, 资金支出计划 (cumulative % at 3/6/10/12月底) */
  readonly budgetInitial?: RoundBudget
  readonly purpose?: string
  readonly goals?: readonly string[]
  readonly plan?: { readonly 3: number | null; readonly 6: number | null; readonly 10: number | null; readonly 12: number | null }
  /** Spending of months 1..m in 分 (index 0 = 1月); null where 未填报 */
  readonly monthlySpending: readonly (number | null)[]
  /** 执行数 1–m月 in 分 */
  readonly executed: number
  /** 执行率 in % of budget */
  readonly executionRate: number | null
  /** 计划进度 in % of budget */
  readonly planned: number
  /** 偏差 in percentage points */
  readonly deviation: number | null
  readonly isOverBudget: boolean
  readonly status: Status
  readonly likelihood: Likelihood | null
  readonly missing: readonly string[]
  readonly note: { readonly reasons: readonly string[]; readonly explanation: string; readonly actions: string; readonly likelihood?: Likelihood | null } | null
  readonly indicators: readonly RoundIndicator[]
  readonly actionItems: readonly RoundActionItem[]
}

export interface RoundBudget { readonly total: number; readonly fiscal: number | null; readonly other: number | null }

export interface RoundContent {
  readonly asOfMonth: number
  /** Since format 2: which report of the month this is (the frozen round), and the thresholds it was judged with */
  readonly round?: {
    readonly revision: number
    readonly reportedAt: string
    readonly reportedBy: string
    readonly thresholds: Thresholds
  }
  readonly projects: readonly RoundProject[]
}

/** The projects of a submission's content as the app wrote them; [] for content it cannot read. */
export function readRoundProjects(content: unknown): readonly RoundProject[] {
  const projects = (content as { projects?: unknown } | null)?.projects
  if (!Array.isArray(projects)) return []
  return projects.filter((p): p is RoundProject =>
    typeof p === 'object' && p !== null && typeof (p as RoundProject).id === 'string' && typeof (p as RoundProject).name === 'string')
    .map((p) => ({ ...p, indicators: Array.isArray(p.indicators) ? p.indicators : [], actionItems: Array.isArray(p.actionItems) ? p.actionItems : [] }))
}

/** How a 问询 names its target: 项目名 or 项目名 / 指标名, from the round's projects (ids when unknown). */
export function describeTarget(projects: readonly RoundProject[], target: { readonly projectId: string; readonly indicatorId: string | null }): string {
  const project = projects.find((p) => p.id === target.projectId)
  const name = project?.name ?? target.projectId
  if (target.indicatorId === null) return name
  const indicator = project?.indicators.find((i) => i.id === target.indicatorId)
  return `${name} / ${indicator?.name ?? target.indicatorId}`
}
