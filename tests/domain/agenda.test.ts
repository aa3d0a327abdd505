import { describe, expect, it } from 'vitest'
import {
  actionAtMonth,
  actionsAtMonth,
  buildAgenda,
  describeMismatch,
  effectiveAgendaFlag,
  effectiveAgendaFlags,
  indicatorShortfalls,
  isIsoDate,
  meetingReferenceDate,
  pickIndicators,
  type ActionItem,
  type AgendaFlag,
  type AgendaInput,
} from '@/domain/agenda'
import { compareLaggingFirst, type ProjectEvaluation } from '@/domain'
import type { Month, Status } from '@/domain/types'
import { demoAt } from '../exporters/demoEvaluations'

/** A minimal evaluation with the given status and spend deviation (个百分点). */
function evaluation(id: string, status: Status, deviation: number | null): ProjectEvaluation {
  return {
    project: { id, name: id },
    status,
    spend: { deviation },
    indicators: [],
  } as unknown as ProjectEvaluation
}

function item(partial: Partial<ActionItem> & { id: number }): ActionItem {
  return { projectId: 'p', month: 7, text: '整改', owner: '张三', dueDate: '2020-08-31', status: 'open', closedMonth: null, ...partial }
}

function input(parts: Partial<AgendaInput>): AgendaInput {
  return { evaluations: [], flags: [], decisions: new Map(), actions: [], month: 7, referenceDate: '2020-08-10', ...parts }
}

/** Flags set in the meeting of 7月 (the month of `input`). */
function flagsAt7(flags: [string, boolean][]): AgendaFlag[] {
  return flags.map(([projectId, isOnAgenda]) => ({ projectId, month: 7, isOnAgenda }))
}

describe('agenda order', () => {
  it.each<[string, [Status, number | null], [Status, number | null], '<' | '>' | '=']>([
    ['red before yellow, whatever the deviation', ['red', -16], ['yellow', -14.9], '<'],
    ['yellow before green', ['yellow', 0], ['green', -4], '<'],
    ['green before 未填报', ['green', 0], ['unreported', null], '<'],
    ['larger shortfall first within red', ['red', -30], ['red', -21.25], '<'],
    ['smaller shortfall later within yellow', ['yellow', -6], ['yellow', -8.33], '>'],
    ['未填报 deviation after a known one', ['yellow', null], ['yellow', 2], '>'],
    ['equal keys tie', ['red', -20], ['red', -20], '='],
  ])('%s', (_, [sa, da], [sb, db], expected) => {
    const result = Math.sign(compareLaggingFirst(evaluation('a', sa, da), evaluation('b', sb, db)))
    expect(result).toBe({ '<': -1, '>': 1, '=': 0 }[expected])
  })

  it('lists the demo lagging projects at 7月: 红 by deviation, then 黄 by deviation', () => {
    const demo = demoAt(7)
    const agenda = buildAgenda(input({ evaluations: demo.evaluations }))
    expect(agenda.entries.map((e) => [e.evaluation.project.name, e.evaluation.status])).toEqual([
      ['法制工作专项经费', 'red'],
      ['依法治区及普法宣传经费', 'red'],
      ['人民调解员补贴', 'yellow'],
      ['社区矫正经费', 'yellow'],
    ])
    expect(agenda.entries.every((e) => e.reasons.includes('lagging'))).toBe(true)
  })
})

