/** The browser benchmark's printout: medians per figure, ratios, and the summary line. */
import type { FirstRoute } from './firstRoute'

/** One measurement: ms, MB, rows/s or a count, and the longest long task during it (ms). */
export interface Sample {
  readonly figure: string
  readonly value: number
  readonly longest: number
}

interface Figure {
  readonly key: string
  readonly label: string
  readonly unit: 'ms' | 'MB' | 'nodes'
  /** Counted in the worst ratio (the issue's table). */
  readonly isRatioFigure: boolean
}

const FIGURES: readonly Figure[] = [
  { key: 'open 总览', label: 'open 总览 → figures and table', unit: 'ms', isRatioFigure: true },
  { key: 'return to 总览 after typing', label: 'return to 总览 after typing a value in 录入', unit: 'ms', isRatioFigure: true },
  { key: 'typed → open 总览 tab', label: 'a value typed in 录入 → an open 总览 tab updated', unit: 'ms', isRatioFigure: true },
  { key: '会议', label: '会议 → agenda shown', unit: 'ms', isRatioFigure: true },
  { key: 'heap after 会议', label: 'heap after 会议 (after GC)', unit: 'MB', isRatioFigure: true },
  { key: 'DOM nodes after 会议', label: 'DOM nodes after 会议', unit: 'nodes', isRatioFigure: false },
  { key: 'month change', label: 'change 截至 month → table redrawn, next frame', unit: 'ms', isRatioFigure: true },
  { key: 'project page', label: 'project page → both charts drawn', unit: 'ms', isRatioFigure: true },
  { key: '录入 one department', label: '录入, one department (5 vs 50 rows)', unit: 'ms', isRatioFigure: true },
]
const HEAP_FIGURES = ['heap after 会议', 'heap after restore', 'heap at the end']

export interface ReportInput {
  readonly runs: number
  readonly large: { readonly label: string; readonly departments: number; readonly projects: number; readonly indicators: number; readonly monthlyRows: number }
  readonly demoRuns: readonly (readonly Sample[])[]
  readonly largeRuns: readonly (readonly Sample[])[]
  readonly firstRoute: FirstRoute
  readonly machine: string
}

/** Median (upper middle for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

const valuesOf = (runs: readonly (readonly Sample[])[], key: string) => runs.flatMap((run) => run.filter((s) => s.figure === key))

function shown(value: number, unit: Figure['unit'] | 'rows/s'): string {
  if (!Number.isFinite(value)) return '—'
  if (unit === 'MB') return `${value.toFixed(1)} MB`
  const whole = Math.round(value).toLocaleString('en-US')
  return unit === 'nodes' ? whole : `${whole} ${unit}`
}

/** The report: one line per figure, then restore, long tasks, first route and the summary line. */
export function formatReport(input: ReportInput): string {
  const { runs, large } = input
  const lines: string[] = [
    `Real-browser benchmark, medians of ${runs} run${runs === 1 ? '' : 's'} (demo and ${large.label} alternating, on-disk profiles)`,
    `${large.label}: ${large.projects.toLocaleString('en-US')} projects in ${large.departments} departments, ${large.indicators.toLocaleString('en-US')} indicators, ${large.monthlyRows.toLocaleString('en-US')} monthly rows, restored from a backup file through 导入导出`,
    `machine: ${input.machine}`,
    '',
    `${'figure'.padEnd(50)}${'demo'.padStart(12)}${large.label.padStart(12)}${'ratio'.padStart(9)}   longest task demo / ${large.label}`,
  ]
  let worst = { ratio: 0, label: '' }
  for (const figure of FIGURES) {
    const demo = valuesOf(input.demoRuns, figure.key)
    const big = valuesOf(input.largeRuns, figure.key)
    const a = median(demo.map((s) => s.value))
    const b = median(big.map((s) => s.value))
    const ratio = b / a
    if (figure.isRatioFigure && ratio > worst.ratio) worst = { ratio, label: figure.label }
    const tasks = figure.unit === 'ms' ? `${Math.round(Math.max(0, ...demo.map((s) => s.longest)))} / ${Math.round(Math.max(0, ...big.map((s) => s.longest)))} ms` : ''
    lines.push(`${figure.label.padEnd(50)}${shown(a, figure.unit).padStart(12)}${shown(b, figure.unit).padStart(12)}${`${ratio.toFixed(1)}×`.padStart(9)}   ${tasks}`)
  }
  const restore = valuesOf(input.largeRuns, 'restore')
  const raw = valuesOf(input.largeRuns, 'raw bulkAdd')
  const restoreRate = median(restore.map((s) => s.value))
  const rawRate = median(raw.map((s) => s.value))
  lines.push(
    `${'restore rows/s vs raw Dexie bulkAdd (same rows, same page)'.padEnd(50)}${shown(restoreRate, 'rows/s').padStart(24)} vs ${shown(rawRate, 'rows/s')}, ${(restoreRate / rawRate).toFixed(2)}   longest task ${Math.round(Math.max(0, ...restore.map((s) => s.longest)))} ms (raw ${Math.round(Math.max(0, ...raw.map((s) => s.longest)))} ms)`,
  )
  const heaps = HEAP_FIGURES.flatMap((key) => [...valuesOf(input.demoRuns, key), ...valuesOf(input.largeRuns, key)].map((s) => s.value))
  const heapMax = Math.max(...heaps)
  lines.push(`${'heap after GC, largest of every step and run'.padEnd(50)}${shown(heapMax, 'MB').padStart(24)} (after restore ${shown(median(valuesOf(input.largeRuns, 'heap after restore').map((s) => s.value)), 'MB')})`)
  const largeTasks = input.largeRuns.flat().filter((s) => s.longest > 200)
  lines.push(
    `long tasks over 200 ms (${large.label}): ${largeTasks.length === 0 ? 'none' : [...new Set(largeTasks.map((s) => s.figure))].join(', ')}; demo: ${input.demoRuns.flat().filter((s) => s.longest > 200).length} figure runs`,
  )
  const first = median(input.firstRoute.first) / 1000
  const returning = median(input.firstRoute.returning) / 1000
  const routeRuns = input.firstRoute.first.length
  lines.push(`first-route JS (gzip), every script for / until idle: first visit ${first.toFixed(1)} kB, returning ${returning.toFixed(1)} kB (fresh profiles, median of ${routeRuns} run${routeRuns === 1 ? '' : 's'})`)
  lines.push('')
  lines.push(`worst ratio ${worst.ratio.toFixed(1)} (${worst.label}), heap max ${heapMax.toFixed(0)} MB, first route ${first.toFixed(1)} kB gzip`)
  return lines.join('\n')
}
