import { evaluateProjectData, type ProjectEvaluation } from '@/domain/projectEvaluation'
import type { ProjectData } from '@/domain/projectData'
import { activeProjectDataAt } from '@/domain/projectRegister'
import { DEFAULT_THRESHOLDS, type Month, type Thresholds } from '@/domain/types'

/**
 * evaluateProjectData, kept per project data object, thresholds and month: a write replaces only
 * the written project's data object, so only it is evaluated again; the months next to the
 * shown one are evaluated ahead in idle time, so stepping the 截至 month evaluates nothing.
 */
interface Kept {
  readonly t: Thresholds
  readonly byMonth: Map<Month, ProjectEvaluation>
}

const kept = new WeakMap<ProjectData, Kept>()

/** evaluateProjectData(row, month, t), computed once per data object, month and thresholds. */
export function evaluateCached(row: ProjectData, month: Month, t: Thresholds = DEFAULT_THRESHOLDS): ProjectEvaluation {
  let entry = kept.get(row)
  if (!entry || entry.t !== t) {
    entry = { t, byMonth: new Map() }
    kept.set(row, entry)
  }
  let evaluation = entry.byMonth.get(month)
  if (!evaluation) {
    evaluation = evaluateProjectData(row, month, t)
    entry.byMonth.set(month, evaluation)
  }
  return evaluation
}

/** Projects evaluated per idle slice (a few ms each on this machine). */
const SLICE = 200

const whenIdle: (run: () => void) => () => void =
  typeof requestIdleCallback === 'function'
    ? (run) => {
        const id = requestIdleCallback(run, { timeout: 2000 })
        return () => cancelIdleCallback(id)
      }
    : (run) => {
        const id = setTimeout(run, 0)
        return () => clearTimeout(id)
      }

/**
 * Evaluates the projects at the months before and after `month` in idle slices, and forgets
 * the other months (so at most three months are kept); returns the cancel. Nothing runs before
 * the first idle slice: a month change pays only for the month it shows.
 */
export function evaluateNeighboursWhenIdle(data: readonly ProjectData[], month: Month, t: Thresholds): () => void {
  const near = (m: number) => Math.abs(m - month) <= 1
  const months = ([month - 1, month + 1] as number[]).filter((m): m is Month => m >= 1 && m <= 12)
  let cancel: () => void = () => undefined
  // Job 0 forgets the far months; job 1.. evaluates one neighbouring month each.
  let job = 0
  let rows: readonly ProjectData[] = data
  let next = 0
  const step = () => {
    const end = Math.min(next + SLICE, rows.length)
    if (job === 0) {
      for (; next < end; next++) {
        const entry = kept.get(rows[next]!)
        if (entry) for (const m of entry.byMonth.keys()) if (!near(m)) entry.byMonth.delete(m)
      }
    } else {
      const current = months[job - 1]!
      for (; next < end; next++) evaluateCached(rows[next]!, current, t)
    }
    if (next >= rows.length) {
      job++
      next = 0
      const m = months[job - 1]
      if (m === undefined) return
      rows = activeProjectDataAt(data, m)
    }
    cancel = whenIdle(step)
  }
  cancel = whenIdle(step)
  return () => cancel()
}
