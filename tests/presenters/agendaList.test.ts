import { describe, expect, it } from 'vitest'
import type { AgendaEntry } from '@/domain/agenda'
import type { Status } from '@/domain/types'
import { agendaCandidates, EMPTY_AGENDA_QUERY, filterAgenda, firstItemsOf, MAX_AGENDA_CANDIDATES, pageAgenda, type AgendaListQuery } from '@/presenters/agendaList'

/** An agenda entry with only what the list reads (department, name, code, status). */
function entry(departmentCode: string, code: string, name: string, status: Status): AgendaEntry {
  return { evaluation: { project: { departmentCode, code, name }, status } } as unknown as AgendaEntry
}

// Agenda order (most urgent first), departments interleaved as buildAgenda ranks them.
const AGENDA = [
  entry('400002', 'B-01', '公安信息化建设运维', 'red'),
  entry('400001', 'A-01', '教育设备购置', 'red'),
  entry('400002', 'B-02', '公安宣传培训经费', 'yellow'),
  entry('400003', 'C-01', '民政公共服务补助', 'yellow'),
  entry('400001', 'A-02', '教育专项督查经费', 'yellow'),
]
const NAMES = new Map([
  ['400001', '市教育局'],
  ['400002', '市公安局'],
])
const codes = (items: { entry: AgendaEntry }[]) => items.map((i) => i.entry.evaluation.project.code)

describe('filterAgenda', () => {
  it.each<[string, Partial<AgendaListQuery>, string[]]>([
    ['everything when nothing is chosen', {}, ['B-01', 'A-01', 'B-02', 'C-01', 'A-02']],
    ['one department', { departmentCode: '400001' }, ['A-01', 'A-02']],
    ['one status', { statuses: ['red'] }, ['B-01', 'A-01']],
    ['a part of the name', { text: '宣传' }, ['B-02']],
    ['a part of the code, any case, spaces ignored', { text: ' c-0 ' }, ['C-01']],
    ['department and status together', { departmentCode: '400002', statuses: ['yellow'] }, ['B-02']],
    ['nothing when nothing matches', { text: '水利' }, []],
  ])('shows %s', (_, query, expected) => {
    expect(codes(filterAgenda(AGENDA, { ...EMPTY_AGENDA_QUERY, ...query }))).toEqual(expected)
  })

  it('keeps each item’s rank on the whole agenda', () => {
    expect(filterAgenda(AGENDA, { ...EMPTY_AGENDA_QUERY, departmentCode: '400001' }).map((i) => i.rank)).toEqual([2, 5])
  })
})

describe('pageAgenda', () => {
  it('groups by department in the order of each department’s most urgent item', () => {
    const page = pageAgenda(AGENDA, EMPTY_AGENDA_QUERY, NAMES, 1)
    expect(page.groups.map((g) => [g.departmentName, codes([...g.items])])).toEqual([
      ['市公安局', ['B-01', 'B-02']],
      ['市教育局', ['A-01', 'A-02']],
      // A department the scope does not name is shown by its code.
      ['400003', ['C-01']],
    ])
    expect(page).toMatchObject({ matched: 5, page: 1, pageCount: 1, hasHeadings: true })
  })

  it('cuts the groups into pages and marks a group carried over from the page before', () => {
    const second = pageAgenda(AGENDA, EMPTY_AGENDA_QUERY, NAMES, 2, 3)
    expect(second.pageCount).toBe(2)
    expect(second.groups.map((g) => [g.departmentCode, g.isContinued, codes([...g.items])])).toEqual([
      ['400001', true, ['A-02']],
      ['400003', false, ['C-01']],
    ])
    expect(pageAgenda(AGENDA, EMPTY_AGENDA_QUERY, NAMES, 1, 3).groups[0]?.isContinued).toBe(false)
  })

  it.each([
    [0, 1],
    [7, 2],
    [1.5, 1],
  ])('clamps page %s to page %s', (asked, shown) => {
    expect(pageAgenda(AGENDA, EMPTY_AGENDA_QUERY, NAMES, asked, 3).page).toBe(shown)
  })

  it('puts no headings over a one-department agenda (the demo looks as before)', () => {
    const page = pageAgenda(AGENDA, { ...EMPTY_AGENDA_QUERY, departmentCode: '400002' }, NAMES, 1)
    expect(page.hasHeadings).toBe(false)
    expect(pageAgenda([], EMPTY_AGENDA_QUERY, NAMES, 1)).toMatchObject({ groups: [], matched: 0, pageCount: 1 })
  })

  it('puts only one page of a bureau’s hundreds of lagging projects on screen', () => {
    const many = Array.from({ length: 900 }, (_, i) => entry(String(400_001 + (i % 200)), `P-${i}`, `项目${i}`, i % 3 === 0 ? 'red' : 'yellow'))
    const page = pageAgenda(many, EMPTY_AGENDA_QUERY, NAMES, 3)
    expect(page.groups.flatMap((g) => g.items)).toHaveLength(20)
    expect(page.pageCount).toBe(45)
  })
})

describe('agendaCandidates', () => {
  const project = (id: string, name: string) => ({ project: { id, code: id.toUpperCase(), name } })
  const SCOPE = [project('p-1', '教育设备购置'), project('p-2', '公安宣传培训经费'), project('p-3', '教育专项督查经费'), project('p-4', '民政宣传补助')]
  const ON_AGENDA = [{ evaluation: SCOPE[0] }] as unknown as AgendaEntry[]
  const ids = (list: { project: { id: string } }[]) => list.map((e) => e.project.id)

  it.each<[string, string, string[]]>([
    ['every project not on the agenda, in the scope’s order', '', ['p-2', 'p-3', 'p-4']],
    ['those whose name holds the typed text', '宣传', ['p-2', 'p-4']],
    ['those whose code holds it, any case, spaces ignored', ' p-3 ', ['p-3']],
    ['none on the agenda even when they match', '教育', ['p-3']],
    ['nothing when nothing matches', '水利', []],
  ])('offers %s', (_, text, expected) => {
    expect(ids(agendaCandidates(SCOPE, ON_AGENDA, text))).toEqual(expected)
  })

  it('stops at the first matches of a bureau’s thousands of projects', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => project(`p-${i}`, `项目${i}`))
    expect(agendaCandidates(many, [], '')).toHaveLength(MAX_AGENDA_CANDIDATES)
    expect(ids(agendaCandidates(many, [], '项目99', 3))).toEqual(['p-99', 'p-990', 'p-991'])
  })
})

describe('firstItemsOf', () => {
  const page = pageAgenda(AGENDA, EMPTY_AGENDA_QUERY, NAMES, 1)
  it.each<[number, [string, string[]][]]>([
    [1, [['400002', ['B-01']]]],
    [3, [['400002', ['B-01', 'B-02']], ['400001', ['A-01']]]],
    [5, [['400002', ['B-01', 'B-02']], ['400001', ['A-01', 'A-02']], ['400003', ['C-01']]]],
    [9, [['400002', ['B-01', 'B-02']], ['400001', ['A-01', 'A-02']], ['400003', ['C-01']]]],
  ])('keeps the first %s items in their groups', (count, expected) => {
    const first = firstItemsOf(page, count)
    expect(first.groups.map((g) => [g.departmentCode, codes([...g.items])])).toEqual(expected)
    // What the pager and the filters read stays the whole page's.
    expect(first).toMatchObject({ matched: 5, page: 1, pageCount: 1, hasHeadings: true })
  })
})
