/**
 * Small factories for domain tests: the seed department's five projects (2020, 315002
 * 秦皇岛市北戴河区司法局) with their plans, budgets and indicators as the importer should read
 * them, plus helpers for monthly entries.
 */
import {
  MONTHS,
  projectId,
  type Fen,
  type Indicator,
  type IndicatorKind,
  type IndicatorValue,
  type Likelihood,
  type MonitoringNote,
  type Month,
  type MonthlySpending,
  type Operator,
  type Project,
  type SpendPlan,
} from '@/domain'
import type { ManualStatus } from '@/domain/types'
import type { ProjectInput } from '@/domain'

export const SEED_YEAR = 2020
export const SEED_DEPARTMENT = '315002'

/** A spend plan from its four checkpoint cells (null = blank cell). */
export function planOf(p3: number | null, p6: number | null, p10: number | null, p12: number | null): SpendPlan {
  return { 3: p3, 6: p6, 10: p10, 12: p12 }
}

/** A project with the given code, name, budget in 分 and plan. */
export function makeProject(code: string, name: string, budget: Fen, plan: SpendPlan): Project {
  return {
    id: projectId(SEED_YEAR, SEED_DEPARTMENT, code),
    year: SEED_YEAR,
    departmentCode: SEED_DEPARTMENT,
    code,
    name,
    budget: { total: budget, fiscal: budget, other: null },
    purpose: '',
    plan,
    goals: [],
  }
}

export type SeedProjectName = '法律援助经费' | '法制工作专项经费' | '人民调解员补贴' | '社区矫正经费' | '依法治区及普法宣传经费'

export const SEED_PROJECTS: Readonly<Record<SeedProjectName, Project>> = {
  法律援助经费: makeProject('315-0404-JBN-FLC6', '法律援助经费', 3_000_000, planOf(20, 50, 75, 100)),
  法制工作专项经费: makeProject('315-0403-JBN-QFV8', '法制工作专项经费', 4_000_000, planOf(10, 40, 80, 100)),
  人民调解员补贴: makeProject('315-0403-JBN-D7U5', '人民调解员补贴', 6_300_000, planOf(null, null, null, 100)),
  社区矫正经费: makeProject('315-0403-JBN-RY3P', '社区矫正经费', 5_750_000, planOf(25, 55, 75, 100)),
  依法治区及普法宣传经费: makeProject('315-0401-JBN-GH9H', '依法治区及普法宣传经费', 2_000_000, planOf(20, 50, 75, 100)),
}

export interface TargetSpec {
  readonly raw: string
  readonly operator: Operator | null
  readonly value: number | null
  readonly unit: string | null
  readonly kind: IndicatorKind
}

/** An indicator of a project; its id is `<project id>#<order>`. */
export function makeIndicator(project: Project, order: number, name: string, target: TargetSpec): Indicator {
  return {
    id: `${project.id}#${order}`,
    projectId: project.id,
    order,
    level1: '产出指标',
    level2: '质量指标',
    name,
    description: name,
    target,
    basis: null,
  }
}

const countAtLeast = (value: number, unit: string, raw: string): TargetSpec => ({ raw, operator: '>=', value, unit, kind: 'cumulative' })
const pctAtLeast = (value: number, raw: string): TargetSpec => ({ raw, operator: '>=', value, unit: '%', kind: 'level' })
const pctEqual = (raw: string): TargetSpec => ({ raw, operator: '=', value: 100, unit: '%', kind: 'level' })

const P = SEED_PROJECTS

export const SEED_INDICATORS: Readonly<Record<SeedProjectName, readonly Indicator[]>> = {
  法律援助经费: [
    makeIndicator(P.法律援助经费, 0, '法律案件受理数', countAtLeast(100, '件', '≥100100件以上')),
    makeIndicator(P.法律援助经费, 1, '扩大法律援助覆盖面', pctAtLeast(98, '≥9898%以上')),
    makeIndicator(P.法律援助经费, 2, '法律顾问受理案件率', pctAtLeast(98, '≥9898%以上')),
  ],
  法制工作专项经费: [
    makeIndicator(P.法制工作专项经费, 0, '依法执政，合理执政', pctEqual('100100%')),
    makeIndicator(P.法制工作专项经费, 1, '建设法只政府', pctEqual('100100%')),
    makeIndicator(P.法制工作专项经费, 2, '制度建设和实施效果', pctEqual('100100%')),
  ],
  人民调解员补贴: [
    makeIndicator(P.人民调解员补贴, 0, '人民调解案件数', countAtLeast(100, '件', '≥100100件以上')),
    makeIndicator(P.人民调解员补贴, 1, '群众矛盾降低率', pctAtLeast(95, '≥9595%及以上')),
    makeIndicator(P.人民调解员补贴, 2, '人民调解工作满意率', pctAtLeast(95, '≥95955及以上')),
  ],
  社区矫正经费: [
    makeIndicator(P.社区矫正经费, 0, '社区矫正宣传场次', countAtLeast(15, '次', '≥1515次及以上')),
    makeIndicator(P.社区矫正经费, 1, '社区矫正培训对象', pctAtLeast(95, '≥9595%以上')),
    makeIndicator(P.社区矫正经费, 2, '降低社区矫正对象重新犯罪', { raw: '≤11%以下', operator: '<=', value: 1, unit: '%', kind: 'level' }),
  ],
  依法治区及普法宣传经费: [
    makeIndicator(P.依法治区及普法宣传经费, 0, '普法宣传资料印制', pctAtLeast(95, '≥9595%以上')),
    makeIndicator(P.依法治区及普法宣传经费, 1, '全区法律意识和素质率', pctAtLeast(95, '≥9595%以上')),
    makeIndicator(P.依法治区及普法宣传经费, 2, '组织主题教育活动场次', pctAtLeast(95, '≥9595%及以上')),
  ],
}

