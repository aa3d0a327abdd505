/**
 * Cumulative spending entry (issue 13, item 2): officers read 1–m月累计支出 from the treasury
 * payment system; the app stores monthly amounts (domain.md: 执行数 is the sum of months 1..m).
 * These rules turn a typed cumulative into month m's amount and back:
 * - month m's amount = cumulative(1..m) − cumulative through the last reported month before m;
 * - a cumulative below that earlier cumulative is refused (spending does not shrink);
 * - when the months in between are 未填报, month m's amount covers them (含4–5月), and they
 *   stay 未填报: a blank is never a 0.
 * Stored amounts of later months are kept, so their cumulatives move with a correction.
 */
import { checkFutureMonth, checkOverBudget, validateEntry, type CellValidation, type EntryContext, type ValidationIssue } from './entryValidation'
import { MONEY_UNIT_LABELS, sumFen, type MoneyUnit } from './money'
import { formatMoneyInput } from './numberInput'
import { MONTHS, type Fen, type Month } from './types'

/** How spending is typed on the entry page: each month's amount, or 1–m月累计 (stored monthly either way). */
export type SpendingEntryMode = 'monthly' | 'cumulative'

/** A project's stored spending by month, in 分 (a month without an entry is 未填报). */
export type SpendingByMonth = ReadonlyMap<Month, Fen>

/** The last reported month before `month` and the cumulative spending through it (分); null when none. */
export function previousCumulative(spending: SpendingByMonth, month: Month): { readonly month: Month; readonly cumulative: Fen } | null {
  for (let m = month - 1; m >= 1; m--) {
    if (spending.has(m as Month)) return { month: m as Month, cumulative: sumThrough(spending, m as Month) }
  }
  return null
}

function sumThrough(spending: SpendingByMonth, month: Month): Fen {
  return sumFen([...spending].filter(([m]) => m <= month).map(([, amount]) => amount))
}

/** 1–m月累计支出 in 分 when month m is reported; null when it is 未填报 (no cumulative claims it). */
export function cumulativeThrough(spending: SpendingByMonth, month: Month): Fen | null {
  return spending.has(month) ? sumThrough(spending, month) : null
}

/**
 * The months month m's amount covers: from the month after the last reported one (or 1月) to m.
 * null when month m is 未填报 or covers only itself.
 */
export function coveredMonths(spending: SpendingByMonth, month: Month): { readonly from: Month; readonly to: Month } | null {
  if (!spending.has(month)) return null
  const from = ((previousCumulative(spending, month)?.month ?? 0) + 1) as Month
  return from < month ? { from, to: month } : null
}

/** The covering mark beside a derived amount, e.g. 含4–5月; '' when it covers only its month. */
export function coverageLabel(spending: SpendingByMonth, month: Month): string {
  const covered = coveredMonths(spending, month)
  return covered === null ? '' : `含${covered.from}–${covered.to}月`
}

/** Context of a cumulative cell: the project's stored spending besides the usual entry context. */
export interface CumulativeContext extends EntryContext {
  readonly spending: SpendingByMonth
}

/**
 * Validates a typed 1–m月累计支出 and derives month m's amount in 分 (the value to store).
 * Blank clears month m. Refused: anything validateEntry refuses, and a cumulative below the
 * last reported month's. Confirm: the year's spending would exceed 预算数. Warning: later
 * months are already entered, so their cumulatives change with this correction.
 */
export function validateCumulativeSpending(text: string, unit: MoneyUnit, context: CumulativeContext): CellValidation {
  const parsed = validateEntry(text, { kind: 'spending', unit }, { ...context, budget: undefined })
  if (!parsed.ok || parsed.value.kind !== 'money') return parsed
  const { spending, month } = context
  const cumulative = parsed.value.amount
  const previous = previousCumulative(spending, month)
  const label = MONEY_UNIT_LABELS[unit]
  if (previous !== null && cumulative < previous.cumulative) {
    const message =
      `1–${month}月累计支出 ${formatMoneyInput(cumulative, unit)} ${label}低于 1–${previous.month}月累计 ` +
      `${formatMoneyInput(previous.cumulative, unit)} ${label}：累计数不会减少。请核对本月累计数；如${previous.month}月填错了，请先更正${previous.month}月。`
    return { ok: false, issue: { rule: 'belowPrevious', severity: 'error', message } }
  }
  const amount = cumulative - (previous?.cumulative ?? 0)
  const otherMonthsSpent = sumFen([...spending].filter(([m]) => m !== month).map(([, a]) => a))
  const later = MONTHS.filter((m) => m > month && spending.has(m))
  const shifts = later.length > 0 && spending.get(month) !== amount
  const laterIssue: ValidationIssue | null = shifts
    ? {
        rule: 'laterMonthsShift',
        severity: 'warning',
        message: `已保存。${later.join('、')}月已有支出，各月支出不变，其累计数随之变化，请核对。`,
      }
    : null
  const issues = [checkFutureMonth(context), checkOverBudget(amount, { ...context, otherMonthsSpent }), laterIssue].filter((i) => i !== null)
  return { ok: true, value: { kind: 'money', amount }, issues }
}
