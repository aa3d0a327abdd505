/**
 * A finance bureau's years of monitoring data for scale tests: departments of 50 projects each,
 * several fiscal years (earlier years reported through 12月, the latest through its as-of
 * month), three indicators per project and an entry for every month. Each project is generated
 * on its own from (seed, year, index), so any project can be made again without the others:
 * the backup writer streams table by table without holding the bureau in memory.
 *
 * The status mix is what a bureau sees in practice: most projects on plan, some to watch, fewer
 * lagging, a few not reported yet. A project draws a profile first and its figures follow it;
 * the real status always comes from the domain's evaluation (tests/mock-data checks the mix).
 */
import { plannedProgress, timeProgress } from '../src/domain/planCurve'
import type { Indicator, IndicatorValue, Month, MonthlySpending, Project, SpendPlan } from '../src/domain/types'
import { MONTHS, projectId } from '../src/domain/types'
import { createRandom, type GeneratedProject } from './generate'

export interface BureauOptions {
  readonly seed: number
  readonly departments: number
  readonly projectsPerDepartment: number
  /** Fiscal years, oldest first; every year but the last is reported through 12月. */
  readonly years: readonly number[]
  /** Months reported in the last year. */
  readonly throughMonth: Month
}

/** 200 departments × 50 projects, three years, the last through 7月: about 1.2M monthly rows. */
export const BUREAU_DEFAULTS: BureauOptions = {
  seed: 20_240_731,
  departments: 200,
  projectsPerDepartment: 50,
  years: [2022, 2023, 2024],
  throughMonth: 7,
}

/** What a project is drawn to be; its status is still whatever the domain rules say. */
export type BureauProfile = 'onPlan' | 'spendWatch' | 'indicatorWatch' | 'spendLagging' | 'indicatorLagging' | 'notReported'

/** Cumulative shares of the profiles (must end at 1). */
const PROFILE_SHARES: readonly (readonly [BureauProfile, number])[] = [
  ['onPlan', 0.7],
  ['spendWatch', 0.82],
  ['indicatorWatch', 0.88],
  ['spendLagging', 0.95],
  ['indicatorLagging', 0.98],
  ['notReported', 1],
]

const AGENCIES = ['教育', '公安', '民政', '司法', '财政', '人社', '自然资源', '生态环境', '住建', '交通运输', '水利', '农业农村', '商务', '文旅', '卫健', '应急管理', '审计', '市场监管', '统计', '医保']
const DISTRICTS = ['市', '东城区', '西城区', '南山区', '北湖区', '新城区', '开发区', '高新区', '滨海区', '临港区']
const PROJECT_KINDS = ['业务运转经费', '信息化建设运维', '专项督查经费', '宣传培训经费', '设备购置', '项目评审经费', '公共服务补助', '基础设施维护', '专项调查经费', '应急物资储备']
const COUNT_UNITS = [
  { name: '开展培训场次', unit: '场次', target: 24 },
  { name: '服务对象人次', unit: '人次', target: 1200 },
  { name: '办理案件数', unit: '件', target: 150 },
  { name: '检查覆盖单位数', unit: '个', target: 60 },
]
const PLANS: readonly SpendPlan[] = [
  { 3: 20, 6: 50, 10: 80, 12: 100 },
  { 3: 25, 6: 55, 10: 85, 12: 100 },
  { 3: 10, 6: 40, 10: 75, 12: 100 },
  // 序时进度 fallback: only 12月底 filled, as in the seed's 人民调解员补贴.
  { 3: null, 6: null, 10: null, 12: 100 },
]

/** The department's unit code and name, by its index (0-based). */
export function bureauDepartment(index: number): { readonly code: string; readonly name: string } {
  const agency = AGENCIES[index % AGENCIES.length] ?? ''
  const district = DISTRICTS[Math.floor(index / AGENCIES.length) % DISTRICTS.length] ?? ''
  return { code: String(400_001 + index), name: `${district}${agency}局` }
}

