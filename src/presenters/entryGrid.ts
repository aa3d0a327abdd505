/**
 * The 录入 grids as plain values: the month view (one row per project) and the project view
 * (one row per month), with the text of every cell, the read-only figures (执行数, 执行率) and,
 * by cell key, where each editable cell's value goes. Views render them; nothing here saves.
 */
import { budgetInForce, evaluateSpend, indicatorInForce } from '@/domain'
import { coverageLabel, cumulativeThrough, previousCumulative, type SpendingEntryMode } from '@/domain/cumulativeSpending'
import { STATUS_INPUT_LABELS, type EntryTarget, type ValidationIssue } from '@/domain/entryValidation'
import { formatPercent } from '@/domain/format'
import { OPERATOR_SIGNS } from '@/domain/indicatorFormat'
import { formatWan, formatYuan, MONEY_UNIT_LABELS, type MoneyUnit } from '@/domain/money'
import { formatIndicatorInput, formatMoneyInput } from '@/domain/numberInput'
import type { ProjectData } from '@/domain/projectData'
import { MONTHS, type Fen, type Indicator, type IndicatorTarget, type Month } from '@/domain/types'

/** What a grid cell holds: money, a count, a measured level or a hand-set status. */
export type EntryCellKind = 'money' | 'count' | 'level' | 'status'

/** An editable cell as the grid shows it; `value` is the stored value as text ('' = 未填报). */
export interface EntryCell {
  readonly kind: EntryCellKind
  readonly key: string
  readonly value: string
  /** Small caption above the input (the indicator's name in the month view). */
  readonly label: string | null
  /** What a screen reader says: project, column and month, e.g. 法律援助经费 · 8月支出. */
  readonly name: string
  /** Shown beside the input: running total, target, unit. */
  readonly aside: string
  readonly isLocked: boolean
}

/** A read-only figure in the grid (执行数, 执行率); the keyboard skips it. */
export interface EntryFigure {
  readonly kind: 'figure'
  readonly text: string
  readonly isWarning: boolean
  /** The month is blank (未填报): shown muted, as the empty inputs are. */
  readonly isUnreported: boolean
  readonly testId: string
  readonly title: string
}

export type EntryGridItem = EntryCell | EntryFigure | null

export interface EntryGridRow {
  readonly key: string
  readonly title: string
  readonly subtitle: string
  readonly isLocked: boolean
  readonly items: readonly EntryGridItem[]
}

export interface EntryGridColumn {
  readonly key: string
  readonly title: string
  readonly subtitle: string
  readonly isFigure: boolean
}

/** Where a cell's value goes and how it is checked. */
export interface CellMeta {
  readonly target: EntryTarget
  readonly projectId: string
  readonly indicatorId: string | null
  readonly year: number
  readonly month: Month
  readonly isLocked: boolean
  /** 预算数 in 分 (spending cells). */
  readonly budget: Fen
  /** Human name of the cell, e.g. 法律援助经费 · 8月支出. */
  readonly label: string
  /** A spending cell typed as 1–m月累计支出 (the month's amount is derived); absent = monthly. */
  readonly isCumulative?: boolean
}

/** A cell's feedback: the user's text while refused or unconfirmed, the message, saving state. */
export interface EntryCellState {
  readonly draft: string | null
  readonly message: string | null
  readonly severity: ValidationIssue['severity'] | null
  readonly phase: 'saving' | 'saved' | null
}

/** A cell's place in the grid: row index, column index (figures count as columns). */
export interface GridPosition {
  readonly row: number
  readonly col: number
}

/** True when the item is an input cell (not a figure, not missing). */
export function isEditableItem(item: EntryGridItem | undefined): item is EntryCell {
  return item !== null && item !== undefined && item.kind !== 'figure'
}

/** A view's grid: columns, rows and, by cell key, where each editable cell's value goes. */
export interface EntryGrid {
  readonly columns: readonly EntryGridColumn[]
  readonly rows: readonly EntryGridRow[]
  readonly metas: ReadonlyMap<string, CellMeta>
  /** Stored spending by project id: month → 分. */
  readonly spending: ReadonlyMap<string, ReadonlyMap<Month, Fen>>
}


/** Key of a spending cell. */
export const spendingKey = (projectId: string, month: Month) => `s|${projectId}|${month}`
/** Key of an indicator cell. */
export const indicatorKey = (indicatorId: string, month: Month) => `i|${indicatorId}|${month}`

