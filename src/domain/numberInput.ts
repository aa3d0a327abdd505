/**
 * Reading numbers as finance officers type or paste them: `1,234.50`, full-width digits
 * (１２３．５), a trailing unit (万元, 元, %, 件 …), accounting negatives `(1,234.00)`, and blocks
 * copied from Excel/WPS (tab-separated rows).
 */
import { formatYuan, FEN_PER_WAN, type MoneyUnit } from './money'
import type { Fen } from './types'

/** Units a user may type after a number; longest first so 万元 wins over 元 and 人次 over 次. */
export const TYPED_UNITS: readonly string[] = [
  '万元', '人次', '场次', '百分比', '小时', '元', '万', '%', '‰', '件', '次', '场', '人', '份', '个', '户',
  '家', '项', '期', '篇', '册', '天', '分', '本', '套', '所', '处', '条', '批', '台', '辆',
]

/** Units that mean money, and the unit they stand for. */
export const MONEY_UNITS: Readonly<Record<string, MoneyUnit>> = { 万元: 'wan', 万: 'wan', 元: 'yuan' }

export type NumberParse =
  /** Nothing but blanks: the cell is cleared (未填报). */
  | { readonly kind: 'empty' }
  /** A decimal; `decimal` is normalised (`-1234.50`) for exact money parsing. */
  | { readonly kind: 'number'; readonly decimal: string; readonly value: number; readonly unit: string | null }
  | { readonly kind: 'invalid'; readonly text: string }

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/

/** Full-width forms to ASCII (NFKC), plus the IME's 。 and the minus signs NFKC keeps. */
export function normalizeTypedText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[。]/g, '.')
    .replace(/[−–—]/g, '-')
    .replace(/[\s\u00a0\u3000]+/g, '')
}

/** Splits a trailing unit off normalised text, e.g. `12.5万元` → [`12.5`, `万元`]. */
function splitUnit(text: string): readonly [string, string | null] {
  for (const unit of TYPED_UNITS) {
    if (text.length > unit.length && text.endsWith(unit)) return [text.slice(0, -unit.length), unit === '百分比' ? '%' : unit]
  }
  return [text, null]
}

/** Parses one typed or pasted cell into a decimal with the unit the user typed, if any. */
export function parseNumberInput(text: string): NumberParse {
  let body = normalizeTypedText(text).replace(/^[¥$]/, '')
  if (body === '') return { kind: 'empty' }
  let isNegative = false
  // Accounting format: Excel copies −1,234.00 as (1,234.00).
  const accounting = /^\((.*)\)(.*)$/.exec(body)
  if (accounting) {
    isNegative = true
    body = `${accounting[1] ?? ''}${accounting[2] ?? ''}`
  }
  const [numberText, unit] = splitUnit(body)
  // Thousands separators only where they group by three, so `1,5` is not silently 15.
  if (numberText.includes(',') && !GROUPED.test(numberText)) return { kind: 'invalid', text }
  const plain = numberText.replace(/,/g, '')
  if (!DECIMAL.test(plain)) return { kind: 'invalid', text }
  if (isNegative && /^[+-]/.test(plain)) return { kind: 'invalid', text }
  const unsigned = plain.replace(/^[+-]/, '')
  const withZero = unsigned.startsWith('.') ? `0${unsigned}` : unsigned
  const sign = isNegative || plain.startsWith('-') ? '-' : ''
  const decimal = `${sign}${withZero}`
  return { kind: 'number', decimal, value: Number(decimal), unit }
}

/** Number of digits after the decimal point, ignoring trailing zeros (`1.500` → 1). */
export function decimalPlaces(decimal: string): number {
  const fraction = decimal.split('.')[1] ?? ''
  return fraction.replace(/0+$/, '').length
}

/** Formats 分 for an input cell: 万元 with 2–6 decimals (exact, no separators), 元 as `1,234.50`. */
export function formatMoneyInput(fen: Fen, unit: MoneyUnit): string {
  if (unit === 'yuan') return formatYuan(fen)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const whole = Math.floor(abs / FEN_PER_WAN)
  const fraction = String(abs % FEN_PER_WAN).padStart(6, '0').replace(/0+$/, '').padEnd(2, '0')
  return `${sign}${whole}.${fraction}`
}

/** Formats an indicator number for an input cell without float noise (0.1 + 0.2 → 0.3). */
export function formatIndicatorInput(value: number): string {
  // Whole numbers are exact as they are; 12 significant digits would round a long count.
  if (Number.isSafeInteger(value)) return String(value)
  return String(Number(value.toPrecision(12)))
}

/**
 * Splits text copied from Excel/WPS into rows of cells: rows by line breaks, cells by tabs.
 * Quoted cells ("a""b", with line breaks inside) are read as Excel writes them; the trailing
 * line break Excel adds is dropped.
 */
export function parsePastedBlock(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let i = 0
  const source = text.replace(/\r\n?/g, '\n')
  while (i < source.length) {
    const char = source[i] as string
    if (char === '"' && cell === '') {
      const end = findClosingQuote(source, i + 1)
      if (end !== -1) {
        cell = source.slice(i + 1, end).replace(/""/g, '"')
        i = end + 1
        continue
      }
    }
    if (char === '\t') {
      row.push(cell)
      cell = ''
    } else if (char === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += char
    i += 1
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

/** Index of the quote closing a quoted cell that starts at `from`, or -1 if it is not one. */
function findClosingQuote(source: string, from: number): number {
  let i = from
  while (i < source.length) {
    if (source[i] === '"') {
      if (source[i + 1] === '"') {
        i += 2
        continue
      }
      const next = source[i + 1]
      return next === undefined || next === '\t' || next === '\n' ? i : -1
    }
    i += 1
  }
  return -1
}
