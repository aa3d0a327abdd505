import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref, type EffectScope } from 'vue'
import { useMeeting, useMeetingAgenda } from '@/composables/useMeeting'
import type { ScopeSelection } from '@/composables/useScope'
import { setSpending } from '@/db/actualsRepository'
import { db } from '@/db/database'
import { lockMonth } from '@/db/lockRepository'
import { addActionItem, setAgendaFlag } from '@/db/meetingRepository'
import { loadProjectDataFromRows } from '@/db/monitorRepository'
import { stopSharedSources } from '@/db/sharedSource'
import { evaluateProjectData } from '@/domain/projectEvaluation'
import type { Month } from '@/domain/types'
import { DEMO_DEPARTMENT, DEMO_YEAR, loadRealDemo } from '../db/demoDatabase'

let scopes: EffectScope[] = []
afterEach(async () => {
  for (const s of scopes) s.stop()
  scopes = []
  stopSharedSources()
  await Promise.all(db.tables.map((table) => table.clear()))
})

function run<T>(fn: () => T): T {
  const s = effectScope()
  scopes.push(s)
  return s.run(fn) as T
}

const scopeAt = (month: Month, departmentCode: string | null = DEMO_DEPARTMENT): ScopeSelection => ({
  year: ref(DEMO_YEAR),
  departmentCode: ref(departmentCode),
  month: ref(month),
})

/** What the meeting page shows of an agenda: each item's project, reasons, decision and open actions, in order. */
const shownOf = (meeting: ReturnType<typeof useMeeting> | ReturnType<typeof useMeetingAgenda>) => ({
  entries: meeting.agenda.value.entries.map((e) => ({ id: e.evaluation.project.id, reasons: e.reasons, open: e.openActionCount, evaluation: e.evaluation })),
  removed: meeting.agenda.value.removed.map((e) => e.project.id),
  counts: meeting.agendaCounts.value,
  record: meeting.record.value,
  department: meeting.departmentName.value,
})

/** The meeting page's agenda (stored figures, candidates read) next to the meeting that evaluates every project. */
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
  ])('%s: the same agenda as evaluating every project, reading only the projects that can be on it', async (_, month, code) => {
    await loadRealDemo(db)
    const { page, full } = await both(month, code)
    await vi.waitFor(() => expect(shownOf(page)).toEqual(shownOf(full)))
    expect(page.agenda.value.entries.length).toBeGreaterThan(0)
    // Only the lagging projects were read, not the scope's five: the others have no data here.
    const ids = await lagging(month)
    expect(ids.length).toBeLessThan(5)
    expect(page.monitor.projectData.value).toEqual([])
    for (const e of full.monitor.evaluations.value) {
      expect(full.curveOf(e.project.id)).not.toBeNull()
      expect(page.curveOf(e.project.id) === null).toBe(!ids.includes(e.project.id))
    }
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
    await vi.waitFor(() => expect(page.agenda.value.removed.map((e) => e.project.id)).toEqual([first]))
    await vi.waitFor(() => expect(page.agenda.value.entries.map((e) => e.evaluation.project.id)).toContain(green[1]))
    await vi.waitFor(() => expect(shownOf(page)).toEqual(shownOf(full)))
    expect(page.agenda.value.entries.map((e) => e.evaluation.project.id)).toContain(green[0])
    expect(page.agenda.value.removed.map((e) => e.project.id)).toEqual([first])
    // A value typed for the flagged project changes what the agenda shows of it, in both.
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
    await vi.waitFor(() => expect(shownOf(page)).toEqual(shownOf(full)))
  })
})
