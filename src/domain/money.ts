import type { Fen } from './types'

/** 分 in one 元. */
export const FEN_PER_YUAN = 100
/** 分 in one 万元. */
export const FEN_PER_WAN = 1_000_000

export type MoneyUnit = 'wan' | 'yuan'

/** How a money unit is written, e.g. 'wan' → 万元. */
export const MONEY_UNIT_LABELS: Readonly<Record<MoneyUnit, string>> = { wan: '万元', yuan: '元' }

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/

/**
 * Parses a decimal string (`3.00`, `1234.5`, `-2`) in 万元 or 元 into exact integer 分,
 * without going through floating point. Returns null when the text is not a plain decimal
 * or carries more precision than 1 分.
 */
export function parseMoney(text: string, unit: MoneyUnit): Fen | null {
  const match = DECIMAL.exec(text.trim().replace(/,/g, ''))
  if (!match) return null
  const [, sign = '', whole = '0', fraction = ''] = match
  const scaleDigits = unit === 'wan' ? 6 : 2
  const significant = fraction.replace(/0+$/, '')
  if (significant.length > scaleDigits) return null
  const fen = Number(whole) * 10 ** scaleDigits + Number(significant.padEnd(scaleDigits, '0') || '0')
  if (!Number.isSafeInteger(fen)) return null
  return sign === '-' ? -fen : fen
}

/** Sums amounts of 分 exactly (integers only). */
export function sumFen(amounts: Iterable<Fen>): Fen {
  let total = 0
  for (const amount of amounts) total += amount
  return total
}

/** Converts 分 to 万元 as a number, for display and charts only (never to add up). */
export function fenToWan(fen: Fen): number {
  return fen / FEN_PER_WAN
}

/** Formats 分 as 万元 with `digits` decimals, e.g. 21050000 → "21.05". */
export function formatWan(fen: Fen, digits = 2): string {
  return formatScaled(fen, FEN_PER_WAN, digits)
}

/** Formats 分 as 元 with 2 decimals and thousands separators, e.g. 123456 → "1,234.56". */
export function formatYuan(fen: Fen): string {
  return formatScaled(fen, FEN_PER_YUAN, 2)
}

function formatScaled(fen: Fen, scale: number, digits: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  // Round half up on the integer, so the digits shown are exact.
  const unit = scale / 10 ** digits
  const rounded = unit >= 1 ? Math.round(abs / unit) : abs * (1 / unit)
  const text = String(rounded).padStart(digits + 1, '0')
  const whole = text.slice(0, text.length - digits)
  const fraction = digits > 0 ? `.${text.slice(text.length - digits)}` : ''
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`
}
