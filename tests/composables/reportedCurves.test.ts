import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref, type EffectScope } from 'vue'
import { buildComparisonChart } from '@/components/overview/comparisonChartRows'
import { useDepartmentDetail } from '@/composables/useDepartmentDetail'
import { useMeeting } from '@/composables/useMeeting'
import { useMonitor } from '@/composables/useMonitor'
import type { ScopeSelection } from '@/composables/useScope'
import { addBudgetAdjustment } from '@/db/adjustmentRepository'
import { db } from '@/db/database'
import { lockMonth } from '@/db/lockRepository'
import { loadReportedRounds } from '@/db/reportedRoundRepository'
import { formatPercent, type Month } from '@/domain'
import { DEMO_DEPARTMENT, DEMO_YEAR, FLC6, loadRealDemo } from '../db/demoDatabase'

let scopes: EffectScope[] = []
afterEach(async () => {
  for (const s of scopes) s.stop()
  scopes = []
  await Promise.all(db.tables.map((table) => table.clear()))
})

function scopeAt(month: Month, departmentCode: string | null = DEMO_DEPARTMENT): ScopeSelection {
  return { year: ref(DEMO_YEAR), departmentCode: ref(departmentCode), month: ref(month) }
}

function run<T>(fn: () => T): T {
  const s = effectScope()
  scopes.push(s)
  return s.run(fn) as T
}

/** 7月 locked (已报送), then a 调减 of 1.00 万元 on 法律援助经费 dated in 5月: 7月's figures change today. */
async function reportedThenCut() {
  await loadRealDemo(db)
  await lockMonth(DEMO_YEAR, DEMO_DEPARTMENT, 7, '张会计', db)
  await addBudgetAdjustment({ projectId: FLC6, date: '2020-05-15', fiscal: -1_000_000, other: 0, documentNo: '财预〔2020〕5号', reason: '调减' }, '张会计', db)
  const [round] = await loadReportedRounds({ year: DEMO_YEAR, departmentCode: DEMO_DEPARTMENT }, db)
  if (!round) throw new Error('no round')
  return round
}

const rate = (value: number | null | undefined) => formatPercent(value ?? null)

describe('charts of a 已报送 month draw the reported figures', () => {
  it('the meeting’s project chart keeps 法律援助经费’s 7月 执行率 as reported after a 调减, marked changed', async () => {
    await reportedThenCut()
    const meeting = run(() => useMeeting(scopeAt(7), '2020-08-10'))
    await vi.waitFor(() => expect(meeting.monitor.evaluations.value.length).toBeGreaterThan(0))
    // The rounds arrive by their own live query, after or before the (cached) project data.
    await vi.waitFor(() => expect(meeting.monitor.rounds.value.length).toBeGreaterThan(0))
    const curve = meeting.curveOf(FLC6)
    expect(rate(curve?.actual[7])).toBe('55.0%')
    expect(curve?.budget).toBe(3_000_000)
    const point = curve?.reported?.find((p) => p.month === 7)
    expect(point?.isChanged).toBe(true)
    expect(rate(point?.currentRate)).not.toBe('55.0%')
  })

  it.each([
    ['the meeting’s department chart', (s: ScopeSelection) => useMeeting(s, '2020-08-10').departmentCurve],
    ['the department page’s chart', (s: ScopeSelection) => useDepartmentDetail(s).curve],
  ])('%s keeps the department’s 7月 执行率 and budget as reported, marked changed', async (_, curveOf) => {
    const round = await reportedThenCut()
    const { monitor, curve } = run(() => {
      const s = scopeAt(7)
      return { monitor: useMonitor(s), curve: curveOf(s) }
    })
    await vi.waitFor(() => expect(monitor.evaluations.value.length).toBeGreaterThan(0))
    // The chart's own monitor gets the rounds by their own live query, after or before the (cached) project data.
    await vi.waitFor(() => expect(curve.value.reported?.length ?? 0).toBeGreaterThan(0))
    expect(rate(curve.value.actual[7])).toBe(rate(round.summary.executionRate))
    expect(curve.value.budget).toBe(round.summary.budget)
    const point = curve.value.reported?.find((p) => p.month === 7)
    expect(point?.isChanged).toBe(true)
    expect(point?.currentBudget).toBe(round.summary.budget - 1_000_000)
  })

  it('at 8月 (not reported) the department chart still draws 7月 as reported and 8月 with today’s budget', async () => {
    const round = await reportedThenCut()
    const detail = run(() => useDepartmentDetail(scopeAt(8)))
    await vi.waitFor(() => expect(detail.monitor.evaluations.value.length).toBeGreaterThan(0))
    await vi.waitFor(() => expect(detail.monitor.rounds.value.length).toBeGreaterThan(0))
    expect(rate(detail.curve.value.actual[7])).toBe(rate(round.summary.executionRate))
    expect(detail.curve.value.budget).toBe(round.summary.budget - 1_000_000)
  })

  it('the overview’s comparison bar of 法律援助经费 is as reported at 7月 and marked 报送后有变动 with today’s 执行率', async () => {
    await reportedThenCut()
    const monitor = run(() => useMonitor(scopeAt(7)))
    await vi.waitFor(() => expect(monitor.evaluations.value.length).toBeGreaterThan(0))
    await vi.waitFor(() => expect(monitor.rounds.value.length).toBeGreaterThan(0))
    const { rows } = buildComparisonChart(monitor.evaluations.value, monitor.reported.value.changes)
    const row = rows.find((r) => r.id === FLC6)
    expect(row?.figure).toMatch(/^55\.0%/)
    const changed = row?.changed.find((d) => d.label === '执行率')
    expect(changed?.reported).toBe('55.0%')
    expect(row?.tooltip.at(-1)?.value).toContain(`执行率 ${changed?.current}`)
    expect(rows.filter((r) => r.id !== FLC6).every((r) => r.changed.length === 0)).toBe(true)
    expect(row?.description).toContain('报送后有变动')
  })

  it('with every department shown (no department chosen) the department chart still draws 7月 as reported', async () => {
    const round = await reportedThenCut()
    const detail = run(() => useDepartmentDetail(scopeAt(7, null)))
    await vi.waitFor(() => expect(detail.monitor.evaluations.value.length).toBeGreaterThan(0))
    await vi.waitFor(() => expect(detail.monitor.rounds.value.length).toBeGreaterThan(0))
    await vi.waitFor(() => expect(rate(detail.curve.value.actual[7])).toBe(rate(round.summary.executionRate)))
    expect(detail.curve.value.reported?.find((p) => p.month === 7)?.isChanged).toBe(true)
  })

  it('without a report the charts are today’s', async () => {
    await loadRealDemo(db)
    const detail = run(() => useDepartmentDetail(scopeAt(7)))
    await vi.waitFor(() => expect(detail.monitor.evaluations.value.length).toBeGreaterThan(0))
    expect(detail.curve.value.reported ?? []).toEqual([])
  })
})
