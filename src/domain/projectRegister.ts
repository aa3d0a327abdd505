/**
 * 项目管理: which projects and indicators are in use at an as-of month (archived ones count up
 * to their archive month), and the rules a hand-edited project must pass before it is stored.
 * Each rule is one function, called by the form (live field errors) and by the repository
 * (which refuses what the form would refuse, so nothing invalid is ever half-saved).
 */
import { parseMoney } from './money'
import { parseNumberInput } from './numberInput'
import type { ProjectData } from './projectData'
import { CHECKPOINTS, type BudgetSplit, type Checkpoint, type IndicatorTarget, type Month, type SpendPlan } from './types'

/**
 * The last month of `year` an archived row still counts in: 0 when archived before the year,
 * 12 when after it or not archived. The month is the local calendar month of archivedAt.
 */
export function archiveMonthOf(archivedAt: string | null | undefined, year: number): number {
  if (!archivedAt) return 12
  const at = new Date(archivedAt)
  if (Number.isNaN(at.getTime())) return 12
  if (at.getFullYear() < year) return 0
  if (at.getFullYear() > year) return 12
  return at.getMonth() + 1
}

/** True when a project counts at as-of month m: not archived, or archived in month m or later. */
export function isProjectActiveAt(project: { readonly year: number; readonly archivedAt?: string | null }, month: Month): boolean {
  return month <= archiveMonthOf(project.archivedAt, project.year)
}

/**
 * The projects of a scope as pages list them at as-of month m: archived projects and indicators
 * are left out after their archive month (their actuals stay stored, and count up to it).
 */
export function activeProjectDataAt(rows: readonly ProjectData[], month: Month): ProjectData[] {
  return rows
    .filter((row) => isProjectActiveAt(row.project, month))
    .map((row) => {
      const year = row.project.year
      const indicators = row.indicators.filter((indicator) => month <= archiveMonthOf(indicator.archivedAt, year))
      return indicators.length === row.indicators.length ? row : { ...row, indicators }
    })
}

/** What the 项目管理 form holds: text as typed (万元, %), so an error can point at its field. */
export interface ProjectDraft {
  readonly name: string
  /** Blank: the app generates one (自编). */
  readonly code: string
  /** 财政资金 in 万元, blank allowed. */
  readonly fiscalWan: string
  /** 其他资金 in 万元, blank allowed. */
  readonly otherWan: string
  readonly purpose: string
  /** 3/6/10/12月底 cumulative plan in %, blank allowed. */
  readonly plan: Readonly<Record<Checkpoint, string>>
  readonly goals: readonly string[]
  readonly indicators: readonly IndicatorDraft[]
}

/** One indicator row of the form; id null for a row added by hand and not saved yet. */
export interface IndicatorDraft {
  readonly id: string | null
  readonly level1: string
  readonly level2: string
  readonly name: string
  readonly description: string
  /** 指标值 as typed, read by the importer's parseTarget (`≥98%`, `大于等于100件`, `优良`). */
  readonly targetRaw: string
  /** 口径 chosen by hand; null = as the unit implies. */
  readonly kind: 'cumulative' | 'level' | null
  readonly basis: string
  /** Marked for removal (archived on save). */
  readonly isRemoved: boolean
}

/** A 指标值 read as the importer reads it: the target and what it had to guess or could not read. */
export interface TargetReading {
  readonly target: IndicatorTarget
  readonly warnings: readonly string[]
}

/** Reads a 指标值 cell; the importer's parseTarget, passed in so the domain stays free of importers. */
export type TargetReader = (raw: string, context: { readonly name: string; readonly description: string }) => TargetReading

/** The checked values of a draft, ready to store (money in 分, plan in %). */
export interface ProjectInput {
  readonly name: string
  /** Trimmed; empty when a code is to be generated. */
  readonly code: string
  readonly budget: BudgetSplit
  readonly purpose: string
  readonly plan: SpendPlan
  readonly goals: readonly string[]
  readonly indicators: readonly IndicatorInput[]
}

export interface IndicatorInput {
  readonly id: string | null
  readonly level1: string
  readonly level2: string
  readonly name: string
  readonly description: string
  readonly target: IndicatorTarget
  readonly kindOverride: 'cumulative' | 'level' | null
  readonly basis: string | null
  readonly isRemoved: boolean
}

/**
 * Errors by field: `name`, `code`, `fiscal`, `other`, `plan.3` … `plan.12`, and per indicator
 * row `indicators.<i>.level1` / `.name` / `.target`. Each says what is wrong and what to do.
 */
export type DraftErrors = Readonly<Record<string, string>>

export type DraftCheck = { readonly ok: true; readonly value: ProjectInput } | { readonly ok: false; readonly errors: DraftErrors }

/** An amount typed in 万元: null when blank, 分 when valid, or the Chinese error. */
export function checkWanAmount(text: string, label: string): { fen: number | null } | { error: string } {
  const typed = text.trim().replace(/万元$|万$/, '').trim()
  if (typed === '') return { fen: null }
  const fen = parseMoney(typed, 'wan')
  if (fen === null) return { error: `${label}「${text.trim()}」不是金额：请填写以万元计的数字，如 3.00（最多 6 位小数）` }
  if (fen < 0) return { error: `${label}不能为负数：请填写 0 或正数（万元）；预算减少请改小金额` }
  return { fen }
}

