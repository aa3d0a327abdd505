// The content of a round document (SubmissionDocument.content) as the app writes it: the
// department's projects at the round's month with their figures, indicator figures, the
// month's 监控说明 and 整改 items. Money in 分, rates in %. The server checks only the ids.
import type { IndicatorKind, Likelihood, Status } from '@/domain/types'

export interface RoundIndicator {
  readonly id: string
  readonly level1: string
  readonly level2: string
  readonly name: string
  /** 指标值 as written in the document */
  readonly target: string
  readonly unit: string | null
  readonly kind: IndicatorKind
  /** Entries of months 1..m (index 0 = 1月); null where 未填报 */
  readonly monthlyValues: readonly (number | null)[]
  readonly actual: number | null
  /** 完成进度 in % of target */
  readonly completion: number | null
  readonly status: Status
  readonly forecast: number | null
}

export interface RoundProject {
  readonly id: string
  readonly code: string
  readonly name: string
  /** 预算数 in force, in 分 */
  readonly budget: { readonly total: number; readonly fiscal: number | null; readonly other: number | null }
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
  readonly note: { readonly reasons: readonly string[]; readonly explanation: string; readonly actions: string } | null
  readonly indicators: readonly RoundIndicator[]
  readonly actionItems: readonly { readonly text: string; readonly owner: string; readonly dueDate: string; readonly status: 'open' | 'closed' }[]
}

export interface RoundContent {
  readonly asOfMonth: number
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
