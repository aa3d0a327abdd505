/**
 * Validation of one entry cell (issue 4): what a typed text means for spending, a count, a
 * measured level or a hand-set status, and, when it cannot be stored, a Chinese message saying
 * what is wrong and what is allowed. Errors are never stored; warnings are stored (future
 * month) or stored once confirmed (超预算).
 */
import { formatMoneyInput, MONEY_UNITS, parseNumberInput } from './numberInput'
import { FEN_PER_WAN, FEN_PER_YUAN, formatWan, parseMoney, type MoneyUnit } from './money'
import { exceedsBudget } from './spend'
import type { Fen, ManualStatus, Month } from './types'

export type { ManualStatus } from './types'

/** What a cell holds. `unit` is the indicator's unit from its target (件, %, …), if any. */
export type EntryTarget =
  | { readonly kind: 'spending'; readonly unit: MoneyUnit }
  | { readonly kind: 'count'; readonly unit: string | null }
  | { readonly kind: 'level'; readonly unit: string | null }
  | { readonly kind: 'status' }

/** A value ready to store: money in 分, an indicator number, a status, or clear (未填报). */
export type EntryValue =
  | { readonly kind: 'clear' }
  | { readonly kind: 'money'; readonly amount: Fen }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'status'; readonly status: ManualStatus }

export type ValidationRule =
  | 'notANumber'
  | 'negative'
  | 'subFen'
  | 'tooLarge'
  | 'rateRange'
  | 'wholeCount'
  | 'unitMismatch'
  | 'unknownStatus'
  | 'futureMonth'
  | 'overBudget'
  | 'belowPrevious'
  | 'laterMonthsShift'

/** error: refused; warning: stored, shown; confirm: stored only after the user confirms. */
export type IssueSeverity = 'error' | 'warning' | 'confirm'

export interface ValidationIssue {
  readonly rule: ValidationRule
  readonly severity: IssueSeverity
  readonly message: string
}

export type CellValidation =
  | { readonly ok: true; readonly value: EntryValue; readonly issues: readonly ValidationIssue[] }
  | { readonly ok: false; readonly issue: ValidationIssue }

/** Where the cell sits in time, and what its project has spent in the other months. */
export interface EntryContext {
  readonly year: number
  readonly month: Month
  /** Today's calendar year and month (the clock stays out of the domain). */
  readonly today: { readonly year: number; readonly month: Month }
  /** 预算数 in 分 (spending cells only). */
  readonly budget?: Fen
  /** Σ spending of the project's other months in 分 (spending cells only). */
  readonly otherMonthsSpent?: Fen
}

export const STATUS_INPUT_LABELS: Readonly<Record<ManualStatus, string>> = { green: '绿', yellow: '黄', red: '红' }

/**
 * Largest amount one cell takes, in 分: 1,000,000 万元 (100 亿元). Far above any project's monthly
 * spending, and small enough that thousands of such amounts still add up exactly in integer 分
 * (Number.MAX_SAFE_INTEGER 分 ≈ 900 亿万元).
 */
export const MAX_ENTRY_AMOUNT_FEN: Fen = 1_000_000 * FEN_PER_WAN

/** Largest count or indicator value: beyond it a number cannot be stored exactly. */
export const MAX_ENTRY_NUMBER = Number.MAX_SAFE_INTEGER

const GROUPED = new Intl.NumberFormat('en-US', { useGrouping: true, maximumFractionDigits: 0 })
const MAX_AMOUNT_BY_UNIT: Readonly<Record<MoneyUnit, number>> = {
  wan: MAX_ENTRY_AMOUNT_FEN / FEN_PER_WAN,
  yuan: MAX_ENTRY_AMOUNT_FEN / FEN_PER_YUAN,
}
const MAX_AMOUNT_YI = `${GROUPED.format(MAX_ENTRY_AMOUNT_FEN / FEN_PER_YUAN / 1e8)} 亿元`
/** The limit as the user typed the amount, e.g. `1,000,000 万元（100 亿元）`. */
const MAX_AMOUNT_TEXT: Readonly<Record<MoneyUnit, string>> = {
  wan: `${GROUPED.format(MAX_AMOUNT_BY_UNIT.wan)} 万元（${MAX_AMOUNT_YI}）`,
  yuan: `${GROUPED.format(MAX_AMOUNT_BY_UNIT.yuan)} 元（${MAX_AMOUNT_YI}）`,
}

