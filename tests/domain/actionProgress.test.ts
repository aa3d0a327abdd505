import { describe, expect, it } from 'vitest'
import { actionProgressOf, describeActionProgress, isCompletedLate, statusOfProgress, type ActionLifecycleFields } from '@/domain/actionProgress'
import { actionAtMonth, type ActionItem } from '@/domain/agenda'

describe('整改进度 of stored rows', () => {
  it.each<[string, Pick<ActionLifecycleFields, 'status' | 'progress'>, string]>([
    ['an old open row is 未开始', { status: 'open' }, 'notStarted'],
    ['an old closed row is 已完成', { status: 'closed' }, 'done'],
    ['a row marked 进行中', { status: 'open', progress: 'inProgress' }, 'inProgress'],
    ['a row marked 未开始', { status: 'open', progress: 'notStarted' }, 'notStarted'],
    ['a closed row is 已完成 whatever its progress says', { status: 'closed', progress: 'inProgress' }, 'done'],
    ['a reopened row (done but open again) is 进行中', { status: 'open', progress: 'done' }, 'inProgress'],
  ])('%s', (_, item, expected) => {
    expect(actionProgressOf(item)).toBe(expected)
  })

  it.each([
    ['notStarted', 'open'],
    ['inProgress', 'open'],
    ['done', 'closed'],
  ] as const)('%s is stored as %s', (progress, status) => {
    expect(statusOfProgress(progress)).toBe(status)
  })
})

describe('逾期完成', () => {
  const done = (dueDate: string, completedOn: string | undefined): ActionLifecycleFields => ({ status: 'closed', progress: 'done', dueDate, completedOn })
  it.each<[string, ActionLifecycleFields, boolean, string]>([
    ['completed after 期限', done('2020-08-15', '2020-08-20'), true, '已完成（逾期完成，2020-08-20）'],
    ['completed on 期限', done('2020-08-15', '2020-08-15'), false, '已完成（2020-08-15）'],
    ['completed before 期限', done('2020-08-15', '2020-08-01'), false, '已完成（2020-08-01）'],
    ['no 期限', done('', '2020-08-20'), false, '已完成（2020-08-20）'],
    ['an old closed row without a date', done('2020-08-15', undefined), false, '已完成'],
    ['still open', { status: 'open', progress: 'inProgress', dueDate: '2020-08-15', completedOn: '2020-08-20' }, false, '进行中'],
  ])('%s', (_, item, isLate, text) => {
    expect(isCompletedLate(item)).toBe(isLate)
    expect(describeActionProgress(item, false)).toBe(text)
  })

  it('says 逾期 of an open item past its 期限', () => {
    expect(describeActionProgress({ status: 'open', progress: 'inProgress', dueDate: '2020-08-15' }, true)).toBe('进行中（逾期）')
  })
})

describe('the lifecycle across meetings', () => {
  const item: ActionItem = {
    id: 1, projectId: 'p', month: 7, text: '加快支付', owner: '李', dueDate: '2020-08-15',
    status: 'closed', closedMonth: 8, progress: 'done', completedOn: '2020-08-20', completionNote: '已支付', evidence: '支付凭证.pdf',
  }
  it('is 进行中 at the meeting before the one that closed it, and not yet 逾期完成', () => {
    expect(actionAtMonth(item, 7, '2020-08-01')).toMatchObject({ state: 'open', progress: 'inProgress', isCompletedLate: false })
  })
  it('keeps 逾期完成 at the meeting that closed it', () => {
    expect(actionAtMonth(item, 8, '2020-09-01')).toMatchObject({ state: 'closed', progress: 'done', isCompletedLate: true, isOverdue: false })
  })
  it('shows an old open row as 未开始', () => {
    expect(actionAtMonth({ ...item, status: 'open', closedMonth: null, progress: undefined }, 8, '2020-08-01')).toMatchObject({ progress: 'notStarted', isOverdue: false })
  })
})