describe('manual 会议关注', () => {
  const evaluations = [
    evaluation('green-1', 'green', 1),
    evaluation('red-1', 'red', -20),
    evaluation('yellow-1', 'yellow', -6),
    evaluation('green-2', 'green', -3),
  ]
  it.each<[string, [string, boolean][], string[], string[]]>([
    ['automatic: lagging only', [], ['red-1', 'yellow-1'], []],
    ['added green project goes after the lagging ones', [['green-2', true]], ['red-1', 'yellow-1', 'green-2'], []],
    ['removed lagging project leaves the agenda but is listed', [['red-1', false]], ['yellow-1'], ['red-1']],
    ['a removed green project is simply absent', [['green-1', false]], ['red-1', 'yellow-1'], []],
    ['two added greens keep deviation order', [['green-1', true], ['green-2', true]], ['red-1', 'yellow-1', 'green-2', 'green-1'], []],
  ])('%s', (_, flags, ids, removed) => {
    const agenda = buildAgenda(input({ evaluations, flags: flagsAt7(flags) }))
    expect(agenda.entries.map((e) => e.evaluation.project.id)).toEqual(ids)
    expect(agenda.removed.map((e) => e.project.id)).toEqual(removed)
  })

  it('marks why each project is there', () => {
    const agenda = buildAgenda(
      input({
        evaluations,
        flags: flagsAt7([['red-1', true], ['green-1', true]]),
        actions: [item({ id: 1, projectId: 'green-2', month: 6 })],
      }),
    )
    const reasons = Object.fromEntries(agenda.entries.map((e) => [e.evaluation.project.id, e.reasons]))
    expect(reasons).toEqual({
      'red-1': ['lagging', 'manual'],
      'yellow-1': ['lagging'],
      'green-1': ['manual'],
      'green-2': ['openActions'],
    })
  })
})

describe('会议关注 per meeting', () => {
  const flag = (projectId: string, month: Month, isOnAgenda: boolean | null): AgendaFlag => ({ projectId, month, isOnAgenda })
  it.each<[string, AgendaFlag[], Month, boolean | null]>([
    ['no flag: automatic', [], 7, null],
    ['a flag applies from its own meeting', [flag('p', 7, false)], 7, false],
    ['a flag does not reach back to earlier meetings', [flag('p', 7, false)], 6, null],
    ['a flag keeps following the project in later meetings', [flag('p', 7, true)], 8, true],
    ['the latest flag at or before the month wins', [flag('p', 5, true), flag('p', 7, false)], 6, true],
    // Issue 11: a removal holds for its own meeting only; a lagging project is back next month.
    ['a removal holds for its own meeting', [flag('p', 7, false)], 7, false],
    ['a removal does not follow the project to later meetings', [flag('p', 7, false)], 8, null],
    ['…and it ends an earlier addition', [flag('p', 5, true), flag('p', 7, false)], 9, null],
    ['an addition after a removal carries on', [flag('p', 7, false), flag('p', 8, true)], 10, true],
    ['恢复 (null) is automatic again from its month on', [flag('p', 5, false), flag('p', 7, null)], 8, null],
    ['恢复 leaves the months before it alone', [flag('p', 5, false), flag('p', 7, null)], 5, false],
    ['order of the stored rows does not matter', [flag('p', 8, null), flag('p', 3, true)], 5, true],
  ])('%s', (_, flags, month, expected) => {
    expect(effectiveAgendaFlag(flags, month)).toBe(expected)
  })

  it('resolves every project at once and leaves automatic ones out', () => {
    const flags = [flag('a', 7, false), flag('b', 5, true), flag('b', 6, null), flag('c', 6, true), flag('d', 8, true), flag('e', 6, false)]
    expect(effectiveAgendaFlags(flags, 7)).toEqual(new Map([['a', false], ['c', true]]))
    expect(effectiveAgendaFlags(flags, 8)).toEqual(new Map([['c', true], ['d', true]]))
  })

  it('removing a project at 7月 leaves the 5月 and 6月 agendas untouched; adding one at 7月 carries to 8月', () => {
    const evaluations = [evaluation('lagging', 'red', -20), evaluation('calm', 'green', 0)]
    const flags = [flag('lagging', 7, false), flag('calm', 7, true)]
    const ids = (month: Month) => buildAgenda(input({ evaluations, flags, month })).entries.map((e) => e.evaluation.project.id)
    expect(ids(5)).toEqual(['lagging'])
    expect(ids(6)).toEqual(['lagging'])
    expect(ids(7)).toEqual(['calm'])
    // The removal was for 7月 only: still lagging at 8月, the project is back (issue 11).
    expect(ids(8)).toEqual(['lagging', 'calm'])
  })

  it('法律援助经费 removed by hand at 7月 and 黄 at 8月 is on the 8月 agenda', () => {
    const legalAid = (status: Status) => evaluation('法律援助经费', status, status === 'green' ? -1 : -8)
    const flags = [flag('法律援助经费', 7, false)]
    const at7 = buildAgenda(input({ evaluations: [legalAid('yellow')], flags, month: 7 }))
    expect(at7.entries).toEqual([])
    expect(at7.removed.map((e) => e.project.id)).toEqual(['法律援助经费'])
    const at8 = buildAgenda(input({ evaluations: [legalAid('yellow')], flags, month: 8, referenceDate: '2020-09-01' }))
    expect(at8.entries.map((e) => [e.evaluation.project.id, e.reasons])).toEqual([['法律援助经费', ['lagging']]])
    expect(at8.removed).toEqual([])
  })
})

