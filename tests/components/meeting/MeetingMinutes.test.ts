import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import MeetingEarlierDecisions from '@/components/meeting/MeetingEarlierDecisions.vue'
import MeetingMinutesForm from '@/components/meeting/MeetingMinutesForm.vue'
import MeetingPrintCover from '@/components/meeting/MeetingPrintCover.vue'
import { summarizeProjects } from '@/domain'
import type { ActionItem } from '@/domain/agenda'
import { earlierDecisions, emptyMeetingRecord, type MeetingRecord } from '@/domain/meetingRecord'
import { demoAt } from '../../exporters/demoEvaluations'

const record: MeetingRecord = { ...emptyMeetingRecord(2020, '315002', 7), date: '2020-08-06', place: '三楼会议室', host: '张局长', attendees: '李、王' }

describe('MeetingMinutesForm', () => {
  it('saves the record and lists the 议定事项', async () => {
    const w = mount(MeetingMinutesForm, { props: { record: emptyMeetingRecord(2020, '315002', 7), agreed: [{ projectName: '法制工作专项经费', label: '调整预算（调减 1 万元）' }] } })
    await w.get('[data-test="minutes-date"]').setValue('2020-08-06')
    await w.get('[data-test="minutes-host"]').setValue('张局长')
    const last = (w.emitted('save') ?? []).at(-1)?.[0] as MeetingRecord
    expect(last).toMatchObject({ year: 2020, departmentCode: '315002', month: 7, date: '2020-08-06', host: '张局长' })
    expect(w.get('[data-test="minutes-agreed"]').text()).toContain('法制工作专项经费：调整预算（调减 1 万元）')
  })

  it('keeps a field being typed when another field’s save comes back', async () => {
    const w = mount(MeetingMinutesForm, { props: { record: emptyMeetingRecord(2020, '315002', 7), agreed: [] } })
    await w.get('[data-test="minutes-date"]').setValue('2020-08-06')
    await w.get<HTMLInputElement>('[data-test="minutes-place"]').setValue('会议室')
    await w.setProps({ record: { ...emptyMeetingRecord(2020, '315002', 7), date: '2020-08-06' } })
    expect(w.get<HTMLInputElement>('[data-test="minutes-place"]').element.value).toBe('会议室')
    await w.setProps({ record: emptyMeetingRecord(2020, '315002', 8) })
    expect(w.get<HTMLInputElement>('[data-test="minutes-place"]').element.value).toBe('')
  })
})

describe('MeetingPrintCover', () => {
  const summary = summarizeProjects(demoAt(7).evaluations)
  const props = { department: '司法局', year: 2020, month: 7 as const, printDate: '2026-12-03', summary, agendaCount: 4 }
  it('names the meeting’s own date and its people', () => {
    const w = mount(MeetingPrintCover, { props: { ...props, record } })
    expect(w.get('[data-test="print-cover-date"]').text()).toBe('会议日期：2020年8月6日')
    expect(w.get('[data-test="print-cover-meeting"]').text()).toMatch(/会议地点\s*三楼会议室\s*主持人\s*张局长\s*参会人员\s*李、王/)
  })
  it('falls back to the print date without a recorded meeting', () => {
    const w = mount(MeetingPrintCover, { props: { ...props, record: null } })
    expect(w.get('[data-test="print-cover-date"]').text()).toBe('2026年12月3日')
  })
})

describe('以往决定', () => {
  const items: ActionItem[] = [
    { id: 1, projectId: 'p', month: 7, text: '回访', owner: '王', dueDate: '2020-08-15', status: 'closed', closedMonth: 8, progress: 'done', completedOn: '2020-08-20' },
    { id: 2, projectId: 'p', month: 7, text: '培训', owner: '', dueDate: '', status: 'open', closedMonth: null },
    { id: 3, projectId: 'q', month: 7, text: '别的项目', owner: '', dueDate: '', status: 'open', closedMonth: null },
  ]
  const decisions = [
    { projectId: 'p', month: 6 as const, decision: 'adjustTarget' as const, remark: '' },
    { projectId: 'p', month: 7 as const, decision: 'continue' as const, remark: '加快' },
    { projectId: 'p', month: 9 as const, decision: 'suspend' as const, remark: '' },
  ]
  it.each([
    [7, ['6月会议：调整目标']],
    [9, ['7月会议：继续执行（加快）回访（王，期限 2020-08-15）：已完成（逾期完成，2020-08-20）培训（未定责任人）：未开始', '6月会议：调整目标']],
  ] as const)('at %s月 shows earlier meetings newest first with their follow-up', (month, expected) => {
    const earlier = earlierDecisions('p', decisions, items, month, '2020-10-01')
    const w = mount(MeetingEarlierDecisions, { props: { earlier } })
    expect(w.findAll('[data-test="earlier-decision"]').map((li) => li.text().replace(/\s+/g, ''))).toEqual(expected.map((t) => t.replace(/\s+/g, '')))
  })
  it('shows nothing at the first meeting', () => {
    expect(mount(MeetingEarlierDecisions, { props: { earlier: earlierDecisions('p', decisions, items, 6, '2020-07-01') } }).html()).not.toContain('以往决定')
  })
})
