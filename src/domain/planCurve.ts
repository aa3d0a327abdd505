/**
 * 资金支出计划 as a curve: P(m), the planned cumulative spending at the end of month m
 * in % of 预算数 (domain.md rules 1 and 2).
 *
 * How a plan becomes a curve:
 * - P(0) = 0 always (nothing is planned before the year starts).
 * - Every filled checkpoint (3/6/10/12月底) is a point; P is linear by month between points.
 * - A blank 12月底 counts as 100 (the whole budget is planned to be spent by year-end).
 * - A blank intermediate checkpoint (3/6/10月底) is simply skipped: P is linear between the
 *   surrounding points, so {3: 20, 6: blank, 10: 75} plans 20 % at March and 75 % at October
 *   with a straight line in between. This is the only reading that neither invents a number
 *   for the blank cell nor treats it as 0 (a blank is never a zero).
 * - With only 12月底 filled (as 100, or blank), the curve is exactly the 序时进度 m/12 × 100.
 *   If 12月底 alone is filled with another value (say 90), the "filled checkpoints are points"
 *   rule wins and P(m) = m/12 × 90; domain.md's "m/12 × 100" describes the usual 100 case.
 * - A non-finite number in a cell (NaN, Infinity) is read as blank.
 */
import { CHECKPOINTS, type Checkpoint, type SpendPlan } from './types'

/** Where P(m) comes from: the department's filled checkpoints, or the 序时进度 fallback. */
export type PlanSource = 'plan' | 'timeProgress'

/** Months in the fiscal year. */
const YEAR_MONTHS = 12
/** The share of 预算数 a blank 12月底 stands for, in %. */
const FULL_BUDGET_PCT = 100

interface PlanPoint {
  readonly month: number
  readonly pct: number
}

/** 序时进度 T(m) = m/12 × 100, in % of the year elapsed. */
export function timeProgress(m: number): number {
  return (m / YEAR_MONTHS) * 100
}

/** The filled value of one checkpoint in % of budget, or null when its cell is blank. */
export function checkpointValue(plan: SpendPlan, checkpoint: Checkpoint): number | null {
  const value = plan[checkpoint]
  return value !== null && Number.isFinite(value) ? value : null
}

/** The points the curve passes through, ordered by month, from P(0) to P(12). */
function planPoints(plan: SpendPlan): readonly PlanPoint[] {
  const points: PlanPoint[] = [{ month: 0, pct: 0 }]
  for (const checkpoint of CHECKPOINTS) {
    const pct = checkpointValue(plan, checkpoint)
    if (pct !== null) points.push({ month: checkpoint, pct })
    else if (checkpoint === 12) points.push({ month: 12, pct: FULL_BUDGET_PCT })
  }
  return points
}

/** The two points around month m (m in 0..12); m on a point gives that point and the next. */
function segmentAt(points: readonly PlanPoint[], m: number): readonly [PlanPoint, PlanPoint] {
  for (let i = 1; i < points.length; i++) {
    const end = points[i]
    const start = points[i - 1]
    if (start !== undefined && end !== undefined && m <= end.month) return [start, end]
  }
  // planPoints always ends at month 12, so only m > 12 gets here; clamp to the last segment.
  const last = points[points.length - 1]
  const beforeLast = points[points.length - 2]
  if (last === undefined || beforeLast === undefined) throw new Error('A plan curve has at least two points')
  return [beforeLast, last]
}

function assertPlanMonth(m: number): void {
  if (!Number.isInteger(m) || m < 0 || m > YEAR_MONTHS) throw new RangeError(`Plan month must be 0..12, got ${m}`)
}

/** P(m), the planned cumulative spending at the end of month m (0..12), in % of budget. */
export function plannedProgress(plan: SpendPlan, m: number): number {
  assertPlanMonth(m)
  const [start, end] = segmentAt(planPoints(plan), m)
  // Interpolate from the start point so that P lands exactly on each filled checkpoint.
  return start.pct + ((end.pct - start.pct) * (m - start.month)) / (end.month - start.month)
}

/** The whole plan curve P(0..12) in % of budget; index = month, length 13. */
export function buildPlanCurve(plan: SpendPlan): readonly number[] {
  return Array.from({ length: YEAR_MONTHS + 1 }, (_, m) => plannedProgress(plan, m))
}

/**
 * Whether P(m) rests on filled checkpoints ('plan') or is the 序时进度 fallback ('timeProgress').
 * P(m) is the fallback when its segment runs from P(0) straight to a year-end of 100 (blank or
 * filled as 100), i.e. no intermediate checkpoint is filled. Any filled 3/6/10月底 makes every
 * segment rest on it, so today the answer is the same for all m of one plan.
 */
export function planSource(plan: SpendPlan, m: number): PlanSource {
  assertPlanMonth(m)
  const [start, end] = segmentAt(planPoints(plan), m)
  const isWholeYear = start.month === 0 && end.month === YEAR_MONTHS
  return isWholeYear && end.pct === FULL_BUDGET_PCT ? 'timeProgress' : 'plan'
}
