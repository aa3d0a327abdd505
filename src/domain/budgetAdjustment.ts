/**
 * 调整预算: the budget in force (调整后预算数) of a project at an as-of month, and the checks an
 * adjustment must pass. An adjustment is an event dated within the fiscal year: 追加 adds to a
 * source (财政资金 / 其他资金), 调减 subtracts; 调剂 is a 调减 on one project and a 追加 on another
 * under the same 文号. 调整后 = 年初预算 + the adjustments dated on or before the end of month m;
 * two versions of a budget are never added together.
 *
 * Glossary: 年初预算数 initial, 年度预算调整 adjustment, 调整后预算数 inForce, 文号 documentNo,
 * 调剂 transfer.
 */
import { isIsoDate } from './agenda'
import { formatWan, formatYuan } from './money'
import { MONTHS, type BudgetSplit, type Fen, type Month, type Project } from './types'

/** One dated adjustment of a project's budget; amounts in 分, 追加 positive, 调减 negative. */
export interface BudgetAdjustment {
  /** Stored key; absent before it is saved. */
  readonly id?: number
  readonly projectId: string
  /** YYYY-MM-DD within the project's fiscal year. */
  readonly date: string
  /** Change of 财政资金 in 分 */
  readonly fiscal: Fen
  /** Change of 其他资金 in 分 */
  readonly other: Fen
  /** 文号 of the approving document; empty when none */
  readonly documentNo: string
  /** 调整原因; empty when none (a 文号 or a reason is required) */
  readonly reason: string
  /** 调剂: the adjustments of one transfer share this key; null for a plain 追加 / 调减 */
  readonly transferGroup: string | null
  /** When it was first recorded (ISO) and by whom; absent before it is saved. An edit keeps them. */
  readonly at?: string
  readonly actor?: string
  /** When it was last edited (ISO); absent when never edited */
  readonly editedAt?: string
}

/** The sum of adjustments in 分, per source and in total. */
export interface BudgetChange {
  readonly total: Fen
  readonly fiscal: Fen
  readonly other: Fen
}

/** 年初预算数 / 年度预算调整 / 调整后预算数 of a project at one month, in 分. */
export interface BudgetInForce {
  /** 年初预算数: the budget as imported or entered */
  readonly initial: BudgetSplit
  /** 年度预算调整: adjustments dated on or before the end of the month */
  readonly adjustment: BudgetChange
  /** 调整后预算数: initial + adjustment; a blank source stays blank while nothing adjusts it */
  readonly inForce: BudgetSplit
  /** Number of adjustments in force */
  readonly count: number
}

/** The month (1..12) an adjustment dated YYYY-MM-DD takes effect in. */
export function adjustmentMonth(date: string): Month {
  return Number(date.slice(5, 7)) as Month
}

/** Whether an adjustment belongs to the project and is dated on or before the end of month m. */
function isInForce(adjustment: BudgetAdjustment, projectId: string, month: Month): boolean {
  return adjustment.projectId === projectId && adjustmentMonth(adjustment.date) <= month
}

/** 调整后预算数 of a project at month m: 年初 + adjustments dated on or before the end of m, per source and total, in 分. */
export function budgetInForce(project: Project, adjustments: readonly BudgetAdjustment[], month: Month): BudgetInForce {
  let fiscal: Fen = 0
  let other: Fen = 0
  let count = 0
  let touchesFiscal = false
  let touchesOther = false
  // Adjustments of other projects are ignored, so a department's whole list may be passed.
  for (const a of adjustments) {
    if (!isInForce(a, project.id, month)) continue
    fiscal += a.fiscal
    other += a.other
    touchesFiscal ||= a.fiscal !== 0
    touchesOther ||= a.other !== 0
    count += 1
  }
  const initial = project.budget
  const inForce: BudgetSplit = {
    total: initial.total + fiscal + other,
    fiscal: touchesFiscal ? (initial.fiscal ?? 0) + fiscal : initial.fiscal,
    other: touchesOther ? (initial.other ?? 0) + other : initial.other,
  }
  return { initial, adjustment: { total: fiscal + other, fiscal, other }, inForce, count }
}

/** Field errors of a budget adjustment, in Chinese; empty when it can be saved. */
export type BudgetAdjustmentErrors = Partial<Record<'date' | 'fiscal' | 'other' | 'documentNo', string>>

