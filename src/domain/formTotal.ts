/** The 合计 rows of the monitoring form's 汇总 sheet (all figures from the spend summary). */
import { summarizeSpend } from './departmentSummary'
import { sumFen } from './money'
import type { Fen } from './types'
import type { ProjectEvaluation } from './projectEvaluation'

/** A 合计 row of the 汇总 sheet: the agenda's projects, or the whole department. */
export interface FormTotal {
  readonly label: string
  /** Σ 年初预算数 in 分 */
  readonly initialBudget: Fen
  /** Σ 年度预算调整 in 分 */
  readonly adjustment: Fen
  /** Σ 调整后预算数 in 分 */
  readonly budget: Fen
  /** Σ 1–m月执行数 in 分 */
  readonly executed: Fen
  /** 执行率 in %, over the projects that reported month m (as summarizeSpend) */
  readonly executionRate: number | null
  /** Budget-weighted P(m) in % */
  readonly planned: number
  /** 偏差 in 个百分点 */
  readonly deviation: number | null
  /** Σ 全年预计执行数 in 分; null unless every project has one */
  readonly forecast: Fen | null
}

/** The 合计 row over some projects: sums in 分, rates as the meeting page shows them (summarizeSpend). */
export function buildFormTotal(label: string, evaluations: readonly ProjectEvaluation[]): FormTotal {
  const summary = summarizeSpend(evaluations.map((e) => e.spend))
  const forecasts = evaluations.map((e) => e.spend.forecastAmount)
  // A total of forecasts is only meaningful when every project has one.
  const forecast = forecasts.every((f) => f !== null) ? sumFen(forecasts as Fen[]) : null
  const { budget, executed, executionRate, planned, deviation } = summary
  const initialBudget = sumFen(evaluations.map((e) => e.spend.budgetInForce.initial.total))
  return { label, initialBudget, adjustment: budget - initialBudget, budget, executed, executionRate, planned, deviation, forecast }
}