const STATUS_WORDS: Readonly<Record<string, ManualStatus>> = {
  绿: 'green', 绿色: 'green', g: 'green', green: 'green', 正常: 'green', 达标: 'green',
  黄: 'yellow', 黄色: 'yellow', y: 'yellow', yellow: 'yellow', 关注: 'yellow',
  红: 'red', 红色: 'red', r: 'red', red: 'red', 滞后: 'red', 未达标: 'red',
}

const fail = (rule: ValidationRule, message: string): CellValidation => ({
  ok: false,
  issue: { rule, severity: 'error', message },
})

/** Reads a hand-set status (绿/黄/红, g/y/r, 正常…); null when the text is none of them. */
export function parseStatusInput(text: string): ManualStatus | null {
  const word = text.normalize('NFKC').trim().toLowerCase().replace(/^[●◆▼]/, '')
  return STATUS_WORDS[word] ?? STATUS_WORDS[word.split('·')[0] ?? ''] ?? null
}

/** Warning when month m of the current calendar year has not ended yet; null otherwise. */
export function checkFutureMonth(context: EntryContext): ValidationIssue | null {
  const { year, month, today } = context
  if (year !== today.year || month <= today.month) return null
  return {
    rule: 'futureMonth',
    severity: 'warning',
    message: `${month}月还没到（今天是 ${today.year}年${today.month}月），已保存；请确认没有选错月份。`,
  }
}

/** Confirmation needed when the year's spending would exceed 预算数 (amounts in 分). */
export function checkOverBudget(amount: Fen, context: EntryContext): ValidationIssue | null {
  const { budget, otherMonthsSpent = 0 } = context
  if (budget === undefined) return null
  const total = otherMonthsSpent + amount
  if (!exceedsBudget(total, budget)) return null
  return {
    rule: 'overBudget',
    severity: 'confirm',
    message:
      `全年累计支出将达 ${formatWan(total, 2)} 万元，超过预算数 ${formatWan(budget, 2)} 万元` +
      `（超出 ${formatWan(total - budget, 2)} 万元）。确认无误才保存，保存后标为「超预算」。`,
  }
}

function validateSpending(text: string, unit: MoneyUnit, context: EntryContext): CellValidation {
  const parsed = parseNumberInput(text)
  if (parsed.kind === 'empty') return { ok: true, value: { kind: 'clear' }, issues: [] }
  if (parsed.kind === 'invalid') return fail('notANumber', `「${text.trim()}」不是金额。请填数字，如 1,234.50；可带单位万元或元，清空表示未填报。`)
  const typedUnit = parsed.unit === null ? unit : MONEY_UNITS[parsed.unit]
  if (typedUnit === undefined) return fail('unitMismatch', `支出的单位应为万元或元，不能是「${parsed.unit ?? ''}」。`)
  if (parsed.value < 0) return fail('negative', `支出不能为负数。请填 0 或正数；如有退款，请调低相应月份的支出。`)
  // Checked before the decimals, so a long number is told it is too large, not too precise.
  if (parsed.value > MAX_AMOUNT_BY_UNIT[typedUnit]) {
    return fail('tooLarge', `「${text.trim()}」太大：一个月的支出最多 ${MAX_AMOUNT_TEXT[typedUnit]}。请检查是否多输了位数或选错了单位。`)
  }
  const amount = parseMoney(parsed.decimal, typedUnit)
  if (amount === null) {
    const digits = typedUnit === 'wan' ? '6 位小数（万元）' : '2 位小数（元）'
    return fail('subFen', `金额最多精确到 1 分，即 ${digits}；「${text.trim()}」超出了。`)
  }
  const issues = [checkFutureMonth(context), checkOverBudget(amount, context)].filter((i) => i !== null)
  return { ok: true, value: { kind: 'money', amount }, issues }
}

