/**
 * Domain types of 预算绩效运行监控 ("双监控").
 *
 * Glossary (one English name per Chinese term, used everywhere in code):
 * - 预算数 budget, 财政资金 fiscal, 其他资金 other, 资金用途 purpose
 * - 资金支出计划 spend plan (cumulative % of budget at checkpoints 3/6/10/12月底)
 * - 执行数 executed (cumulative spending), 执行率 executionRate (% of budget)
 * - 序时进度 timeProgress (m/12 × 100), 计划进度 planned (P(m), % of budget)
 * - 偏差 deviation (percentage points, 个百分点)
 * - 绩效目标 goals, 一级/二级/三级指标 level1/level2/name, 绩效指标描述 description,
 *   指标值 target, 指标值确定依据 basis
 * - 完成进度 completion (% of target), 全年预计 forecast
 * - 偏差原因 deviation reasons, 原因说明 explanation, 完成目标可能性 likelihood,
 *   整改措施 actions
 * - 未填报 unreported, 超预算 over budget, 已报送 submitted
 */

/** Amount of money in integer 分 (1 万元 = 1,000,000 分). Never a float. */
export type Fen = number

/** Calendar month of the fiscal year, 1..12. */
export type Month = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12

export const MONTHS: readonly Month[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]

/** The month-ends at which 绩效目标表 state a cumulative spend plan. */
export type Checkpoint = 3 | 6 | 10 | 12

export const CHECKPOINTS: readonly Checkpoint[] = [3, 6, 10, 12]

/** Cumulative planned spending in % of 预算数 at each checkpoint; null where the cell is blank. */
export type SpendPlan = Readonly<Record<Checkpoint, number | null>>

export interface Department {
  readonly code: string
  readonly name: string
}

export interface BudgetSplit {
  /** 预算数 */
  readonly total: Fen
  /** 其中：财政资金; null when the cell is blank */
  readonly fiscal: Fen | null
  /** 其他资金; null when the cell is blank */
  readonly other: Fen | null
}

export interface Project {
  /** Stable identity, never re-keyed: `year/department/…` (see projectId); the code may change. */
  readonly id: string
  readonly year: number
  readonly departmentCode: string
  readonly code: string
  readonly name: string
  readonly budget: BudgetSplit
  readonly purpose: string
  readonly plan: SpendPlan
  readonly goals: readonly string[]
  /** True when the code was generated (自编); absent = false. */
  readonly isCodeGenerated?: boolean
  /** When it was archived (删除 in 项目管理), ISO; absent or null = in use. */
  readonly archivedAt?: string | null
}

export type Operator = '>=' | '<=' | '=' | '>' | '<'

/**
 * cumulative: a count summed over months (件, 次, 场次…);
 * level: a value measured as of a month (%, 率, 满意度), the latest one stands;
 * qualitative: no number, status set by hand.
 */
export type IndicatorKind = 'cumulative' | 'level' | 'qualitative'

export interface IndicatorTarget {
  /** The 指标值 cell exactly as written. */
  readonly raw: string
  readonly operator: Operator | null
  readonly value: number | null
  readonly unit: string | null
  readonly kind: IndicatorKind
}

export interface Indicator {
  readonly id: string
  readonly projectId: string
  /** Position in the source table, from 0. */
  readonly order: number
  /** 一级指标, e.g. 产出指标 */
  readonly level1: string
  /** 二级指标, e.g. 质量指标 */
  readonly level2: string
  /** 三级指标 */
  readonly name: string
  /** 绩效指标描述 */
  readonly description: string
  /** target.kind is the 口径 in force: the user's choice (累计/时点) if set, else documentKind. */
  readonly target: IndicatorTarget
  /** The kind the document implies from its unit; absent when not known (e.g. test data). */
  readonly documentKind?: IndicatorKind
  /** 指标值确定依据 */
  readonly basis: string | null
  /** When it was archived (删除 in 项目管理), ISO; absent or null = in use. */
  readonly archivedAt?: string | null
}

/** Spending entered for one project in one month (not cumulative). */
export interface MonthlySpending {
  readonly projectId: string
  readonly month: Month
  readonly amount: Fen
}

