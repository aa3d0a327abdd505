import type { BudgetAdjustment } from '@/domain/budgetAdjustment'
import type { TargetAdjustment } from '@/domain/targetAdjustment'
import type { Indicator, IndicatorValue, MonitoringNote, MonthlySpending, Project } from '@/domain/types'
import type {
  BudgetAdjustmentRecord,
  TargetAdjustmentRecord,
  IndicatorRecord,
  IndicatorValueRecord,
  NoteRecord,
  ProjectRecord,
  SpendingRecord,
} from './records'

/** Maps a stored project row to the domain value. */
export function toProject(record: ProjectRecord): Project {
  return {
    id: record.id,
    year: record.year,
    departmentCode: record.departmentCode,
    code: record.code,
    name: record.name,
    budget: { total: record.budgetTotal, fiscal: record.budgetFiscal, other: record.budgetOther },
    purpose: record.purpose,
    plan: { ...record.plan },
    goals: [...record.goals],
    // Only when set, so rows without them map to the same values as before.
    ...(record.isCodeGenerated ? { isCodeGenerated: true } : {}),
    ...(record.archivedAt ? { archivedAt: record.archivedAt } : {}),
  }
}

/** The stored row of a project; `order` is its position in its source document. */
export function toProjectRecord(project: Project, order: number): ProjectRecord {
  return {
    id: project.id,
    year: project.year,
    departmentCode: project.departmentCode,
    code: project.code,
    name: project.name,
    budgetTotal: project.budget.total,
    budgetFiscal: project.budget.fiscal,
    budgetOther: project.budget.other,
    purpose: project.purpose,
    plan: { ...project.plan },
    goals: [...project.goals],
    order,
  }
}

/** Maps a stored indicator row to the domain value; a user's 口径 override wins over the document's kind. */
export function toIndicator(record: IndicatorRecord): Indicator {
  // A qualitative indicator has no number to sum or hold, so an override cannot apply to it.
  const kind = record.kind === 'qualitative' ? record.kind : (record.kindOverride ?? record.kind)
  return {
    id: record.id,
    projectId: record.projectId,
    order: record.order,
    level1: record.level1,
    level2: record.level2,
    name: record.name,
    description: record.description,
    target: {
      raw: record.targetRaw,
      operator: record.operator,
      value: record.targetValue,
      unit: record.unit,
      kind,
    },
    documentKind: record.kind,
    basis: record.basis,
    ...(record.archivedAt ? { archivedAt: record.archivedAt } : {}),
  }
}

/** Maps a stored spending row to the domain value (amount in 分). */
export function toSpending(record: SpendingRecord): MonthlySpending {
  return { projectId: record.projectId, month: record.month, amount: record.amount }
}

/** Maps a stored indicator entry to the domain value. */
export function toIndicatorValue(record: IndicatorValueRecord): IndicatorValue {
  return {
    indicatorId: record.indicatorId,
    month: record.month,
    value: record.value,
    manualStatus: record.manualStatus,
  }
}

/** Maps a stored note to the domain value. */
export function toNote(record: NoteRecord): MonitoringNote {
  return {
    projectId: record.projectId,
    month: record.month,
    reasons: [...record.reasons],
    explanation: record.explanation,
    likelihood: record.likelihood,
    actions: record.actions,
  }
}

/** Maps a stored budget adjustment to the domain value (amounts in 分). */
export function toBudgetAdjustment(record: BudgetAdjustmentRecord): BudgetAdjustment {
  const { id, projectId, date, fiscal, other, documentNo, reason, transferGroup, at, actor, editedAt } = record
  return { id, projectId, date, fiscal, other, documentNo, reason, transferGroup, at, actor, ...(editedAt === undefined ? {} : { editedAt }) }
}

/** Maps a stored target version to the domain value. */
export function toTargetAdjustment(record: TargetAdjustmentRecord): TargetAdjustment {
  const { id, indicatorId, projectId, month, targetRaw, operator, targetValue, unit, kind, reason, at, actor } = record
  return { id, indicatorId, projectId, month, targetRaw, operator, value: targetValue, unit, kind, reason, at, actor }
}
