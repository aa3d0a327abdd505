import { describe, expect, it } from 'vitest'
import {
  applyReportedRounds,
  buildReportedRound,
  compareWithReported,
  evaluateProjectData,
  reportedNoteOf,
  summarizeProjects,
  type ProjectData,
  type ReportedRound,
} from '@/domain'
import type { Month } from '@/domain/types'
import { DEMO_ITEMS } from '../charts/demoFixture'

const FLC6 = '2020/315002/315-0404-JBN-FLC6'
const META = { year: 2020, departmentCode: '315002', month: 7 as Month, revision: 1, reportedAt: '2020-08-05T02:00:00.000Z', reportedBy: '张会计' }

const reported = (data: readonly ProjectData[] = DEMO_ITEMS): ReportedRound => buildReportedRound(data, META)
const evaluate = (data: readonly ProjectData[], month: Month = 7) => data.map((row) => evaluateProjectData(row, month))
const notesOf = (data: readonly ProjectData[], month: Month = 7) => data.flatMap((row) => row.notes.filter((n) => n.month === month))

/** The demo with one project's data changed. */
function changed(id: string, change: (row: ProjectData) => ProjectData): ProjectData[] {
  return DEMO_ITEMS.map((row) => (row.project.id === id ? change(row) : row))
}

describe('buildReportedRound', () => {
  it('holds the evaluations and the summary the pages compute, and the notes of the month', () => {
    const round = reported()
    expect(round.evaluations).toEqual(evaluate(DEMO_ITEMS))
    expect(round.summary).toEqual(summarizeProjects(evaluate(DEMO_ITEMS)))
    expect(round.notes).toEqual(notesOf(DEMO_ITEMS))
    expect(round.notes.every((n) => n.month === 7)).toBe(true)
    expect(round).toMatchObject(META)
    expect(round.actions).toBeUndefined()
  })

  const item = (projectId: string, month: Month, id: number) => ({ id, projectId, month, text: `整改${id}`, owner: '张科长', dueDate: '', status: 'open' as const, closedMonth: null })
  it.each([
    ['created in the meeting of 7月', true, item(FLC6, 7, 1)],
    ['created earlier and still open', true, item(FLC6, 3, 2)],
    ['created in the 8月 meeting, after the round', false, item(FLC6, 8, 3)],
    ['of a project not in the round', false, item('2020/315002/elsewhere', 7, 4)],
  ])('an 整改 item %s: frozen with the round = %s', (_case, isKept, action) => {
    const round = buildReportedRound(DEMO_ITEMS, META, undefined, [action])
    expect(round.actions).toEqual(isKept ? [action] : [])
  })
})

describe('compareWithReported', () => {
  it('finds nothing when today is what was reported', () => {
    const comparison = compareWithReported(reported(), evaluate(DEMO_ITEMS), notesOf(DEMO_ITEMS))
    expect(comparison.isChanged).toBe(false)
    expect(comparison.projects.size).toBe(0)
  })

  const asLevel = (row: ProjectData): ProjectData => ({
    ...row,
    indicators: row.indicators.map((i, n) => (n === 0 ? { ...i, target: { ...i.target, kind: 'level' as const } } : i)),
  })
  const budgetOf = (total: number) => (row: ProjectData): ProjectData => ({ ...row, project: { ...row.project, budget: { ...row.project.budget, total, fiscal: total } } })
  const noteEdited = (row: ProjectData): ProjectData => ({
    ...row,
    notes: [...row.notes.filter((n) => n.month !== 7), { projectId: row.project.id, month: 7, reasons: ['other'], explanation: '报送后补写', likelihood: 'certain', actions: '' }],
  })

  it.each([
    ['口径 switched to 时点', asLevel, ['法律案件受理数 实际', '法律案件受理数 状态']],
    ['预算数 changed to 30.00 万元', budgetOf(30_000_000), ['预算数', '执行率', '偏差', '状态']],
    ['the month’s note rewritten', noteEdited, ['完成目标可能性', '监控说明']],
  ])('%s: lists each changed figure of the project with both values', (_case, change, labels) => {
    const today = changed(FLC6, change)
    const comparison = compareWithReported(reported(), evaluate(today), notesOf(today))
    expect(comparison.isChanged).toBe(true)
    expect([...comparison.projects.keys()]).toEqual([FLC6])
    const differences = comparison.projects.get(FLC6) ?? []
    for (const label of labels) expect(differences.map((d) => d.label)).toContain(label)
    for (const d of differences) expect(d.reported).not.toBe(d.current)
  })

  it('gives the reported and the current 执行率 as shown (one decimal)', () => {
    const today = changed(FLC6, budgetOf(30_000_000))
    const rate = compareWithReported(reported(), evaluate(today)).projects.get(FLC6)?.find((d) => d.label === '执行率')
    expect(rate).toEqual({ label: '执行率', reported: '55.0%', current: '5.5%' })
  })

  it('lists a project added since the report and one no longer there', () => {
    const [first, ...rest] = DEMO_ITEMS
    const added: ProjectData = { ...first!, project: { ...first!.project, id: '2020/315002/NEW', code: 'NEW', name: '新增项目' }, indicators: [], spending: [], values: [], notes: [] }
    const comparison = compareWithReported(reported(), evaluate([...rest, added]))
    expect(comparison.added).toEqual([{ id: '2020/315002/NEW', name: '新增项目' }])
    expect(comparison.removed).toEqual([{ id: first!.project.id, name: first!.project.name }])
    expect(comparison.summary.map((d) => d.label)).toContain('部门执行数')
  })
})

describe('applyReportedRounds', () => {
  it('shows the round at its month, with the differences of today', () => {
    const today = changed(FLC6, asLevelFirst)
    const view = applyReportedRounds(evaluate(today), notesOf(today), [reported()], 7)
    expect(view.evaluations).toEqual(reported().evaluations)
    expect([...view.changes.keys()]).toEqual([FLC6])
    expect(view.rounds).toHaveLength(1)
  })

  it('shows today at a month that is not reported', () => {
    const today = changed(FLC6, asLevelFirst)
    const current = evaluate(today, 8)
    const view = applyReportedRounds(current, notesOf(today, 8), [reported()], 8)
    expect(view.evaluations).toBe(current)
    expect(view.changes.size).toBe(0)
  })

  it('replaces only the reported department in a scope of several', () => {
    const other = DEMO_ITEMS.map((row) => ({ ...row, project: { ...row.project, id: `x/${row.project.id}`, departmentCode: '999' } }))
    const current = evaluate([...DEMO_ITEMS, ...other])
    const view = applyReportedRounds(current, [], [reported()], 7)
    expect(view.evaluations.slice(0, DEMO_ITEMS.length)).toEqual(reported().evaluations)
    expect(view.evaluations.slice(DEMO_ITEMS.length)).toEqual(current.slice(DEMO_ITEMS.length))
  })

  it('gives the reported note of a project', () => {
    const round = reported()
    const withNote = round.notes[0]
    expect(withNote).toBeDefined()
    expect(reportedNoteOf(round, withNote!.projectId)).toEqual(withNote)
    expect(reportedNoteOf(round, 'nope')).toBeNull()
  })
})

function asLevelFirst(row: ProjectData): ProjectData {
  return { ...row, indicators: row.indicators.map((i, n) => (n === 0 ? { ...i, target: { ...i.target, kind: 'level' as const } } : i)) }
}
