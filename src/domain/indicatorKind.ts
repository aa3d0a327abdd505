/**
 * 口径 of a numeric indicator: 累计 (cumulative, monthly counts summed) or 时点 (level, the
 * latest value stands). The document's unit suggests one; the user may correct it.
 */
import type { Indicator, IndicatorKind } from './types'

/** A 口径 a user can choose: only numeric kinds, a qualitative indicator has none. */
export type NumericKind = Exclude<IndicatorKind, 'qualitative'>

export const INDICATOR_KIND_LABELS: Readonly<Record<NumericKind, string>> = { cumulative: '累计', level: '时点' }

export const INDICATOR_KIND_HINT = '累计 = 每月填当月数，进度为各月之和；时点 = 每月填当时的测量值，取最新一期'

/** What the 口径 control shows for an indicator; null when it has no 口径 to choose (qualitative or no number). */
export interface IndicatorKindChoice {
  readonly kind: NumericKind
  readonly documentKind: NumericKind
  readonly isAdjusted: boolean
}

/** The indicator's 口径 in force and the document's, or null when it cannot be switched. */
export function indicatorKindChoice(indicator: Indicator): IndicatorKindChoice | null {
  const { kind, value } = indicator.target
  const documentKind = indicator.documentKind ?? kind
  if (kind === 'qualitative' || documentKind === 'qualitative' || value === null) return null
  return { kind, documentKind, isAdjusted: kind !== documentKind }
}

/** True when a value is a 口径 a user can choose. */
export function isNumericKind(value: unknown): value is NumericKind {
  return value === 'cumulative' || value === 'level'
}
