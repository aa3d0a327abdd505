import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_THRESHOLDS, type Month } from '@/domain/types'
import type { ProjectData } from '@/domain/projectData'
import type * as ProjectEvaluationModule from '@/domain/projectEvaluation'

const evaluated: [string, number][] = []
vi.mock('@/domain/projectEvaluation', async (original) => {
  const actual = await original<typeof ProjectEvaluationModule>()
  return {
    ...actual,
    evaluateProjectData: (row: ProjectData, month: Month, t = DEFAULT_THRESHOLDS) => {
      evaluated.push([row.project.id, month])
      return actual.evaluateProjectData(row, month, t)
    },
  }
})
const { evaluateCached, evaluateNeighboursWhenIdle, whenIdle } = await import('@/composables/evaluationCache')
const { evaluateProjectData } = await import('@/domain/projectEvaluation')

const project = (id: string): ProjectData =>
  ({
    project: { id, year: 2024, departmentCode: 'A', code: id, name: id, budget: { total: 1_200_000, fiscal: 1_200_000, other: null }, purpose: '', plan: { 3: 25, 6: 50, 10: 80, 12: 100 }, goals: [] },
    indicators: [],
    spending: [{ projectId: id, month: 1, amount: 100_000 }],
    values: [],
    notes: [],
  }) as ProjectData

describe('evaluateCached', () => {
  it('evaluates a project once per data object, month and thresholds, with the same result as evaluateProjectData', () => {
    const row = project('p1')
    evaluated.length = 0
    const first = evaluateCached(row, 7, DEFAULT_THRESHOLDS)
    expect(evaluateCached(row, 7, DEFAULT_THRESHOLDS)).toBe(first)
    expect(first).toEqual(evaluateProjectData(row, 7, DEFAULT_THRESHOLDS))
    evaluated.length = 0
    evaluateCached(row, 6, DEFAULT_THRESHOLDS)
    evaluateCached(row, 7, { ...DEFAULT_THRESHOLDS })
    // A written project is a new data object: evaluated again.
    evaluateCached({ ...row }, 7, DEFAULT_THRESHOLDS)
    expect(evaluated).toEqual([['p1', 6], ['p1', 7], ['p1', 7]])
  })

  it('has the shown month and the months next to it evaluated ahead when idle, and stops when cancelled', async () => {
    const rows = [project('a'), project('b')]
    evaluated.length = 0
    const cancel = evaluateNeighboursWhenIdle(rows, 7, DEFAULT_THRESHOLDS)
    // Nothing before the first idle slice.
    expect(evaluated).toEqual([])
    await vi.waitFor(() => expect(evaluated.filter(([id]) => id === 'a' || id === 'b')).toHaveLength(6))
    // The shown month first (a page showing stored figures evaluates it for the pages opened next).
    expect(evaluated.slice(0, 2)).toEqual([['a', 7], ['b', 7]])
    expect(new Set(evaluated.map(([id, m]) => `${id}${m}`))).toEqual(new Set(['a7', 'b7', 'a6', 'a8', 'b6', 'b8']))
    evaluated.length = 0
    for (const row of rows) for (const m of [6, 7, 8] as Month[]) evaluateCached(row, m, DEFAULT_THRESHOLDS)
    expect(evaluated).toEqual([])
    cancel()
    const later = [project('c')]
    evaluateNeighboursWhenIdle(later, 1, DEFAULT_THRESHOLDS)()
    await new Promise((resolve) => setTimeout(resolve, 20))
    evaluated.length = 0
    evaluateCached(later[0]!, 2, DEFAULT_THRESHOLDS)
    expect(evaluated).toEqual([['c', 2]])
  })

  it('forgets the far months only when idle, not while the month change is shown', async () => {
    const row = project('far')
    evaluateCached(row, 3, DEFAULT_THRESHOLDS)
    evaluated.length = 0
    evaluateNeighboursWhenIdle([row], 7, DEFAULT_THRESHOLDS)
    evaluateCached(row, 3, DEFAULT_THRESHOLDS)
    expect(evaluated).toEqual([])
    await vi.waitFor(() => expect(evaluated).toEqual([['far', 7], ['far', 6], ['far', 8]]))
    evaluateCached(row, 3, DEFAULT_THRESHOLDS)
    expect(evaluated).toEqual([['far', 7], ['far', 6], ['far', 8], ['far', 3]])
  })

  it('does no work ahead while the tab is hidden, and does it once the tab is shown again', async () => {
    const setVisibility = (state: 'hidden' | 'visible') => {
      Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })
      document.dispatchEvent(new Event('visibilitychange'))
    }
    const row = project('hidden')
    evaluated.length = 0
    setVisibility('hidden')
    try {
      evaluateNeighboursWhenIdle([row], 7, DEFAULT_THRESHOLDS)
      const ran: string[] = []
      const cancelled = whenIdle(() => ran.push('cancelled'))
      cancelled()
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(evaluated).toEqual([])
      setVisibility('visible')
      await vi.waitFor(() => expect(evaluated).toEqual([['hidden', 7], ['hidden', 6], ['hidden', 8]]))
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(ran).toEqual([])
    } finally {
      setVisibility('visible')
    }
  })
})