describe('meeting reference date (逾期 is judged at the meeting, not at the computer’s clock)', () => {
  it.each<[number, Month, string, string]>([
    [2020, 7, '2026-11-26', '2020-08-01'],
    [2020, 9, '2026-11-26', '2020-10-01'],
    [2020, 12, '2026-11-26', '2021-01-01'],
    [2020, 7, '2020-07-20', '2020-07-20'],
    [2020, 7, '2020-08-01', '2020-08-01'],
    [2020, 7, '2020-08-15', '2020-08-01'],
    [2026, 11, '2026-11-26', '2026-11-26'],
  ])('%i年%i月, today %s → %s', (year, month, today, expected) => {
    expect(meetingReferenceDate(year, month, today)).toBe(expected)
  })

  it('does not flag the demo’s 2020 actions as 逾期 when viewed years later', () => {
    const referenceDate = meetingReferenceDate(2020, 7, '2026-11-26')
    const actions = [
      item({ id: 1, dueDate: '2020-08-20' }),
      item({ id: 2, dueDate: '2020-08-31' }),
      item({ id: 3, dueDate: '2020-12-31' }),
      item({ id: 4, dueDate: '2020-07-31' }),
    ]
    expect(actionsAtMonth(actions, 7, referenceDate).filter((a) => a.isOverdue).map((a) => a.item.id)).toEqual([4])
    // At the 9月 meeting, the ones due in August are overdue.
    const september = actionsAtMonth(actions, 9, meetingReferenceDate(2020, 9, '2026-11-26'))
    expect(september.filter((a) => a.isOverdue).map((a) => a.item.id)).toEqual([4, 1, 2])
  })
})

describe('action items across meetings', () => {
  type Seen = { state: string; isCarriedOver: boolean; isOverdue: boolean } | null
  it.each<[string, Partial<ActionItem>, Month, Seen]>([
    ['new in this meeting', { month: 7 }, 7, { state: 'open', isCarriedOver: false, isOverdue: false }],
    ['not yet created at an earlier meeting', { month: 8 }, 7, null],
    ['open from 7月 carries over to 8月', { month: 7 }, 8, { state: 'open', isCarriedOver: true, isOverdue: false }],
    ['open from 7月 still carries over to 11月', { month: 7 }, 11, { state: 'open', isCarriedOver: true, isOverdue: false }],
    ['closed at 8月 shows as closed in 8月', { month: 7, status: 'closed', closedMonth: 8 }, 8, { state: 'closed', isCarriedOver: false, isOverdue: false }],
    ['closed at 8月 is gone from 9月', { month: 7, status: 'closed', closedMonth: 8 }, 9, null],
    ['closed at 9月 was still open at 8月', { month: 7, status: 'closed', closedMonth: 9 }, 8, { state: 'open', isCarriedOver: true, isOverdue: false }],
    ['closed without a month counts as closed where it began', { month: 7, status: 'closed', closedMonth: null }, 8, null],
    ['overdue when 期限 is before the meeting’s reference date',  { dueDate: '2020-08-09' }, 7, { state: 'open', isCarriedOver: false, isOverdue: true }],
    ['due on the reference date is not overdue', { dueDate: '2020-08-10' }, 7, { state: 'open', isCarriedOver: false, isOverdue: false }],
    ['a closed item is never overdue', { dueDate: '2020-01-01', status: 'closed', closedMonth: 7 }, 7, { state: 'closed', isCarriedOver: false, isOverdue: false }],
  ])('%s', (_, partial, month, expected) => {
    const action = actionAtMonth(item({ id: 1, ...partial }), month, '2020-08-10')
    expect(action === null ? null : { state: action.state, isCarriedOver: action.isCarriedOver, isOverdue: action.isOverdue }).toEqual(expected)
  })

  it('sorts open before closed, overdue first, then by 期限', () => {
    const actions = actionsAtMonth(
      [
        item({ id: 1, dueDate: '2020-09-30' }),
        item({ id: 2, status: 'closed', closedMonth: 8, dueDate: '2020-07-01' }),
        item({ id: 3, dueDate: '2020-08-01' }),
        item({ id: 4, dueDate: '2020-08-20' }),
      ],
      8,
      '2020-08-10',
    )
    expect(actions.map((a) => a.item.id)).toEqual([3, 4, 1, 2])
  })

  it('counts open and overdue actions per agenda entry and keeps decisions', () => {
    const agenda = buildAgenda(
      input({
        evaluations: [evaluation('red-1', 'red', -20)],
        month: 8,
        actions: [
          item({ id: 1, projectId: 'red-1', dueDate: '2020-08-01' }),
          item({ id: 2, projectId: 'red-1', dueDate: '2020-12-01' }),
          item({ id: 3, projectId: 'red-1', status: 'closed', closedMonth: 7 }),
        ],
        decisions: new Map([['red-1', { projectId: 'red-1', month: 8, decision: 'adjustBudget', remark: '' }]]),
      }),
    )
    const [entry] = agenda.entries
    expect(entry?.openActionCount).toBe(2)
    expect(entry?.overdueActionCount).toBe(1)
    expect(entry?.actions.map((a) => a.item.id)).toEqual([1, 2])
    expect(entry?.decision?.decision).toBe('adjustBudget')
  })
})

