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

/** Projects evaluated per slice when the browser gives no idle deadline (a few ms each on this machine). */
const SLICE = 200
/** Rows done per slice even when the idle period has run out. */
const MIN_ROWS = 20

/** Idle time left in this slice, ms; without a deadline (setTimeout), one SLICE's worth. */
type Deadline = { timeRemaining(): number } | undefined

const nextIdle: (run: (deadline: Deadline) => void) => () => void =
  typeof requestIdleCallback === 'function'
    ? (run) => {
        const id = requestIdleCallback(run, { timeout: 2000 })
        return () => cancelIdleCallback(id)
      }
    : (run) => {
        const id = setTimeout(() => run(undefined), 0)
        return () => clearTimeout(id)
      }

const isHidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden'

/**
 * Runs `run` in the browser's next idle period (a timer where there is none); returns the cancel.
 * Work done ahead is for the user looking at the tab: while it is hidden, it waits until shown
 * (a tab in the background must not slow the one being typed in, nor the figures it shows).
 */
export function whenIdle(run: (deadline: Deadline) => void): () => void {
  let cancel = () => undefined as void
  const onVisible = () => {
    if (isHidden()) return
    document.removeEventListener('visibilitychange', onVisible)
    cancel = schedule()
  }
  const schedule = (): (() => void) =>
    nextIdle((deadline) => {
      if (!isHidden()) return run(deadline)
      document.addEventListener('visibilitychange', onVisible)
      cancel = () => document.removeEventListener('visibilitychange', onVisible)
    })
  cancel = schedule()
  return () => cancel()
}

/**
 * Evaluates the projects at `month` and (reach 1) the months before and after it in idle slices, and forgets
 * the other months (so at most three months are kept); returns the cancel. Nothing runs before
 * the first idle slice: a month change pays only for the month it shows.
 */
export function evaluateNeighboursWhenIdle(data: readonly ProjectData[], month: Month, t: Thresholds, reach: 0 | 1 = 1): () => void {
  const near = (m: number) => Math.abs(m - month) <= 1
  // The shown month first: a page that shows stored figures (the overview) evaluates it ahead
  // for the pages opened next (reach 0: only it); a page that evaluated it finds every project kept.
  const months = (reach === 0 ? [month] : [month, month - 1, month + 1]).filter((m): m is Month => m >= 1 && m <= 12)
  let cancel: () => void = () => undefined
  // Job 0 forgets the far months; job 1.. evaluates one neighbouring month each.
  let job = 0
  let rows: readonly ProjectData[] = data
  let next = 0
  // One row's work; false once every job is done.
  const work = (): boolean => {
    while (next >= rows.length) {
      job++
      next = 0
      const m = months[job - 1]
      if (m === undefined) return false
      rows = activeProjectDataAt(data, m)
    }
    const row = rows[next++]!
    if (job === 0) {
      const entry = kept.get(row)
      if (entry) for (const m of entry.byMonth.keys()) if (!near(m)) entry.byMonth.delete(m)
    } else {
      evaluateCached(row, months[job - 1]!, t)
    }
    return true
  }
  // As many rows as the idle period allows (a few even when it ran out: the timeout fired), or
  // SLICE when the browser gives no deadline.
  const step = (deadline: Deadline) => {
    for (let done = 0; done < MIN_ROWS || (deadline ? deadline.timeRemaining() > 1 : done < SLICE); done++) {
      if (!work()) return
    }
    cancel = whenIdle(step)
  }
  cancel = whenIdle(step)
  return () => cancel()
}
