import { afterEach, describe, expect, it, vi } from 'vitest'
import { useMeeting, useMeetingAgenda } from '@/composables/useMeeting'
import { setSpending } from '@/db/actualsRepository'
import { db } from '@/db/database'
import { lockMonth } from '@/db/lockRepository'
import { addActionItem, setAgendaFlag } from '@/db/meetingRepository'
import { loadProjectDataFromRows } from '@/db/monitorRepository'
import { stopSharedSources } from '@/db/sharedSource'
import { evaluateProjectData } from '@/domain/projectEvaluation'
import type { Month } from '@/domain/types'
import { demoScopeAt as scopeAt, run, stopRuns } from './scopeHarness'
import { DEMO_DEPARTMENT, DEMO_YEAR, loadRealDemo } from '../db/demoDatabase'

afterEach(async () => {
  stopRuns()
  stopSharedSources()
  await Promise.all(db.tables.map((table) => table.clear()))
})



type Page = ReturnType<typeof useMeetingAgenda>
type Full = ReturnType<typeof useMeeting>

/** What the meeting page shows of an agenda: each item's project, reasons, open actions and (read) evaluation, in order. */
const shownOf = (meeting: Page | Full) => ({
  entries: meeting.agenda.value.entries.map((e) => ({
    id: e.evaluation.project.id,
    reasons: e.reasons,
    open: e.openActionCount,
    evaluation: meeting.entryOf(e.evaluation.project.id)?.evaluation ?? null,
  })),
  removed: meeting.agenda.value.removed.map((e) => e.project.id),
  counts: meeting.agendaCounts.value,
  record: meeting.record.value,
  department: meeting.departmentName.value,
})

/** The page shows every agenda project (the demo's agenda is one page), as its list asks. */
const showAll = (page: Page) => page.show(page.agenda.value.entries.map((e) => e.evaluation.project.id))

/** The meeting page's agenda (stored figures, its page read) next to the meeting that evaluates every project. */
async function both(month: Month, departmentCode: string | null = DEMO_DEPARTMENT) {
  const page = run(() => useMeetingAgenda(scopeAt(month, departmentCode), '2020-08-10'))
  const full = run(() => useMeeting(scopeAt(month, departmentCode), '2020-08-10'))
  await vi.waitFor(() => expect(page.isLoading.value || full.isLoading.value).toBe(false))
  await vi.waitFor(() => expect(full.monitor.evaluations.value.length).toBeGreaterThan(0))
  return { page, full }
}

async function lagging(month: Month): Promise<string[]> {
  const data = await loadProjectDataFromRows({ year: DEMO_YEAR, departmentCode: DEMO_DEPARTMENT }, db)
  return data.filter((row) => ['red', 'yellow'].includes(evaluateProjectData(row, month).status)).map((row) => row.project.id)
}

describe('the meeting page’s agenda, from stored figures and its candidates only', () => {
  it.each<[string, Month, string | null]>([
    ['3月, one department', 3, DEMO_DEPARTMENT],
    ['7月, one department', 7, DEMO_DEPARTMENT],
    ['8月, all departments', 8, null],
  ])('%s: the same agenda as evaluating every project, reading only the projects the page shows', async (_, month, code) => {
    await loadRealDemo(db)
    const { page, full } = await both(month, code)
    const ids = page.agenda.value.entries.map((e) => e.evaluation.project.id)
    expect(ids.length).toBeGreaterThan(1)
    // The list shows its first item only: only it is read and evaluated.
    page.show(ids.slice(0, 1))
    await vi.waitFor(() => expect(page.entryOf(ids[0]!)).not.toBeNull())
    expect(ids.slice(1).map((id) => page.entryOf(id))).toEqual(ids.slice(1).map(() => null))
    expect(page.curveOf(ids[1]!)).toBeNull()
    expect(page.monitor.projectData.value).toEqual([])
    // Every item shown: the same agenda, item by item, as evaluating the scope.
    showAll(page)
    await vi.waitFor(() => expect(shownOf(page)).toEqual(shownOf(full)))
    expect(ids.every((id) => page.curveOf(id) !== null)).toBe(true)
    expect((await lagging(month)).length).toBeLessThan(5)
    const scope = await page.loadScope()
    expect(scope.evaluations).toEqual(full.monitor.evaluations.value)
    expect(scope.projectData.length).toBe(5)
  })

  it('takes in a project not lagging flagged 会议关注 or with an action, drops one removed, and follows a typed value', async () => {
    await loadRealDemo(db)
    const { page, full } = await both(2)
    const green = full.monitor.evaluations.value.filter((e) => e.status !== 'red' && e.status !== 'yellow').map((e) => e.project.id)
    expect(green.length).toBeGreaterThanOrEqual(2)
    await setAgendaFlag(green[0]!, 2, true, '测试')
    await addActionItem({ projectId: green[1]!, month: 2, text: '补报资料', owner: '李科长', dueDate: '2020-08-31' }, '测试')
    const first = page.agenda.value.entries[0]!.evaluation.project.id
    await setAgendaFlag(first, 2, false, '测试')
    await vi.waitFor(() => expect(page.agenda.value.entries.map((e) => e.evaluation.project.id)).toContain(green[1]))
    showAll(page)
    await vi.waitFor(() => expect(page.agenda.value.removed.map((e) => e.project.id)).toEqual([first]))
    await vi.waitFor(() => expect(page.agenda.value.entries.map((e) => e.evaluation.project.id)).toContain(green[1]))
    await vi.waitFor(() => expect(shownOf(page)).toEqual(shownOf(full)))
    expect(page.agenda.value.entries.map((e) => e.evaluation.project.id)).toContain(green[0])
    expect(page.agenda.value.removed.map((e) => e.project.id)).toEqual([first])
    // A value typed for the flagged project changes what the agenda shows of it, in both.
    showAll(page)
    const before = JSON.stringify(shownOf(page))
    await setSpending(green[0]!, 2, 100_000, '测试', db)
    await vi.waitFor(() => expect(JSON.stringify(shownOf(page))).not.toBe(before))
    await vi.waitFor(() => expect(shownOf(page)).toEqual(shownOf(full)))
  })

  it('shows a 已报送 month as reported, as the evaluating meeting does', async () => {
    await loadRealDemo(db)
    await lockMonth(DEMO_YEAR, DEMO_DEPARTMENT, 7, '张会计', db)
    const { page, full } = await both(7)
    await vi.waitFor(() => expect(page.monitor.fullEvaluations.value).not.toBeNull())
    showAll(page)
    await vi.waitFor(() => expect(shownOf(page)).toEqual(shownOf(full)))
  })
})