/**
 * A target as a short grid label, e.g. ≥100件; the raw text when it has no number. Tighter than
 * indicatorFormat's formatTarget ('≥100 件'): no space before the unit, input-style digits.
 */
export function formatTarget(target: IndicatorTarget): string {
  if (target.value === null) return target.raw
  return `${target.operator ? OPERATOR_SIGNS[target.operator] : ''}${formatIndicatorInput(target.value)}${target.unit ?? ''}`
}

/** How an indicator is entered: a count, a measured level, or a status by hand (no number to judge). */
export function entryTargetOf(indicator: Indicator): EntryTarget {
  const { kind, value, unit } = indicator.target
  if (kind === 'qualitative' || value === null) return { kind: 'status' }
  return kind === 'cumulative' ? { kind: 'count', unit } : { kind: 'level', unit }
}

interface ProjectIndex {
  readonly spending: ReadonlyMap<Month, Fen>
  readonly values: ReadonlyMap<string, { value: number | null; manualStatus: string | null }>
}

function indexProject(data: ProjectData): ProjectIndex {
  const values = new Map<string, { value: number | null; manualStatus: string | null }>()
  for (const v of data.values) values.set(`${v.indicatorId}|${v.month}`, v)
  return { spending: new Map(data.spending.map((s) => [s.month, s.amount])), values }
}

function indicatorText(index: ProjectIndex, indicator: Indicator, month: Month): string {
  const entry = index.values.get(`${indicator.id}|${month}`)
  if (!entry) return ''
  if (entryTargetOf(indicator).kind === 'status') {
    const status = entry.manualStatus as keyof typeof STATUS_INPUT_LABELS | null
    return status ? STATUS_INPUT_LABELS[status] : ''
  }
  return entry.value === null ? '' : formatIndicatorInput(entry.value)
}

/** The latest number entered for an indicator in months 1..m, with its month; null when none. */
function latestValue(index: ProjectIndex, indicator: Indicator, month: Month): { value: number; month: Month } | null {
  for (let m = month; m >= 1; m--) {
    const value = index.values.get(`${indicator.id}|${m}`)?.value
    if (value !== null && value !== undefined) return { value, month: m as Month }
  }
  return null
}

/** Σ of a cumulative indicator's counts for months 1..m; null when none is entered. */
function runningTotal(index: ProjectIndex, indicator: Indicator, month: Month): number | null {
  let total: number | null = null
  for (const m of MONTHS) {
    const value = index.values.get(`${indicator.id}|${m}`)?.value
    if (m <= month && value !== null && value !== undefined) total = (total ?? 0) + value
  }
  return total
}

/**
 * The running total beside a count. A blank month is 未填报, not 0: the project view shows
 * 累计 — there; the month view says up to which month the total it shows runs.
 */
function countAside(index: ProjectIndex, indicator: Indicator, month: Month, isMonthView: boolean): string {
  const goal = isMonthView ? ` / ${formatTarget(indicator.target)}` : ''
  const total = runningTotal(index, indicator, month)
  const latest = latestValue(index, indicator, month)
  if (total === null || latest === null) return `累计 —${goal}`
  if (latest.month === month) return `累计 ${formatIndicatorInput(total)}${goal}`
  return isMonthView ? `累计 ${formatIndicatorInput(total)}（至${latest.month}月）${goal}` : '累计 —'
}

/** The target beside a level (month view), with the value still standing when this month is blank. */
function levelAside(index: ProjectIndex, indicator: Indicator, month: Month): string {
  const goal = `目标 ${formatTarget(indicator.target)}`
  const latest = latestValue(index, indicator, month)
  if (latest === null || latest.month === month) return goal
  return `${goal} · 现值 ${formatIndicatorInput(latest.value)}${indicator.target.unit === '%' ? '%' : ''}（${latest.month}月）`
}

function cellKind(target: EntryTarget): EntryCell['kind'] {
  return target.kind === 'spending' ? 'money' : target.kind
}