/** The seed indicator at `order` of a project (throws when absent, to keep tests honest). */
export function seedIndicator(project: SeedProjectName, order: number): Indicator {
  const indicator = SEED_INDICATORS[project][order]
  if (indicator === undefined) throw new Error(`No indicator ${order} in ${project}`)
  return indicator
}

/** Monthly amounts in 分 keyed by month; months left out are blank (未填报). */
export type ByMonth<T> = Partial<Readonly<Record<Month, T>>>

function entriesOf<T>(byMonth: ByMonth<T>): readonly (readonly [Month, T])[] {
  return MONTHS.flatMap((m) => {
    const value = byMonth[m]
    return value === undefined ? [] : [[m, value] as const]
  })
}

/** Spending entries of one project from amounts in 分 per month. */
export function spendingOf(project: Project, amounts: ByMonth<Fen>): readonly MonthlySpending[] {
  return entriesOf(amounts).map(([month, amount]) => ({ projectId: project.id, month, amount }))
}

/** Numeric indicator values per month. */
export function valuesOf(indicator: Indicator, values: ByMonth<number>): readonly IndicatorValue[] {
  return entriesOf(values).map(([month, value]) => ({ indicatorId: indicator.id, month, value, manualStatus: null }))
}

/** Statuses set by hand per month (qualitative indicators). */
export function manualStatusesOf(indicator: Indicator, statuses: ByMonth<ManualStatus>): readonly IndicatorValue[] {
  return entriesOf(statuses).map(([month, manualStatus]) => ({ indicatorId: indicator.id, month, value: null, manualStatus }))
}

/** A monitoring note of a project for a month with the given likelihood. */
export function noteOf(project: Project, month: Month, likelihood: Likelihood | null): MonitoringNote {
  return { projectId: project.id, month, reasons: [], explanation: '', likelihood, actions: '' }
}

/** A ProjectInput with the seed indicators of the project by default and nothing entered. */
export function inputOf(name: SeedProjectName, parts: Partial<Omit<ProjectInput, 'project'>> = {}): ProjectInput {
  return {
    project: SEED_PROJECTS[name],
    indicators: parts.indicators ?? SEED_INDICATORS[name],
    spending: parts.spending ?? [],
    values: parts.values ?? [],
    note: parts.note ?? null,
  }
}

/**
 * Spending chosen for the seed projects (分 per month), meant to cross every status:
 * 法律援助 on plan then lagging; 法制 a true 0 in January and over budget by December;
 * 人民调解 paid quarterly; 社区矫正 with July blank; 依法治区 a slow start then overspent.
 */
export const SEED_SPENDING: Readonly<Record<SeedProjectName, ByMonth<Fen>>> = {
  法律援助经费: {
    1: 200_000, 2: 200_000, 3: 200_000, 4: 300_000, 5: 300_000, 6: 300_000,
    7: 60_000, 8: 100_000, 9: 100_000, 10: 100_000, 11: 300_000, 12: 600_000,
  },
  法制工作专项经费: {
    1: 0, 2: 0, 3: 200_000, 4: 200_000, 5: 200_000, 6: 200_000,
    7: 400_000, 8: 600_000, 9: 600_000, 10: 600_000, 11: 400_000, 12: 800_000,
  },
  人民调解员补贴: {
    1: 0, 2: 0, 3: 1_575_000, 4: 0, 5: 0, 6: 1_575_000,
    7: 0, 8: 0, 9: 1_575_000, 10: 0, 11: 0, 12: 1_575_000,
  },
  社区矫正经费: {
    1: 287_500, 2: 287_500, 3: 287_500, 4: 575_000, 5: 575_000, 6: 575_000,
    8: 575_000, 9: 575_000, 10: 575_000, 11: 862_500, 12: 575_000,
  },
  依法治区及普法宣传经费: {
    1: 0, 2: 0, 3: 80_000, 4: 300_000, 5: 300_000, 6: 300_000,
    7: 300_000, 8: 300_000, 9: 300_000, 10: 300_000, 11: 0, 12: 20_000,
  },
}

/** The seed spending entries of one project. */
export function seedSpending(name: SeedProjectName): readonly MonthlySpending[] {
  return spendingOf(SEED_PROJECTS[name], SEED_SPENDING[name])
}
