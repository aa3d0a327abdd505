import type { Indicator, IndicatorValue, Month, MonthlySpending, Project } from '../src/domain/types'
import { MONTHS, projectId } from '../src/domain/types'

export interface GeneratedProject {
  readonly project: Project
  readonly indicators: readonly Indicator[]
  readonly spending: readonly MonthlySpending[]
  readonly values: readonly IndicatorValue[]
}

/** Deterministic pseudo-random numbers (mulberry32), so generated data is the same every run. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Generates `count` projects spread over departments of one year, each with three indicators
 * (a count, a rate and a ≤ ceiling) and actuals for months 1..throughMonth, for scale tests.
 */
export function generateProjects(count: number, year = 2024, throughMonth: Month = 7, seed = 1): GeneratedProject[] {
  const random = createRandom(seed)
  return Array.from({ length: count }, (_, index) => {
    const departmentCode = String(100001 + Math.floor(index / 50))
    const code = `G-${String(index).padStart(5, '0')}`
    const id = projectId(year, departmentCode, code)
    const total = (1 + Math.floor(random() * 500)) * 100_000
    const project: Project = {
      id,
      year,
      departmentCode,
      code,
      name: `生成项目 ${index}`,
      budget: { total, fiscal: total, other: null },
      purpose: '规模测试',
      plan: random() < 0.2 ? { 3: null, 6: null, 10: null, 12: 100 } : { 3: 20, 6: 50, 10: 80, 12: 100 },
      goals: [],
    }
    const indicators: Indicator[] = [
      { id: `${id}#1`, projectId: id, order: 0, level1: '产出指标', level2: '数量指标', name: '办理件数', description: '', target: { raw: '≥120件', operator: '>=', value: 120, unit: '件', kind: 'cumulative' }, basis: null },
      { id: `${id}#2`, projectId: id, order: 1, level1: '满意度指标', level2: '服务对象满意度指标', name: '满意率', description: '', target: { raw: '≥95%', operator: '>=', value: 95, unit: '%', kind: 'level' }, basis: null },
      { id: `${id}#3`, projectId: id, order: 2, level1: '效果指标', level2: '社会效益指标', name: '投诉率', description: '', target: { raw: '≤1%', operator: '<=', value: 1, unit: '%', kind: 'level' }, basis: null },
    ]
    const months = MONTHS.filter((month) => month <= throughMonth)
    const pace = 0.5 + random() * 0.7
    const spending = months.map((month) => ({ projectId: id, month, amount: Math.round((total / 12) * pace * (0.5 + random())) }))
    const values = months.flatMap((month) => [
      { indicatorId: `${id}#1`, month, value: Math.floor(random() * 15), manualStatus: null },
      { indicatorId: `${id}#2`, month, value: 90 + Math.round(random() * 100) / 10, manualStatus: null },
      { indicatorId: `${id}#3`, month, value: Math.round(random() * 20) / 10, manualStatus: null },
    ])
    return { project, indicators, spending, values }
  })
}
