// A submission's projects as the domain's ProjectData, so the app's own evaluation and forms
// (监控表) can be made from a submission the bureau opens, without storing it. The budget in force
// is the 年初预算数 plus one adjustment of the difference from 1月 (the document does not carry
// the dated adjustments); the monthly entries are the document's months 1..m.
import type { BudgetAdjustment } from '@/domain/budgetAdjustment'
import type { ProjectData } from '@/domain/projectData'
import { DEFAULT_THRESHOLDS, MONTHS, type DeviationReason, type Month, type Thresholds } from '@/domain/types'
import type { RoundContent, RoundProject } from './roundContent'

const isMonth = (value: number): value is Month => (MONTHS as readonly number[]).includes(value)
const handStatus = (status: string) => (status === 'green' || status === 'yellow' || status === 'red' ? status : null)

/** The thresholds a submission was judged with (format 2), else the defaults. */
export function roundThresholds(content: unknown): Thresholds {
  const round = (content as Partial<RoundContent> | null)?.round
  return { ...DEFAULT_THRESHOLDS, ...(round?.thresholds ?? {}) }
}

/** One submitted project of a department's round as ProjectData at `month`. */
export function roundProjectData(p: RoundProject, year: number, departmentCode: string, month: Month): ProjectData {
  const initial = p.budgetInitial ?? p.budget
  const fiscalChange = (p.budget.fiscal ?? 0) - (initial.fiscal ?? 0)
  const otherChange = (p.budget.other ?? 0) - (initial.other ?? 0)
  const budgetAdjustments: BudgetAdjustment[] = fiscalChange === 0 && otherChange === 0
    ? []
    : [{ projectId: p.id, date: `${year}-01-01`, fiscal: fiscalChange, other: otherChange, documentNo: '', reason: '报送时的年度预算调整合计', transferGroup: null }]
  const through = MONTHS.filter((m) => m <= month)
  return {
    project: {
      id: p.id, year, departmentCode, code: p.code, name: p.name,
      budget: { total: initial.total, fiscal: initial.fiscal, other: initial.other },
      purpose: p.purpose ?? '',
      plan: { 3: p.plan?.[3] ?? null, 6: p.plan?.[6] ?? null, 10: p.plan?.[10] ?? null, 12: p.plan?.[12] ?? null },
      goals: p.goals ?? [],
    },
    indicators: p.indicators.map((i, order) => ({
      id: i.id, projectId: p.id, order, level1: i.level1, level2: i.level2, name: i.name, description: i.description ?? '',
      target: { raw: i.target, operator: i.operator ?? null, value: i.targetValue ?? null, unit: i.unit, kind: i.kind },
      basis: i.basis ?? null,
    })),
    spending: through.flatMap((m) => {
      const amount = p.monthlySpending[m - 1] ?? null
      return amount === null ? [] : [{ projectId: p.id, month: m, amount }]
    }),
    values: p.indicators.flatMap((i) => through.flatMap((m) => {
      const value = i.monthlyValues[m - 1] ?? null
      const manualStatus = i.kind === 'qualitative' && m === month ? handStatus(i.status) : null
      return value === null && manualStatus === null ? [] : [{ indicatorId: i.id, month: m, value, manualStatus }]
    })),
    notes: p.note && isMonth(month)
      ? [{ projectId: p.id, month, reasons: p.note.reasons as DeviationReason[], explanation: p.note.explanation, likelihood: p.note.likelihood ?? p.likelihood, actions: p.note.actions }]
      : [],
    budgetAdjustments,
  }
}