/** The plan checkpoints as numbers (blank → null), or an error per checkpoint: 0–100 and never decreasing. */
export function checkPlan(plan: Readonly<Record<Checkpoint, string>>): { plan: SpendPlan; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const values: Record<Checkpoint, number | null> = { 3: null, 6: null, 10: null, 12: null }
  let previous: { checkpoint: Checkpoint; value: number } | null = null
  for (const checkpoint of CHECKPOINTS) {
    const text = plan[checkpoint].trim()
    if (text === '') continue
    const parsed = parseNumberInput(text)
    if (parsed.kind !== 'number' || (parsed.unit !== null && parsed.unit !== '%')) {
      errors[`plan.${checkpoint}`] = `${checkpoint}月底「${text}」不是百分数：请填写 0 到 100 之间的数，或留空`
      continue
    }
    if (parsed.value < 0 || parsed.value > 100) {
      errors[`plan.${checkpoint}`] = `${checkpoint}月底累计计划 ${parsed.decimal}% 超出范围：请填写 0 到 100 之间的数`
      continue
    }
    if (previous !== null && parsed.value < previous.value) {
      errors[`plan.${checkpoint}`] =
        `${checkpoint}月底累计计划 ${parsed.decimal}% 小于${previous.checkpoint}月底的 ${previous.value}%：累计计划不能减少，请填写不小于 ${previous.value} 的数`
      continue
    }
    values[checkpoint] = parsed.value
    previous = { checkpoint, value: parsed.value }
  }
  return { plan: values, errors }
}

/** A typed 指标值 as stored, or the Chinese error: blank, or an operator/number that cannot be read. */
export function checkTarget(reading: TargetReading): { target: IndicatorTarget } | { error: string } {
  const raw = reading.target.raw.trim()
  if (raw === '') return { error: '请填写指标值，如「≥98%」「大于等于100件」，定性指标写「优良」等' }
  // The importer falls back to 定性 with a warning when a cell has an operator or digits it cannot read.
  if (reading.target.kind === 'qualitative' && reading.warnings.length > 0) {
    return { error: `指标值「${raw}」读不出数值：请写成「≥98%」「大于等于100件」这样的比较符＋数字＋单位，定性指标不要带比较符和数字` }
  }
  return { target: reading.target }
}

/**
 * Checks a whole draft: name filled, code unique among the department's year (`takenCodes`,
 * the codes of its other projects, archived ones too), amounts not negative, plan 0–100 and
 * never decreasing, each indicator named with a readable 指标值. Removed rows are not checked,
 * nor a stored indicator's 指标值 left as imported (`storedTargets`, by indicator id): an
 * imported blank or unreadable cell must not block editing the rest of the project.
 */
export function checkProjectDraft(
  draft: ProjectDraft,
  takenCodes: ReadonlySet<string>,
  readTarget: TargetReader,
  storedTargets: ReadonlyMap<string, string> = new Map(),
): DraftCheck {
  const errors: Record<string, string> = {}
  const name = draft.name.trim()
  if (name === '') errors.name = '请填写项目名称'
  const code = draft.code.trim()
  if (code !== '' && takenCodes.has(code)) {
    errors.code = `项目编码「${code}」已被本单位本年度的另一个项目使用（含已删除的项目）：请改用其他编码，或留空由系统自编`
  }
  const fiscal = checkWanAmount(draft.fiscalWan, '财政资金')
  if ('error' in fiscal) errors.fiscal = fiscal.error
  const other = checkWanAmount(draft.otherWan, '其他资金')
  if ('error' in other) errors.other = other.error
  const plan = checkPlan(draft.plan)
  Object.assign(errors, plan.errors)

  const indicators: IndicatorInput[] = []
  draft.indicators.forEach((row, i) => {
    const target = checkTarget(readTarget(row.targetRaw, { name: row.name, description: row.description }))
    if (!row.isRemoved) {
      if (row.level1.trim() === '') errors[`indicators.${i}.level1`] = '请填写一级指标，如「产出指标」「效益指标」'
      if (row.name.trim() === '') errors[`indicators.${i}.name`] = '请填写三级指标名称'
      const isUntouched = row.id !== null && storedTargets.get(row.id)?.trim() === row.targetRaw.trim()
      if ('error' in target && !isUntouched) errors[`indicators.${i}.target`] = target.error
    }
    const parsed = 'target' in target ? target.target : { raw: row.targetRaw.trim(), operator: null, value: null, unit: null, kind: 'qualitative' as const }
    indicators.push({
      id: row.id,
      level1: row.level1.trim(),
      level2: row.level2.trim(),
      name: row.name.trim(),
      description: row.description.trim(),
      target: parsed,
      // A 定性 target has no number to sum or hold, so no 口径 applies to it.
      kindOverride: parsed.kind === 'qualitative' ? null : row.kind,
      basis: row.basis.trim() === '' ? null : row.basis.trim(),
      isRemoved: row.isRemoved,
    })
  })
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const fiscalFen = 'fen' in fiscal ? fiscal.fen : null
  const otherFen = 'fen' in other ? other.fen : null
  return {
    ok: true,
    value: {
      name,
      code,
      budget: { total: (fiscalFen ?? 0) + (otherFen ?? 0), fiscal: fiscalFen, other: otherFen },
      purpose: draft.purpose.trim(),
      plan: plan.plan,
      goals: draft.goals.map((goal) => goal.trim()).filter((goal) => goal !== ''),
      indicators,
    },
  }
}