/** Projects of the bureau per year. */
export function bureauProjectCount(options: BureauOptions): number {
  return options.departments * options.projectsPerDepartment
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

function drawProfile(random: () => number): BureauProfile {
  const u = random()
  return (PROFILE_SHARES.find(([, upTo]) => u < upTo) ?? PROFILE_SHARES[0]!)[0]
}

/** A 32-bit seed for one project, mixing the bureau seed, the year and the index. */
function projectSeed(seed: number, year: number, index: number): number {
  let h = (seed ^ Math.imul(year, 0x9e3779b1)) >>> 0
  h = Math.imul(h ^ (index + 0x7f4a7c15), 0x85ebca6b) >>> 0
  return (h ^ (h >>> 13)) >>> 0
}

/** Deviation of spending from plan at the as-of month, in percentage points, per profile. */
function drawSpendDeviation(profile: BureauProfile, random: () => number): number {
  switch (profile) {
    case 'spendWatch':
      return -6 - random() * 8
    case 'spendLagging':
      return -17 - random() * 20
    default:
      return -3.5 + random() * 4
  }
}

/** Monthly spending in 分 whose 执行率 at the as-of month is the plan plus `deviation`. */
function spendingOf(id: string, budget: number, plan: SpendPlan, asOf: Month, deviation: number, random: () => number): MonthlySpending[] {
  const months = MONTHS.filter((m) => m <= asOf)
  const steps = months.map((m) => (plannedProgress(plan, m) - plannedProgress(plan, m - 1)) * (0.6 + random() * 0.8))
  const total = steps.reduce((a, b) => a + b, 0)
  const rate = Math.max(0, Math.min(100, plannedProgress(plan, asOf) + deviation))
  const scale = total === 0 ? 0 : rate / total
  // Each month rounded on its own: the cumulative rate lands within a few 分 of the aim.
  return months.map((month, i) => ({ projectId: id, month, amount: Math.round((budget * (steps[i] ?? 0) * scale) / 100) }))
}

function countValues(indicatorId: string, target: number, asOf: Month, pace: number, random: () => number): IndicatorValue[] {
  const aim = (target * timeProgress(asOf) * pace) / 100
  const weights = MONTHS.filter((m) => m <= asOf).map(() => 0.5 + random())
  const sum = weights.reduce((a, b) => a + b, 0)
  let given = 0
  return weights.map((_, i) => {
    // Whole counts whose running total follows the aim (no drift from rounding each month).
    const upTo = Math.round((aim * weights.slice(0, i + 1).reduce((a, b) => a + b, 0)) / sum)
    const value = upTo - given
    given = upTo
    return { indicatorId, month: (i + 1) as Month, value: Math.max(0, value), manualStatus: null }
  })
}

function levelValues(indicatorId: string, asOf: Month, around: number, spread: number, random: () => number): IndicatorValue[] {
  return MONTHS.filter((m) => m <= asOf).map((month) => ({
    indicatorId,
    month,
    value: Math.round((around + (random() - 0.5) * spread) * 10) / 10,
    manualStatus: null,
  }))
}

/** Project `index` (0-based) of `year`: the same for the same options, whatever else is made. */
export function generateBureauProject(options: BureauOptions, year: number, index: number): GeneratedProject & { readonly profile: BureauProfile } {
  const random = createRandom(projectSeed(options.seed, year, index))
  const departmentIndex = Math.floor(index / options.projectsPerDepartment)
  const department = bureauDepartment(departmentIndex)
  const isLastYear = year === options.years[options.years.length - 1]
  const asOf: Month = isLastYear ? options.throughMonth : 12
  const drawn = drawProfile(random)
  // A closed year has its 12月 in: only the current round has late reporters.
  const profile = drawn === 'notReported' && !isLastYear ? 'onPlan' : drawn
  const local = index % options.projectsPerDepartment
  const code = `${department.code.slice(0, 3)}-${String(departmentIndex).padStart(3, '0')}-${String(local).padStart(2, '0')}`
  const id = projectId(year, department.code, code)
  // 0.5 to 500 万元, most projects small: budgets in a bureau are skewed.
  const total = Math.round(50 * 10 ** (random() * 3)) * 10_000
  const fiscalShare = random() < 0.8 ? 1 : 0.6 + random() * 0.3
  const fiscal = Math.round(total * fiscalShare)
  const plan = pick(PLANS, random)
  const project: Project = {
    id,
    year,
    departmentCode: department.code,
    code,
    name: `${department.name.replace(/局$/, '')}${pick(PROJECT_KINDS, random)}`,
    budget: { total, fiscal, other: fiscal === total ? null : total - fiscal },
    purpose: '保障部门履职和重点工作开展',
    plan,
    goals: ['按计划完成年度工作任务', '服务对象满意度达到95%以上'],
  }
  const count = pick(COUNT_UNITS, random)
  const indicators: Indicator[] = [
    { id: `${id}#1`, projectId: id, order: 0, level1: '产出指标', level2: '数量指标', name: count.name, description: '', target: { raw: `≥${count.target}${count.unit}`, operator: '>=', value: count.target, unit: count.unit, kind: 'cumulative' }, basis: null },
    { id: `${id}#2`, projectId: id, order: 1, level1: '满意度指标', level2: '服务对象满意度指标', name: '服务对象满意度', description: '', target: { raw: '≥95%', operator: '>=', value: 95, unit: '%', kind: 'level' }, basis: null },
    { id: `${id}#3`, projectId: id, order: 2, level1: '效果指标', level2: '社会效益指标', name: '投诉率', description: '', target: { raw: '≤1%', operator: '<=', value: 1, unit: '%', kind: 'level' }, basis: null },
  ]
  const spending = spendingOf(id, total, plan, asOf, drawSpendDeviation(profile, random), random)
  // Count pace: 1 = on 序时; watch projects are 5–15 points behind, lagging ones further.
  const countPace = profile === 'indicatorWatch' ? 1 - (7 + random() * 6) / timeProgress(asOf) : profile === 'indicatorLagging' ? 0.4 + random() * 0.25 : 1 + random() * 0.12
  const values = [
    ...countValues(`${id}#1`, count.target, asOf, countPace, random),
    ...levelValues(`${id}#2`, asOf, 97.5, 3, random),
    ...levelValues(`${id}#3`, asOf, 0.55, 0.6, random),
  ]
  // 未填报: the as-of month's spending and figures are not in yet (a blank is not a 0).
  const isLate = profile === 'notReported'
  const reported = (row: { readonly month: Month }) => !isLate || row.month < asOf
  return { project, indicators, spending: spending.filter(reported), values: values.filter(reported), profile }
}

/** Every project of every year, in order (years oldest first, then departments). */
export function* generateBureau(options: BureauOptions): Generator<GeneratedProject & { readonly profile: BureauProfile }> {
  const count = bureauProjectCount(options)
  for (const year of options.years) {
    for (let index = 0; index < count; index++) yield generateBureauProject(options, year, index)
  }
}