/** Traffic-light status; unreported (未填报) is grey and never counted as met. */
/** 'exceeded' is 超额 (blue): a 财政一体化 indicator at 120 % of its pace or more; better than green. */
export type Status = 'green' | 'yellow' | 'red' | 'unreported' | 'exceeded'

/** A project's status: 超额 is an indicator's, a project with one is 绿 (its spending never exceeds). */
export type ProjectStatus = Exclude<Status, 'exceeded'>

/** A status a user sets by hand (rule 6). */
export type ManualStatus = 'green' | 'yellow' | 'red'

/**
 * The value of one indicator entered for one month: the month's count for a cumulative
 * indicator, the measured value for a level one, a status set by hand for a qualitative one.
 */
export interface IndicatorValue {
  readonly indicatorId: string
  readonly month: Month
  readonly value: number | null
  readonly manualStatus: ManualStatus | null
}

/** 偏差原因分析 categories of 财预〔2019〕136号. */
export type DeviationReason = 'funding' | 'institution' | 'staffing' | 'facilities' | 'other'

export const DEVIATION_REASONS: readonly DeviationReason[] = [
  'funding',
  'institution',
  'staffing',
  'facilities',
  'other',
]

export const DEVIATION_REASON_LABELS: Readonly<Record<DeviationReason, string>> = {
  funding: '经费保障',
  institution: '制度保障',
  staffing: '人员保障',
  facilities: '硬件条件保障',
  other: '其他',
}

/** 完成目标可能性 */
export type Likelihood = 'certain' | 'possible' | 'impossible'

export const LIKELIHOOD_LABELS: Readonly<Record<Likelihood, string>> = {
  certain: '确定能',
  possible: '有可能',
  impossible: '完全不可能',
}

/** Monitoring note of a project for one as-of month (a monitoring round). */
export interface MonitoringNote {
  readonly projectId: string
  readonly month: Month
  readonly reasons: readonly DeviationReason[]
  /** 原因说明 */
  readonly explanation: string
  readonly likelihood: Likelihood | null
  /** 整改措施 */
  readonly actions: string
}

/** Configurable thresholds; defaults in DEFAULT_THRESHOLDS (domain.md). */
export interface Thresholds {
  /** Deviation (percentage points) at or above which spending is green. */
  readonly yellowFrom: number
  /** Deviation (percentage points) at or above which spending is yellow; below is red. */
  readonly redBelow: number
  /** A level indicator missed by at most this % of its target is yellow. */
  readonly levelTolerancePct: number
  /** 双监控 mismatch when 执行率 and average completion differ by more (percentage points). */
  readonly mismatchPoints: number
  /** Which rule family judges the figures (presets.ts); absent = 'plan', this system's own. */
  readonly rules?: ThresholdRules
  /** 财政一体化: ratio to pace (%) at or above which it is green. */
  readonly ratioGreenFrom?: number
  /** 财政一体化: ratio to pace (%) below which it is red; between is yellow. */
  readonly ratioRedBelow?: number
  /** 财政一体化: an indicator at or above this ratio to pace (%) is 超额 (blue). */
  readonly exceededFrom?: number
}

/**
 * Rule families of the warning presets (domain.md "Warning presets seen in use"): 'plan' against
 * the plan curve (ours), 'fasp' 财政一体化 ratios to 序时, 'hefei' 序时 and goals, 'sichuan' floors.
 */
export type ThresholdRules = 'plan' | 'fasp' | 'hefei' | 'sichuan'

export const DEFAULT_THRESHOLDS: Thresholds = {
  yellowFrom: -5,
  redBelow: -15,
  levelTolerancePct: 5,
  mismatchPoints: 10,
}

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  green: '绿·正常',
  yellow: '黄·关注',
  red: '红·滞后',
  unreported: '未填报',
  exceeded: '蓝·超额',
}

/** The id an imported project gets at its first import (later code edits never change it). */
export function projectId(year: number, departmentCode: string, code: string): string {
  return `${year}/${departmentCode}/${code}`
}
