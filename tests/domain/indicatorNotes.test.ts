import { describe, expect, it } from 'vitest'
import { buildIndicatorNoteRows, emptyIndicatorNote, isIndicatorNoteEmpty } from '@/domain/indicatorNotes'
import { briefingDate, emptyMeetingRecord, formatChineseDate } from '@/domain/meetingRecord'
import { demoAt } from '../exporters/demoEvaluations'

const july = demoAt(7)

describe('per-indicator note rows of the demo at 7月', () => {
  const rows = july.evaluations.flatMap((e) => buildIndicatorNoteRows(e.indicators, [], 7).map((r) => ({ project: e.project.name, ...r })))
  it('asks for a note exactly on the 黄 and 红 indicators', () => {
    expect(rows).toHaveLength(15)
    const asked = rows.filter((r) => r.needsNote).map((r) => [r.project, r.evaluation.indicator.name, r.evaluation.status])
    expect(asked).toEqual(rows.filter((r) => r.evaluation.status === 'red' || r.evaluation.status === 'yellow').map((r) => [r.project, r.evaluation.indicator.name, r.evaluation.status]))
    expect(asked.length).toBeGreaterThan(0)
    expect(rows.filter((r) => r.evaluation.status === 'green').every((r) => !r.needsNote)).toBe(true)
  })

  it('shows the suggestion until a likelihood is confirmed, and the computed 全年预计 until it is rewritten', () => {
    const e = july.evaluations.find((x) => x.project.name === '人民调解员补贴')!
    const indicator = e.indicators.find((i) => i.indicator.name === '群众矛盾降低率')!
    const [plain] = buildIndicatorNoteRows([indicator], [], 7)
    expect(plain).toMatchObject({ target: '≥95%', actualText: '93%', computedForecast: '93%', forecast: '93%', suggested: 'possible', likelihood: 'possible', isLikelihoodConfirmed: false, note: null })
    const note = { ...emptyIndicatorNote(indicator.indicator.id, e.project.id, 7), likelihood: 'impossible' as const, forecast: '94%' }
    const [noted] = buildIndicatorNoteRows([indicator], [note, { ...note, month: 6, forecast: '六月的' }], 7)
    expect(noted).toMatchObject({ forecast: '94%', computedForecast: '93%', likelihood: 'impossible', isLikelihoodConfirmed: true })
  })

  it.each([
    [{}, true],
    [{ reasons: ['other' as const] }, false],
    [{ likelihood: 'certain' as const }, false],
    [{ explanation: 'x' }, false],
    [{ remark: 'x' }, false],
    [{ forecast: '' }, false],
  ])('a note with %o is empty: %s', (patch, isEmpty) => {
    expect(isIndicatorNoteEmpty({ ...emptyIndicatorNote('i', 'p', 7), ...patch })).toBe(isEmpty)
  })
})

describe('the briefing date', () => {
  it.each([
    [null, '2026-12-03', '2026年12月3日'],
    [{ ...emptyMeetingRecord(2020, 'd', 7), date: '' }, '2026-12-03', '2026年12月3日'],
    [{ ...emptyMeetingRecord(2020, 'd', 7), date: '2020-08-06' }, '2026-12-03', '2020年8月6日'],
  ])('record %o printed %s reads %s', (record, printDate, expected) => {
    expect(formatChineseDate(briefingDate(record, printDate))).toBe(expected)
  })
})
