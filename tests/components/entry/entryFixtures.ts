import type { ProjectData } from '@/domain/projectData'
import type { Indicator, IndicatorTarget, Project } from '@/domain/types'

const target = (kind: IndicatorTarget['kind'], value: number | null, unit: string | null): IndicatorTarget => ({
  raw: value === null ? '按计划实施' : `≥${value}${unit ?? ''}`,
  operator: value === null ? null : '>=',
  value,
  unit,
  kind,
})

function project(code: string, name: string, budget: number): Project {
  return {
    id: `2020/315002/${code}`,
    year: 2020,
    departmentCode: '315002',
    code,
    name,
    budget: { total: budget, fiscal: budget, other: null },
    purpose: '',
    plan: { 3: 20, 6: 50, 10: 75, 12: 100 },
    goals: [],
  }
}

function indicator(p: Project, order: number, name: string, t: IndicatorTarget): Indicator {
  return { id: `${p.id}#${order}`, projectId: p.id, order, level1: '产出指标', level2: '数量指标', name, description: '', target: t, basis: null }
}

const a = project('A', '法律援助经费', 3_000_000)
const b = project('B', '普法宣传经费', 2_000_000)

/** Two projects: A with a count, a rate and a qualitative indicator; B with one count. */
export const PROJECTS: ProjectData[] = [
  {
    project: a,
    indicators: [
      indicator(a, 0, '法律案件受理数', target('cumulative', 100, '件')),
      indicator(a, 1, '群众满意率', target('level', 95, '%')),
      indicator(a, 2, '制度建设', target('qualitative', null, null)),
    ],
    spending: [
      { projectId: a.id, month: 7, amount: 300_000 },
      { projectId: a.id, month: 8, amount: 250_000 },
    ],
    values: [{ indicatorId: `${a.id}#0`, month: 7, value: 9, manualStatus: null }],
    notes: [],
  },
  {
    project: b,
    indicators: [indicator(b, 0, '宣传场次', target('cumulative', 15, '次'))],
    spending: [],
    values: [],
    notes: [],
  },
]
