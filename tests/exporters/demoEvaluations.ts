/**
 * The demo department evaluated at an as-of month the way the app does it, built in node from
 * the seed document (importer) and mock-data/demoActuals (no database): for exporter tests.
 */
import { DEMO_INDICATORS, DEMO_NOTES, DEMO_SEED_TEXT, DEMO_SPENDING } from '../../mock-data/demo'
import { evaluateProject, type ProjectEvaluation } from '@/domain'
import type { ProjectData } from '@/domain/projectData'
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

/** The demo department as stored: its five projects in document order, with actuals and the demo notes. */
export function demoData(): { readonly departmentCode: string; readonly departmentName: string; readonly year: number; readonly data: readonly ProjectData[] } {
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
  const data = document.projects.map((p): ProjectData => {
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
    return { project, indicators, spending, values, notes: notes.filter((n) => n.projectId === project.id) }
  })
  return { departmentCode: code, departmentName: document.department.name, year, data }
}

/** The demo's five projects evaluated at `month`, in document order, with the demo notes. */
export function demoAt(month: Month): DemoDepartment {
  const { departmentCode, departmentName, year, data } = demoData()
  const evaluations = data.map((row) => evaluateProject({ ...row, note: row.notes.find((n) => n.month === month) ?? null }, month))
  return { departmentCode, departmentName, year, evaluations, notes: data.flatMap((row) => row.notes) }
}
