import type { Month } from './types'

/** Formats a percentage with one decimal, e.g. 56.25 → "56.3%"; null → "—". */
export function formatPercent(value: number | null, digits = 1): string {
  return value === null ? '—' : `${roundHalfUp(value, digits).toFixed(digits)}%`
}

/** Formats a deviation in 个百分点 with its sign, e.g. −8.333 → "−8.3"; null → "—". */
export function formatPoints(value: number | null, digits = 1): string {
  if (value === null) return '—'
  const rounded = roundHalfUp(value, digits)
  if (rounded === 0) return (0).toFixed(digits)
  // U+2212 minus reads better than a hyphen on a projector.
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(digits)}`
}

/** Rounds half away from zero at `digits` decimals (toFixed alone rounds 0.05 down). */
export function roundHalfUp(value: number, digits: number): number {
  const factor = 10 ** digits
  return (Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9)) / factor
}

/**
 * The caveat on a department 执行率 that covers only the projects that reported the month:
 * null when all did, '本月尚无项目填报支出' when none did, else '按已填报的 X/Y 个项目计算'.
 */
export function formatCoverage(reported: number, total: number): string | null {
  if (reported >= total) return null
  return reported === 0 ? '本月尚无项目填报支出' : `按已填报的 ${reported}/${total} 个项目计算`
}

/** Chinese label of a month list, compacting runs: [1,2,3,5] → '1–3、5月'. */
export function formatMonths(months: readonly Month[]): string {
  const sorted = [...new Set(months)].sort((a, b) => a - b)
  const parts: string[] = []
  let runStart: number | undefined
  sorted.forEach((month, i) => {
    runStart ??= month
    const next = sorted[i + 1]
    if (next === month + 1) return
    parts.push(runStart === month ? `${month}` : `${runStart}–${month}`)
    runStart = undefined
  })
  return `${parts.join('、')}月`
}
