import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick, ref } from 'vue'
import { useMonitor } from '@/composables/useMonitor'
import { setSpending } from '@/db/actualsRepository'
import { addBudgetAdjustment } from '@/db/adjustmentRepository'
import { db } from '@/db/database'
import { lockMonth } from '@/db/lockRepository'
import { saveSettings } from '@/db/settingsRepository'
import { stopSharedSources } from '@/db/sharedSource'
import { figuresOf } from '@/domain/projectFigures'
import { DEFAULT_THRESHOLDS, type Month } from '@/domain/types'
import { demoScopeAt as scopeAt, run, stopRuns } from './scopeHarness'
import { DEMO_DEPARTMENT, DEMO_YEAR, FLC6, loadRealDemo } from '../db/demoDatabase'

afterEach(async () => {
  stopRuns()
  stopSharedSources()
  await Promise.all(db.tables.map((table) => table.clear()))
})



/** The overview's monitor (stored figures) next to the evaluating one, on the same scope. */
async function both(month: Month | null, departmentCode: string | null = DEMO_DEPARTMENT) {
  const figures = run(() => useMonitor(scopeAt(month, departmentCode), { figuresFirst: true }))
  const evaluated = run(() => useMonitor(scopeAt(month, departmentCode)))
  await vi.waitFor(() => expect(figures.isLoading.value || evaluated.isLoading.value).toBe(false))
  await vi.waitFor(() => expect(evaluated.evaluations.value.length).toBeGreaterThan(0))
  return { figures, evaluated }
}

describe('the overview shows stored figures, the same as evaluating every project', () => {
  it.each<[string, Month | null, string | null]>([
    ['one department, a month chosen', 3, DEMO_DEPARTMENT],
    ['one department, its latest month', null, DEMO_DEPARTMENT],
    ['all departments', 6, null],
  ])('%s: same month, latest month, rows and totals, and no project evaluated', async (_, month, code) => {
    await loadRealDemo(db)
    const { figures, evaluated } = await both(month, code)
    expect(figures.month.value).toBe(evaluated.month.value)
    expect(figures.latestMonth.value).toBe(evaluated.latestMonth.value)
    expect(figures.evaluations.value).toEqual(evaluated.evaluations.value.map(figuresOf))
    expect(figures.summary.value).toEqual(evaluated.summary.value)
    // Nothing read to evaluate: the projects' data stays unread.
    expect(figures.projectData.value).toEqual([])
  })

  it('follows a typed value to a later month at once', async () => {
    await loadRealDemo(db)
    const { figures } = await both(null)
    await setSpending(FLC6, 9, 80_000, '测', db)
    await vi.waitFor(() => expect(figures.month.value).toBe(9))
    const evaluated = run(() => useMonitor(scopeAt(9)))
    await vi.waitFor(() => expect(evaluated.evaluations.value.length).toBeGreaterThan(0))
    expect(figures.evaluations.value).toEqual(evaluated.evaluations.value.map(figuresOf))
  })

  it.each<[string, Month]>([
    ['the month before', 5],
    ['the month after', 7],
  ])('once idle, steps to %s with its figures at hand (no read), still following writes', async (_, next) => {
    await loadRealDemo(db)
    const month = ref<Month | null>(6)
    const figures = run(() => useMonitor({ year: ref(DEMO_YEAR), departmentCode: ref(DEMO_DEPARTMENT), month }, { figuresFirst: true }))
    await vi.waitFor(() => expect(figures.evaluations.value.length).toBe(5))
    // Idle: both neighbours read (each in its own idle period).
    await new Promise((resolve) => setTimeout(resolve, 50))
    await setSpending(FLC6, next, 123_400, '测', db)
    const evaluated = run(() => useMonitor(scopeAt(next)))
    await vi.waitFor(() => expect(evaluated.evaluations.value.find((e) => e.project.id === FLC6)?.spend.executed).toBeGreaterThan(0))
    const expected = evaluated.evaluations.value.map(figuresOf)
    expect(figures.evaluations.value).not.toEqual(expected)
    month.value = next
    await nextTick()
    // Shown in the same tick as the change (the neighbour's source was live), with the write in it.
    expect(figures.month.value).toBe(next)
    expect(figures.evaluations.value).toEqual(expected)
  })

  it('shows no other month’s figures while the month chosen is read', async () => {
    await loadRealDemo(db)
    const month = ref<Month | null>(7)
    const figures = run(() => useMonitor({ year: ref(DEMO_YEAR), departmentCode: ref(DEMO_DEPARTMENT), month }, { figuresFirst: true }))
    await vi.waitFor(() => expect(figures.evaluations.value.length).toBe(5))
    // 3月 is not next to 7月: it is read when chosen, and 7月's figures are not shown meanwhile.
    month.value = 3
    await nextTick()
    expect(figures.evaluations.value).toEqual([])
    expect(figures.isLoading.value).toBe(true)
    await vi.waitFor(() => expect(figures.evaluations.value.length).toBe(5))
    expect(figures.evaluations.value.every((e) => e.month === 3)).toBe(true)
  })

  it('shows a 已报送 month as reported (evaluating the scope), as the other pages do', async () => {
    await loadRealDemo(db)
    await lockMonth(DEMO_YEAR, DEMO_DEPARTMENT, 7, '张会计', db)
    // A 追加 recorded after the report: today's figures differ from the reported ones.
    await addBudgetAdjustment({ projectId: FLC6, date: `${DEMO_YEAR}-05-10`, fiscal: 1_000_000, other: 0, documentNo: '文1', reason: '追加' }, '测', db)
    const { figures, evaluated } = await both(7)
    await vi.waitFor(() => expect(figures.reported.value.rounds.length).toBe(1))
    expect(figures.evaluations.value).toEqual(evaluated.evaluations.value)
    expect(figures.reported.value.changes.size).toBeGreaterThan(0)
  })

  it('after a thresholds change shows the new statuses at once, and stored figures again once rewritten', async () => {
    await loadRealDemo(db)
    const figures = run(() => useMonitor(scopeAt(6), { figuresFirst: true }))
    await vi.waitFor(() => expect(figures.evaluations.value.length).toBe(5))
    const strict = { ...DEFAULT_THRESHOLDS, yellowFrom: 0, redBelow: -1 }
    await saveSettings({ thresholds: strict }, db)
    const evaluated = run(() => useMonitor(scopeAt(6)))
    await vi.waitFor(() => expect(evaluated.settings.value.thresholds).toEqual(strict))
    await vi.waitFor(() => expect(figures.evaluations.value.map((e) => e.status)).toEqual(evaluated.evaluations.value.map((e) => e.status)))
    // Rewritten in the background: back to the stored figures, no project data held.
    await vi.waitFor(() => expect(figures.projectData.value).toEqual([]), { timeout: 5000 })
    expect(figures.evaluations.value).toEqual(evaluated.evaluations.value.map(figuresOf))
    expect(figures.evaluations.value.map((e) => e.status)).not.toEqual(
      (await (async () => {
        const loose = run(() => useMonitor(scopeAt(6)))
        await saveSettings({ thresholds: DEFAULT_THRESHOLDS }, db)
        await vi.waitFor(() => expect(loose.settings.value.thresholds).toEqual(DEFAULT_THRESHOLDS))
        await vi.waitFor(() => expect(loose.evaluations.value.length).toBe(5))
        return loose.evaluations.value
      })()).map((e) => e.status),
    )
  })
})
