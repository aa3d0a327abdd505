/**
 * How indicator values and targets are written on screen, in charts and in print.
 */
import type { IndicatorTarget, Operator } from './types'

/** How each comparison is written for people: '>=' → '≥'. */
export const OPERATOR_SIGNS: Readonly<Record<Operator, string>> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' }

/** An indicator value with its unit, at most 2 decimals: 65 → '65 件', 98.5 → '98.5%'; null → '未填报'. */
export function formatIndicatorValue(value: number | null, unit: string | null): string {
  if (value === null) return '未填报'
  const text = String(Math.round(value * 100) / 100)
  if (unit === null || unit === '') return text
  return unit === '%' ? `${text}%` : `${text} ${unit}`
}

/** The target as read, e.g. '≥100 件'; the cell as written when it has no number. */
export function formatTarget(target: IndicatorTarget): string {
  if (target.value === null) return target.raw
  const sign = target.operator === null ? '' : OPERATOR_SIGNS[target.operator]
  return `${sign}${formatIndicatorValue(target.value, target.unit)}`
}
