/**
 * Hand edits (项目管理) against a re-imported document: which fields a user changed by hand,
 * and which of them the document would overwrite (old → new), in words a user reads.
 */
import { formatMoneyInput } from './numberInput'
import { CHECKPOINTS, type BudgetSplit, type SpendPlan } from './types'

export const PROJECT_FIELDS = ['name', 'code', 'budget', 'purpose', 'plan', 'goals'] as const
export type ProjectField = (typeof PROJECT_FIELDS)[number]

export const INDICATOR_FIELDS = ['level1', 'level2', 'name', 'description', 'target', 'basis'] as const
export type IndicatorField = (typeof INDICATOR_FIELDS)[number]

export const PROJECT_FIELD_LABELS: Readonly<Record<ProjectField, string>> = {
  name: '项目名称',
  code: '项目编码',
  budget: '预算数',
  purpose: '资金用途',
  plan: '资金支出计划',
  goals: '绩效目标',
}

export const INDICATOR_FIELD_LABELS: Readonly<Record<IndicatorField, string>> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  description: '绩效指标描述',
  target: '指标值',
  basis: '指标值确定依据',
}

/** The project fields a hand edit or an import sets. */
export interface ProjectFields {
  readonly name: string
  readonly code: string
  readonly budget: BudgetSplit
  readonly purpose: string
  readonly plan: SpendPlan
  readonly goals: readonly string[]
}

/** The indicator fields a hand edit or an import sets (target as its 指标值 text). */
export interface IndicatorFields {
  readonly level1: string
  readonly level2: string
  readonly name: string
  readonly description: string
  readonly targetRaw: string
  readonly basis: string | null
}

const wan = (fen: number | null) => (fen === null ? '—' : `${formatMoneyInput(fen, 'wan')}`)

/** Each project field as one line of text (budget in 万元, plan 3/6/10/12月底 in %). */
export function projectFieldTexts(project: ProjectFields): Record<ProjectField, string> {
  const { total, fiscal, other } = project.budget
  return {
    name: project.name,
    code: project.code,
    budget: `${wan(total)} 万元（财政资金 ${wan(fiscal)}，其他资金 ${wan(other)}）`,
    purpose: project.purpose,
    plan: CHECKPOINTS.map((m) => `${m}月底 ${project.plan[m] ?? '—'}`).join(' / '),
    goals: project.goals.join('；'),
  }
}

/** Each indicator field as one line of text. */
export function indicatorFieldTexts(indicator: IndicatorFields): Record<IndicatorField, string> {
  return {
    level1: indicator.level1,
    level2: indicator.level2,
    name: indicator.name,
    description: indicator.description,
    target: indicator.targetRaw,
    basis: indicator.basis ?? '',
  }
}

/** Fields whose text differs between two versions, in field order. */
export function changedFields<F extends string>(before: Readonly<Record<F, string>>, after: Readonly<Record<F, string>>, fields: readonly F[]): F[] {
  return fields.filter((field) => before[field] !== after[field])
}

/** One field a re-import would overwrite: the hand-edited value now stored and the document's. */
export interface HandEditConflict {
  readonly label: string
  /** Stored now (the hand edit), as text. */
  readonly current: string
  /** The document's value, as text. */
  readonly incoming: string
}

/** The hand-edited fields (`edited`) whose stored text differs from the document's, labelled. */
export function findConflicts<F extends string>(
  stored: Readonly<Record<F, string>>,
  incoming: Readonly<Record<F, string>>,
  edited: readonly string[],
  fields: readonly F[],
  labels: Readonly<Record<F, string>>,
  prefix = '',
): HandEditConflict[] {
  return changedFields(stored, incoming, fields)
    .filter((field) => edited.includes(field))
    .map((field) => ({ label: `${prefix}${labels[field]}`, current: stored[field] || '（空）', incoming: incoming[field] || '（空）' }))
}

/** A project of a document being re-imported, with the hand edits the document would overwrite. */
export interface HandEditedProject {
  /** Position in the document. */
  readonly index: number
  /** The document's code (what the import's takeDocument names). */
  readonly code: string
  readonly name: string
  /** Project fields first, then its indicators'. */
  readonly conflicts: readonly HandEditConflict[]
}