describe('helpers', () => {
  it('lists indicator shortfalls red first and leaves out 未填报', () => {
    const demo = demoAt(7)
    const correction = demo.evaluations.find((e) => e.project.name === '社区矫正经费')!
    expect(indicatorShortfalls(correction).map((e) => [e.indicator.name, e.status])).toEqual([['社区矫正宣传场次', 'yellow']])
    const law = demo.evaluations.find((e) => e.project.name === '法制工作专项经费')!
    expect(indicatorShortfalls(law)).toEqual([])
  })

  it.each([
    ['2020-08-31', true],
    ['2020-02-29', true],
    ['2021-02-29', false],
    ['2020-13-01', false],
    ['2020-8-1', false],
    ['', false],
  ])('isIsoDate(%j) = %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected)
  })
})

describe('pickIndicators', () => {
  const list = (statuses: Status[]) => statuses.map((status, i) => ({ status, name: `i${i}` }))
  it.each<[string, Status[], number, string[], number]>([
    ['all fit', ['green', 'red'], 3, ['i0', 'i1'], 0],
    ['keeps shortfalls, in document order', ['green', 'red', 'green', 'yellow'], 2, ['i1', 'i3'], 2],
    ['未填报 before green', ['green', 'unreported', 'green'], 1, ['i1'], 2],
    ['greens by document order when room is left', ['green', 'green', 'red', 'green'], 3, ['i0', 'i1', 'i2'], 1],
  ])('%s', (_, statuses, max, shown, hidden) => {
    const picked = pickIndicators(list(statuses), max)
    expect(picked.shown.map((i) => i.name)).toEqual(shown)
    expect(picked.hidden).toBe(hidden)
  })
})

describe('双监控不一致 on the meeting screens (issue 11 item 7)', () => {
  it.each<[number, string | null]>([
    [6, '双监控不一致：执行率 51.3%，指标平均完成进度 40.0%，相差 11.3 个百分点'],
    [7, '双监控不一致：执行率 60.0%，指标平均完成进度 46.7%，相差 13.3 个百分点'],
    [3, null],
  ])('社区矫正经费 at %i月: %s', (month, text) => {
    const e = demoAt(month as Month).evaluations.find((x) => x.project.name === '社区矫正经费')!
    expect(describeMismatch(e)).toBe(text)
  })
  it('a project without the flag has no line', () => {
    const e = demoAt(7).evaluations.find((x) => x.project.name === '法律援助经费')!
    expect(describeMismatch(e)).toBeNull()
  })
})
