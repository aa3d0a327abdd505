/**
 * The demo department evaluated at an as-of month the way the app does it, built in node from
 * the seed document (importer) and mock-data/demoActuals (no database): for exporter tests.
 */
import { DEMO_INDICATORS, DEMO_NOTES, DEMO_SEED_TEXT, DEMO_SPENDING } from '../../mock-data/demo'
import { evaluateProject, type ProjectEvaluation } from '@/domain'
import { parseMoney } from '@/domain/money'
import {
  projectId,
  type Indicator,
  type IndicatorValue,
  type MonitoringNote,
  type Month,
  type MonthlySpending,
  type Project,
} from '@/domain/types'
import { parseDocument } from '@/importers/document'

export interface DemoDepartment {
  readonly departmentCode: string
  readonly departmentName: string
  readonly year: number
  readonly evaluations: readonly ProjectEvaluation[]
  readonly notes: readonly MonitoringNote[]
}

/** The demo's five projects evaluated at `month`, in document order, with the demo notes. */
export function demoAt(month: Month): DemoDepartment {
  const parsed = parseDocument(DEMO_SEED_TEXT)
  if (!parsed.ok) throw new Error(parsed.error.message)
  const { document } = parsed
  const year = document.year ?? 2020
  const code = document.department.code
  const idOf = (projectCode: string) => projectId(year, code, projectCode)
  const notes: MonitoringNote[] = DEMO_NOTES.map((n) => ({
    projectId: idOf(n.projectCode),
    month: n.month as Month,
    reasons: [...n.reasons],
    explanation: n.explanation,
    likelihood: n.likelihood,
    actions: n.actions,
  }))
  const evaluations = document.projects.map((p) => {
    const project: Project = { id: idOf(p.code), year, departmentCode: code, code: p.code, name: p.name, budget: p.budget, purpose: p.purpose, plan: p.plan, goals: p.goals }
    const indicators: Indicator[] = p.indicators.map((i) => ({
      id: `${project.id}#${i.order + 1}`,
      projectId: project.id,
      order: i.order,
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      description: i.description,
      target: i.target,
      basis: i.basis,
    }))
    const spending: MonthlySpending[] = (DEMO_SPENDING.find((s) => s.projectCode === p.code)?.monthly ?? []).flatMap((text, index) => {
      const amount = text === null ? null : parseMoney(text, 'wan')
      return amount === null ? [] : [{ projectId: project.id, month: (index + 1) as Month, amount }]
    })
    const values: IndicatorValue[] = DEMO_INDICATORS.filter((row) => row.projectCode === p.code).flatMap((row) => {
      const indicator = indicators.find((i) => i.name === row.indicatorName)
      if (!indicator) throw new Error(`no indicator ${row.indicatorName}`)
      return row.monthly.flatMap((value, index) =>
        value === null ? [] : [{ indicatorId: indicator.id, month: (index + 1) as Month, value, manualStatus: null }],
      )
    })
    const note = notes.find((n) => n.projectId === project.id && n.month === month) ?? null
    return evaluateProject({ project, indicators, spending, values, note }, month)
  })
  return { departmentCode: code, departmentName: document.department.name, year, evaluations, notes }
}