function isPercentUnit(unit: string | null): boolean {
  return unit === '%'
}

function validateIndicatorNumber(
  text: string,
  target: Extract<EntryTarget, { kind: 'count' | 'level' }>,
  context: EntryContext,
): CellValidation {
  const parsed = parseNumberInput(text)
  if (parsed.kind === 'empty') return { ok: true, value: { kind: 'clear' }, issues: [] }
  const unitText = target.unit ?? ''
  if (parsed.kind === 'invalid') return fail('notANumber', `「${text.trim()}」不是数字。请填数字${unitText ? `（单位：${unitText}）` : ''}；清空表示未填报。`)
  if (parsed.unit !== null && target.unit !== null && parsed.unit !== target.unit) {
    return fail('unitMismatch', `单位「${parsed.unit}」与本指标不符：本指标的单位是「${target.unit}」。`)
  }
  if (parsed.unit !== null && MONEY_UNITS[parsed.unit] !== undefined) {
    return fail('unitMismatch', `指标值不是金额，不能带单位「${parsed.unit}」。`)
  }
  const value = parsed.value
  // A longer number would be stored rounded (12345678901234567 → …568).
  if (Math.abs(value) > MAX_ENTRY_NUMBER) {
    const what = target.kind === 'count' ? '计数' : '指标值'
    return fail('tooLarge', `「${text.trim()}」太大：${what}最大为 ${MAX_ENTRY_NUMBER}，更长的数字无法准确保存。请检查是否多输了位数。`)
  }
  if (target.kind === 'count') {
    if (value < 0) return fail('negative', `计数不能为负数。请填本月新增的数量，0 或正整数。`)
    if (!Number.isInteger(value)) return fail('wholeCount', `「${text.trim()}」不是整数。本指标按${unitText || '个数'}计，只能填整数，如 12。`)
  } else if (isPercentUnit(target.unit) || parsed.unit === '%') {
    if (value < 0 || value > 100) return fail('rateRange', `比率应在 0 到 100 之间（单位 %），「${text.trim()}」超出了范围。`)
  }
  const issues = [checkFutureMonth(context)].filter((i) => i !== null)
  return { ok: true, value: { kind: 'number', value }, issues }
}

function validateStatus(text: string, context: EntryContext): CellValidation {
  if (text.trim() === '') return { ok: true, value: { kind: 'clear' }, issues: [] }
  const status = parseStatusInput(text)
  if (status === null) return fail('unknownStatus', `「${text.trim()}」不是状态。请填 绿、黄 或 红（也可填 g、y、r），清空表示未填报。`)
  const issues = [checkFutureMonth(context)].filter((i) => i !== null)
  return { ok: true, value: { kind: 'status', status }, issues }
}

/** Validates the text typed into one cell; money comes back in integer 分. */
export function validateEntry(text: string, target: EntryTarget, context: EntryContext): CellValidation {
  switch (target.kind) {
    case 'spending':
      return validateSpending(text, target.unit, context)
    case 'count':
    case 'level':
      return validateIndicatorNumber(text, target, context)
    case 'status':
      return validateStatus(text, context)
  }
}

/** The text an entry value shows in its cell (money in the given unit). */
export function formatEntryValue(value: EntryValue, unit: MoneyUnit): string {
  switch (value.kind) {
    case 'clear':
      return ''
    case 'money':
      return formatMoneyInput(value.amount, unit)
    case 'number':
      return String(value.value)
    case 'status':
      return STATUS_INPUT_LABELS[value.status]
  }
}