/** The read-only 执行数 and 执行率 of a row: evaluateSpend's figures at the row's month, as text. */
function figures(data: ProjectData, month: Month, unit: MoneyUnit): readonly EntryFigure[] {
  const spend = evaluateSpend(data.project, data.spending, month, undefined, data.budgetAdjustments)
  if (!spend.isReported) {
    // A blank month is 未填报, not 0: no cumulative figure claims to include it.
    const title = `${month}月支出未填报（空白不是 0），不计算执行数和执行率`
    return [
      { kind: 'figure', text: '未填报', isWarning: false, isUnreported: true, testId: 'executed', title },
      { kind: 'figure', text: '—', isWarning: false, isUnreported: true, testId: 'rate', title },
    ]
  }
  const { executed, budget, isOverBudget } = spend
  // Figures in 万元 always with 2 decimals (exact amounts in the title and in 元 mode).
  const text = unit === 'wan' ? formatWan(executed) : formatYuan(executed)
  const exact = `${formatMoneyInput(executed, 'wan')} 万元（${formatYuan(executed)} 元）`
  return [
    { kind: 'figure', text, isWarning: false, isUnreported: false, testId: 'executed', title: `1–${month}月执行数：${exact}` },
    {
      kind: 'figure',
      text: `${formatPercent(spend.executionRate)}${isOverBudget ? ' 超预算' : ''}`,
      isWarning: isOverBudget,
      isUnreported: false,
      testId: 'rate',
      title: isOverBudget ? `1–${month}月执行数超过预算数 ${formatWan(budget)} 万元` : `1–${month}月执行率（执行数 ÷ 预算数）`,
    },
  ]
}

interface Builder {
  readonly metas: Map<string, CellMeta>
  readonly year: number
  readonly isLocked: (month: Month) => boolean
  readonly spendingEntry: SpendingEntryMode
}

/** Beside a cumulative cell: the month's derived amount (含4–5月 when it covers blank months), or the last cumulative. */
function cumulativeAside(spending: ReadonlyMap<Month, Fen>, month: Month, unit: MoneyUnit): string {
  const amount = spending.get(month)
  if (amount !== undefined) {
    const covered = coverageLabel(spending, month)
    return `本月 ${formatMoneyInput(amount, unit)}${covered ? `（${covered}）` : ''}`
  }
  const previous = previousCumulative(spending, month)
  return previous === null ? '' : `上次 1–${previous.month}月 ${formatMoneyInput(previous.cumulative, unit)}`
}

/** 调整后预算数 of the project at month m in 分 (the budget a cell's warnings compare with). */
function budgetAt(data: ProjectData, month: Month): Fen {
  return budgetInForce(data.project, data.budgetAdjustments ?? [], month).inForce.total
}

function spendingCell(b: Builder, data: ProjectData, index: ProjectIndex, month: Month, unit: MoneyUnit): EntryCell {
  const key = spendingKey(data.project.id, month)
  const isCumulative = b.spendingEntry === 'cumulative'
  const target: EntryTarget = { kind: 'spending', unit }
  const isLocked = b.isLocked(month)
  const name = `${data.project.name} · ${isCumulative ? `1–${month}月累计支出` : `${month}月支出`}`
  b.metas.set(key, {
    target,
    projectId: data.project.id,
    indicatorId: null,
    year: b.year,
    month,
    isLocked,
    budget: budgetAt(data, month),
    label: name,
    ...(isCumulative ? { isCumulative } : {}),
  })
  // In cumulative mode the cell holds 1–m月 (blank while month m is 未填报) and the month's amount sits beside it.
  const amount = isCumulative ? cumulativeThrough(index.spending, month) : (index.spending.get(month) ?? null)
  const value = amount === null ? '' : formatMoneyInput(amount, unit)
  const aside = isCumulative ? cumulativeAside(index.spending, month, unit) : ''
  return { kind: 'money', key, value, label: null, name, aside, isLocked }
}

function indicatorCell(b: Builder, data: ProjectData, index: ProjectIndex, original: Indicator, month: Month, isMonthView: boolean): EntryCell {
  // The month's cell is judged against the target in force that month (调整目标).
  const indicator = indicatorInForce(original, data.targetAdjustments ?? [], month)
  const key = indicatorKey(indicator.id, month)
  const target = entryTargetOf(indicator)
  const isLocked = b.isLocked(month)
  const name = `${data.project.name} · ${month}月「${indicator.name}」`
  b.metas.set(key, {
    target,
    projectId: data.project.id,
    indicatorId: indicator.id,
    year: b.year,
    month,
    isLocked,
    budget: budgetAt(data, month),
    label: name,
  })
  const aside =
    target.kind === 'count'
      ? countAside(index, indicator, month, isMonthView)
      : !isMonthView
        ? ''
        : target.kind === 'level'
          ? levelAside(index, indicator, month)
          : `目标 ${formatTarget(indicator.target)}`
  const label = isMonthView ? indicator.name : null
  return { kind: cellKind(target), key, value: indicatorText(index, indicator, month), label, name, aside, isLocked }
}

