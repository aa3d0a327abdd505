/**
 * 调整目标: dated versions of an indicator's target. From the month a version takes effect the
 * status uses it; the original stays visible (原目标 → 调整后目标). A version never changes the
 * indicator's 口径 (target.kind) unless it makes the target qualitative or numeric.
 *
 * Glossary: 原目标 original target, 调整后目标 target in force, 生效月份 effective month.
 */
import type { Indicator, IndicatorKind, IndicatorTarget, Month, Operator } from './types'

/** A new version of an indicator's target, effective from the start of `month`. */
export interface TargetAdjustment {
  /** Stored key; absent before it is saved. */
  readonly id?: number
  readonly indicatorId: string
  readonly projectId: string
  /** 生效月份: the first as-of month that judges by this version */
  readonly month: Month
  /** The 指标值 as typed (`≥120件`) and as parsed */
  readonly targetRaw: string
  readonly operator: Operator | null
  readonly value: number | null
  readonly unit: string | null
  /** The kind the typed target implies (parseTarget) */
  readonly kind: IndicatorKind
  /** 调整原因 */
  readonly reason: string
  /** When it was recorded (ISO) and by whom */
  readonly at: string
  readonly actor: string
}

/**
 * The latest version effective at or before month m (recorded later wins within a month), or
 * null when the original target is in force.
 */
export function targetVersionAt(indicatorId: string, adjustments: readonly TargetAdjustment[], month: Month): TargetAdjustment | null {
  let latest: TargetAdjustment | null = null
  for (const a of adjustments) {
    if (a.indicatorId !== indicatorId || a.month > month) continue
    if (latest === null || a.month > latest.month || (a.month === latest.month && a.at >= latest.at)) latest = a
  }
  return latest
}

/** The kind a version gives: the 口径 in force stays unless the version adds or removes the number. */
function kindOf(original: IndicatorTarget, version: TargetAdjustment): IndicatorKind {
  if (version.value === null || version.kind === 'qualitative') return 'qualitative'
  return original.kind === 'qualitative' ? version.kind : original.kind
}

/** The target a version sets, as typed and parsed (its kind as parsed, before kindOf). */
export function targetOfVersion(version: TargetAdjustment): IndicatorTarget {
  return { raw: version.targetRaw, operator: version.operator, value: version.value, unit: version.unit, kind: version.kind }
}

/** 调整后目标 of an indicator at month m: the latest version effective at or before m, else the original target. */
export function targetInForce(indicator: Indicator, adjustments: readonly TargetAdjustment[], month: Month): IndicatorTarget {
  const version = targetVersionAt(indicator.id, adjustments, month)
  if (version === null) return indicator.target
  return { ...targetOfVersion(version), kind: kindOf(indicator.target, version) }
}

/** The indicator as judged at month m: its target replaced by the target in force. */
export function indicatorInForce(indicator: Indicator, adjustments: readonly TargetAdjustment[], month: Month): Indicator {
  const target = targetInForce(indicator, adjustments, month)
  return target === indicator.target ? indicator : { ...indicator, target }
}

/** Field errors of a target version, in Chinese; empty when it can be saved. */
export type TargetAdjustmentErrors = Partial<Record<'targetRaw' | 'month' | 'reason', string>>

/**
 * Checks a new target version (already parsed: `value` null when the text has no number) for
 * an indicator: a target typed, a number where the original target has one, a month of the
 * year and a reason. Messages say what is wrong and what to do.
 */
export function checkTargetAdjustment(
  indicator: Indicator,
  candidate: Pick<TargetAdjustment, 'month' | 'targetRaw' | 'value' | 'reason'>,
): TargetAdjustmentErrors {
  const errors: TargetAdjustmentErrors = {}
  const raw = candidate.targetRaw.trim()
  const isNumeric = indicator.target.kind !== 'qualitative' && indicator.target.value !== null
  if (raw === '') errors.targetRaw = '请填写调整后的指标值，如 ≥80件、≤1%、大于等于95%。'
  else if (isNumeric && (candidate.value === null || !Number.isFinite(candidate.value)))
    errors.targetRaw = `「${raw}」读不出数值目标。原目标是数值，请写成比较符 + 数值 + 单位，如 ≥80件、≤1%、大于等于95%。`
  if (!Number.isInteger(candidate.month) || candidate.month < 1 || candidate.month > 12)
    errors.month = '请选择调整后目标从几月起生效（1–12月）。'
  if (candidate.reason.trim() === '') errors.reason = '请填写调整原因，如「8月监控会议决定调整目标」。'
  return errors
}
