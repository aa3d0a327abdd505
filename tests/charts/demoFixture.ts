/**
 * The demo department as domain values, built from mock-data/demoActuals.ts (amounts parsed
 * from 万元 text to 分) and the seed projects of tests/domain/factories.ts.
 */
import { evaluateProject, type ProjectEvaluation, type ProjectInput } from '@/domain'
import { parseMoney } from '@/domain/money'
import type { IndicatorValue, MonitoringNote, Month, MonthlySpending, Project } from '@/domain/types'
import { DEMO_INDICATORS, DEMO_NOTES, DEMO_SPENDING } from '../../mock-data/demoActuals'
import { SEED_INDICATORS, SEED_PROJECTS, type SeedProjectName } from '../domain/factories'

export interface DemoItem extends Omit<ProjectInput, 'note'> {
  readonly notes: readonly MonitoringNote[]
}

const byCode = new Map(Object.values(SEED_PROJECTS).map((p) => [p.code, p]))

function projectOf(code: string): Project {
  const project = byCode.get(code)
  if (project === undefined) throw new Error(`No seed project ${code}`)
  return project
}

/** Demo items in document order (the seed's order). */
export const DEMO_ITEMS: readonly DemoItem[] = (Object.keys(SEED_PROJECTS) as SeedProjectName[]).map((name) => {
  const project = SEED_PROJECTS[name]
  const indicators = SEED_INDICATORS[name]
  const spending: MonthlySpending[] = (DEMO_SPENDING.find((s) => s.projectCode === project.code)?.monthly ?? []).flatMap(
    (text, i) => {
      const amount = text === null ? null : parseMoney(text, 'wan')
      return amount === null ? [] : [{ projectId: project.id, month: (i + 1) as Month, amount }]
    },
  )
  const values: IndicatorValue[] = DEMO_INDICATORS.filter((row) => row.projectCode === project.code).flatMap((row) => {
    const indicator = indicators.find((i) => i.name === row.indicatorName)
    if (indicator === undefined) throw new Error(`No indicator ${row.indicatorName}`)
    return row.monthly.flatMap((value, i) =>
      value === null ? [] : [{ indicatorId: indicator.id, month: (i + 1) as Month, value, manualStatus: null }],
    )
  })
  const notes: MonitoringNote[] = DEMO_NOTES.filter((n) => n.projectCode === project.code).map((n) => ({
    projectId: projectOf(n.projectCode).id,
    month: n.month as Month,
    reasons: n.reasons,
    explanation: n.explanation,
    likelihood: n.likelihood,
    actions: n.actions,
  }))
  return { project, indicators, spending, values, notes }
})

/** The demo item of a project code. */
export function demoItem(code: string): DemoItem {
  const item = DEMO_ITEMS.find((i) => i.project.code === code)
  if (item === undefined) throw new Error(`No demo item ${code}`)
  return item
}

/** Evaluations of all demo projects at a month, with that month's notes. */
export function demoEvaluations(month: Month): readonly ProjectEvaluation[] {
  return DEMO_ITEMS.map((item) =>
    evaluateProject({ ...item, note: item.notes.find((n) => n.month === month) ?? null }, month),
  )
}

/**
 * Independent expectations from the demo's own text: cumulative 执行数 in 分 through a month,
 * adding the 万元 strings digit by digit (× 100 as 分 of 0.01 万元 = 10,000 分).
 */
export function demoExecutedFen(code: string, month: number): number {
  const row = DEMO_SPENDING.find((s) => s.projectCode === code)
  if (row === undefined) throw new Error(code)
  return row.monthly.slice(0, month).reduce((sum, text) => sum + (text === null ? 0 : Math.round(Number(text) * 100) * 10_000), 0)
}

/** Demo budgets in 分, as printed in the seed (万元 × 1,000,000). */
export const DEMO_BUDGETS: Readonly<Record<string, number>> = {
  '315-0404-JBN-FLC6': 3_000_000,
  '315-0403-JBN-QFV8': 4_000_000,
  '315-0403-JBN-D7U5': 6_300_000,
  '315-0403-JBN-RY3P': 5_750_000,
  '315-0401-JBN-GH9H': 2_000_000,
}

/** Plan checkpoints of the seed (3/6/10/12月底 in %), null = blank. */
export const DEMO_PLANS: Readonly<Record<string, readonly [number | null, number | null, number | null, number | null]>> = {
  '315-0404-JBN-FLC6': [20, 50, 75, 100],
  '315-0403-JBN-QFV8': [10, 40, 80, 100],
  '315-0403-JBN-D7U5': [null, null, null, 100],
  '315-0403-JBN-RY3P': [25, 55, 75, 100],
  '315-0401-JBN-GH9H': [20, 50, 75, 100],
}

/** P(m) computed here by hand from the checkpoints (linear between 0, 3, 6, 10, 12). */
export function expectedPlanned(code: string, m: number): number {
  const plan = DEMO_PLANS[code]
  if (plan === undefined) throw new Error(code)
  const points: [number, number][] = [[0, 0]]
  ;([3, 6, 10, 12] as const).forEach((month, i) => {
    const value = plan[i]
    if (value !== null && value !== undefined) points.push([month, value])
  })
  for (let i = 1; i < points.length; i++) {
    const [m0, v0] = points[i - 1] as [number, number]
    const [m1, v1] = points[i] as [number, number]
    if (m <= m1) return v0 + ((v1 - v0) * (m - m0)) / (m1 - m0)
  }
  throw new Error('m out of range')
}

export const DEMO_CODES = Object.keys(DEMO_BUDGETS)