/** Month view: one row per project with the month's spending, 执行数, 执行率 and one cell per indicator. */
export function buildMonthGrid(
  projects: readonly ProjectData[],
  year: number,
  month: Month,
  unit: MoneyUnit,
  lockedMonths: ReadonlySet<Month>,
  spendingEntry: SpendingEntryMode = 'monthly',
): EntryGrid {
  const b: Builder = { metas: new Map(), year, isLocked: (m) => lockedMonths.has(m), spendingEntry }
  const spending = new Map<string, ReadonlyMap<Month, Fen>>()
  const indicatorCount = projects.reduce((max, p) => Math.max(max, p.indicators.length), 0)
  const rows = projects.map((data): EntryGridRow => {
    const index = indexProject(data)
    spending.set(data.project.id, index.spending)
    const items: EntryGridItem[] = [spendingCell(b, data, index, month, unit), ...figures(data, month, unit)]
    for (let i = 0; i < indicatorCount; i++) {
      const indicator = data.indicators[i]
      items.push(indicator ? indicatorCell(b, data, index, indicator, month, true) : null)
    }
    const subtitle = `${data.project.code} · 预算 ${formatWan(budgetAt(data, month))} 万元`
    return { key: data.project.id, title: data.project.name, subtitle, isLocked: b.isLocked(month), items }
  })
  const columns: EntryGridColumn[] = [
    {
      key: 'spending',
      title: spendingEntry === 'cumulative' ? `1–${month}月累计支出` : `${month}月支出`,
      subtitle: spendingEntry === 'cumulative' ? `${MONEY_UNIT_LABELS[unit]} · 本月数自动算出` : MONEY_UNIT_LABELS[unit],
      isFigure: false,
    },
    { key: 'executed', title: `1–${month}月执行数`, subtitle: MONEY_UNIT_LABELS[unit], isFigure: true },
    { key: 'rate', title: '执行率', subtitle: '占预算数', isFigure: true },
    ...Array.from({ length: indicatorCount }, (_, i) => ({ key: `indicator-${i}`, title: `指标 ${i + 1}`, subtitle: `${month}月`, isFigure: false })),
  ]
  return { columns, rows, metas: b.metas, spending }
}

/** Project view: one row per month (1–12) with spending, 执行数, 执行率 and every indicator. */
export function buildProjectGrid(
  data: ProjectData,
  unit: MoneyUnit,
  lockedMonths: ReadonlySet<Month>,
  spendingEntry: SpendingEntryMode = 'monthly',
): EntryGrid {
  const b: Builder = { metas: new Map(), year: data.project.year, isLocked: (m) => lockedMonths.has(m), spendingEntry }
  const index = indexProject(data)
  const rows = MONTHS.map((month): EntryGridRow => {
    const items: EntryGridItem[] = [
      spendingCell(b, data, index, month, unit),
      ...figures(data, month, unit),
      ...data.indicators.map((indicator) => indicatorCell(b, data, index, indicator, month, false)),
    ]
    const isLocked = b.isLocked(month)
    return { key: String(month), title: `${month}月`, subtitle: isLocked ? '已报送' : '', isLocked, items }
  })
  const columns: EntryGridColumn[] = [
    { key: 'spending', title: spendingEntry === 'cumulative' ? '累计支出' : '支出', subtitle: MONEY_UNIT_LABELS[unit], isFigure: false },
    { key: 'executed', title: '累计执行数', subtitle: MONEY_UNIT_LABELS[unit], isFigure: true },
    { key: 'rate', title: '执行率', subtitle: '占预算数', isFigure: true },
    ...data.indicators.map((i) => ({ key: i.id, title: i.name, subtitle: `${entryTargetOf(i).kind === 'count' ? '本月数 · ' : ''}目标 ${formatTarget(i.target)}`, isFigure: false })),
  ]
  return { columns, rows, metas: b.metas, spending: new Map([[data.project.id, index.spending]]) }
}