/** Where a set of adjustments leaves the budget in force below 0: the first month and source. */
export interface NegativeBudget {
  readonly month: Month
  readonly source: 'total' | 'fiscal' | 'other'
  /** The budget in force there, in 分 (negative) */
  readonly value: Fen
}

const SOURCE_LABELS: Readonly<Record<NegativeBudget['source'], string>> = { total: '预算总额', fiscal: '财政资金', other: '其他资金' }

/**
 * The first month (and source) at which a project's adjustments leave its budget in force below
 * 0, or null. Each month is checked on its own: a 调减 dated before the 追加 that covers it leaves
 * the months in between negative even if the year ends positive.
 */
export function findNegativeBudget(project: Project, adjustments: readonly BudgetAdjustment[]): NegativeBudget | null {
  for (const month of MONTHS) {
    const { inForce } = budgetInForce(project, adjustments, month)
    if (inForce.fiscal !== null && inForce.fiscal < 0) return { month, source: 'fiscal', value: inForce.fiscal }
    if (inForce.other !== null && inForce.other < 0) return { month, source: 'other', value: inForce.other }
    if (inForce.total < 0) return { month, source: 'total', value: inForce.total }
  }
  return null
}

/** A field error message: what is wrong and what to do. */
function negativeMessage(source: string, month: Month, value: Fen): string {
  // A shortfall under 1 万元 would read -0.00 万元: say it in 元 then.
  const amount = value > -10_000 ? `${formatYuan(value)} 元` : `${formatWan(value)} 万元`
  return `这笔调减会使${month}月的${source}调整后预算数变为 ${amount}（小于 0）。请减少调减金额，或先录入相应的追加。`
}

/**
 * Checks one adjustment against the project's other adjustments (the one being edited left out):
 * dated in the fiscal year, an amount and a 文号 or reason given, and the budget in force never
 * negative in any month (total or either source). Messages in Chinese, at their field.
 */
export function checkBudgetAdjustment(
  project: Project,
  others: readonly BudgetAdjustment[],
  candidate: BudgetAdjustment,
): BudgetAdjustmentErrors {
  const errors: BudgetAdjustmentErrors = {}
  if (!isIsoDate(candidate.date)) errors.date = '请填写调整日期（如 2020-05-15）。'
  else if (Number(candidate.date.slice(0, 4)) !== project.year)
    errors.date = `调整日期 ${candidate.date} 不在 ${project.year} 年度内。请填写 ${project.year}-01-01 至 ${project.year}-12-31 之间的日期。`
  if (!Number.isSafeInteger(candidate.fiscal)) errors.fiscal = '金额须精确到分。'
  if (!Number.isSafeInteger(candidate.other)) errors.other = '金额须精确到分。'
  if (errors.fiscal === undefined && errors.other === undefined && candidate.fiscal === 0 && candidate.other === 0)
    errors.fiscal = '请填写调整金额：财政资金或其他资金至少一项不为 0。'
  if (candidate.documentNo.trim() === '' && candidate.reason.trim() === '')
    errors.documentNo = '请填写文号或调整原因（至少一项）。'
  if (errors.date !== undefined || errors.fiscal !== undefined || errors.other !== undefined) return errors
  const all = [...others.filter((a) => a.projectId === project.id), { ...candidate, projectId: project.id }]
  const negative = findNegativeBudget(project, all)
  if (negative !== null) {
    const field = negative.source === 'total' ? (candidate.fiscal < 0 ? 'fiscal' : 'other') : negative.source
    errors[field] = negativeMessage(SOURCE_LABELS[negative.source], negative.month, negative.value)
  }
  return errors
}

/** Whether an adjustment check found nothing wrong. */
export function isAdjustmentValid(errors: Readonly<Record<string, string | undefined>>): boolean {
  return Object.values(errors).every((message) => message === undefined)
}

/** 追加 or 调减 (or 调剂 when part of a transfer), by the sign of its total change. */
export function adjustmentKindLabel(adjustment: BudgetAdjustment): string {
  const total = adjustment.fiscal + adjustment.other
  if (adjustment.transferGroup !== null) return total < 0 ? '调剂调出' : '调剂调入'
  return total < 0 ? '调减' : '追加'
}
