import { describe, expect, it } from 'vitest'
import {
  DEFAULT_TABLE_QUERY,
  filterProjects,
  hasEnteredSpending,
  isSpendingEntered,
  mostLagging,
  pageOf,
  queryPage,
  queryProjects,
  sortProjects,
  tallyIndicators,
} from '@/domain/projectTable'
import { evaluateProject, type Month, type ProjectEvaluation } from '@/domain'
import { formatCoverage } from '@/domain/format'
import { DEMO_ITEMS, demoEvaluations } from '../charts/demoFixture'

const JULY = demoEvaluations(7)
const names = (rows: readonly ProjectEvaluation[]) => rows.map((e) => e.project.name)

describe('project table at the demo 7月', () => {
  it('lists lagging projects first: 红 by largest shortfall, then 黄, then 绿', () => {
    expect(names(queryProjects(JULY, DEFAULT_TABLE_QUERY))).toEqual([
      '法制工作专项经费',
      '依法治区及普法宣传经费',
      '人民调解员补贴',
      '社区矫正经费',
      '法律援助经费',
    ])
  })

  it.each([
    ['executionRate', 'asc', ['法制工作专项经费', '依法治区及普法宣传经费', '人民调解员补贴', '法律援助经费', '社区矫正经费']],
    ['budget', 'desc', ['人民调解员补贴', '社区矫正经费', '法制工作专项经费', '法律援助经费', '依法治区及普法宣传经费']],
    ['deviation', 'desc', ['社区矫正经费', '法律援助经费', '人民调解员补贴', '依法治区及普法宣传经费', '法制工作专项经费']],
    ['code', 'asc', ['依法治区及普法宣传经费', '人民调解员补贴', '法制工作专项经费', '社区矫正经费', '法律援助经费']],
  ] as const)('sorts by %s %s', (key, direction, expected) => {
    expect(names(sortProjects(JULY, key, direction))).toEqual(expected)
  })

  it('sorts 未填报 (null) last in both directions', () => {
    const march = demoEvaluations(3)
    const blank = { ...march[0]!, spend: { ...march[0]!.spend, executionRate: null, deviation: null } }
    const rows = [blank, ...march.slice(1)]
    expect(sortProjects(rows, 'executionRate', 'asc').at(-1)).toBe(blank)
    expect(sortProjects(rows, 'executionRate', 'desc').at(-1)).toBe(blank)
  })

  it('filters by status and by part of a name or code', () => {
    expect(names(filterProjects(JULY, { statuses: ['red'], text: '' }))).toEqual(['法制工作专项经费', '依法治区及普法宣传经费'])
    expect(names(filterProjects(JULY, { statuses: ['yellow', 'green'], text: '调解' }))).toEqual(['人民调解员补贴'])
    expect(names(filterProjects(JULY, { statuses: [], text: ' flc6 ' }))).toEqual(['法律援助经费'])
    expect(filterProjects(JULY, { statuses: [], text: '' })).toBe(JULY)
  })

  it('tallies indicators by status', () => {
    const rule = JULY.find((e) => e.project.name === '法制工作专项经费')!
    expect(tallyIndicators(rule)).toEqual({ total: 3, met: 2, yellow: 0, red: 0, unreported: 1 })
  })

  it('picks the most lagging projects for the chart', () => {
    expect(names(mostLagging(JULY, 2))).toEqual(['法制工作专项经费', '依法治区及普法宣传经费'])
  })

  it('pages rows and clamps the page number', () => {
    const rows = Array.from({ length: 120 }, (_, i) => i)
    expect(pageOf(rows, 3, 50)).toEqual({ rows: rows.slice(100), page: 3, pageCount: 3 })
    expect(pageOf(rows, 9, 50).page).toBe(3)
    expect(pageOf([], 1, 50)).toEqual({ rows: [], page: 1, pageCount: 1 })
  })

  // Copies of the demo's projects at three months: many ties, told apart by their ids.
  const copies = [3, 6, 7].flatMap((m, k) =>
    Array.from({ length: 40 }, (_, i) => demoEvaluations(m as Month).map((e) => ({ ...e, project: { ...e.project, id: `${e.project.id}#${k}.${i}` } }))).flat(),
  )
  const ids = (rows: readonly ProjectEvaluation[]) => rows.map((e) => e.project.id)
  const SORTS = (['lagging', 'code', 'name', 'budget', 'executed', 'executionRate', 'planned', 'deviation', 'indicators', 'status', 'forecast'] as const).flatMap(
    (key) => (['asc', 'desc'] as const).map((direction) => [key, direction] as const),
  )
  it.each(SORTS)('sorts only as far as asked by %s %s, the same rows as the full sort', (key, direction) => {
    const full = sortProjects(copies, key, direction)
    for (const limit of [0, 1, 30, 50, 150, copies.length + 1]) {
      expect(ids(sortProjects(copies, key, direction, limit))).toEqual(ids(full.slice(0, limit)))
    }
    const query = { ...DEFAULT_TABLE_QUERY, sortKey: key, direction, statuses: ['red' as const, 'yellow' as const] }
    const listed = queryProjects(copies, query)
    for (const page of [0, 1, 2, 3, 99]) {
      const { rows, ...rest } = pageOf(listed, page, 50)
      const shown = queryPage(copies, query, page, 50)
      expect({ ...shown, rows: ids(shown.rows) }).toEqual({ ...rest, rows: ids(rows), total: listed.length })
    }
  })

  // Speed at this size is measured by `npm run bench`, not here.
  it('filters thousands of projects by name without losing any', () => {
    const many = Array.from({ length: 2000 }, () => JULY).flat()
    expect(queryProjects(many, { ...DEFAULT_TABLE_QUERY, text: '经费' })).toHaveLength(8000)
  })
})

describe('what the summary can say about entered spending', () => {
  it('knows whether any spending is entered in months 1..m (a 0 is entered, a blank is not)', () => {
    expect(hasEnteredSpending(JULY)).toBe(true)
    // 8月 is blank everywhere, but 1–7月 are entered.
    expect(hasEnteredSpending(demoEvaluations(8))).toBe(true)
    const blank = DEMO_ITEMS.map((item) => evaluateProject({ ...item, spending: [], note: null }, 7))
    expect(hasEnteredSpending(blank)).toBe(false)
    const zeros = DEMO_ITEMS.map((item) =>
      evaluateProject({ ...item, spending: [{ projectId: item.project.id, month: 2, amount: 0 }], note: null }, 3),
    )
    expect(hasEnteredSpending(zeros)).toBe(true)
    expect(hasEnteredSpending([])).toBe(false)
  })

  const item = DEMO_ITEMS[0]!
  it.each<[string, readonly { month: number; amount: number }[], number, boolean]>([
    ['nothing entered', [], 7, false],
    ['only a later month entered', [{ month: 8, amount: 10_000 }], 7, false],
    ['a true 0 entered', [{ month: 2, amount: 0 }], 3, true],
    ['earlier months entered, the as-of month blank', [{ month: 1, amount: 10_000 }], 9, true],
  ])('a project with %s (%j at %i月): spending entered in 1..m is %s', (_name, rows, m, entered) => {
    const spending = rows.map((r) => ({ projectId: item.project.id, month: r.month as Month, amount: r.amount }))
    expect(isSpendingEntered(evaluateProject({ ...item, spending, note: null }, m as Month))).toBe(entered)
  })

  it('sorts a project with nothing entered last by 执行数, in either direction', () => {
    const withBlank = JULY.map((e, i) => (i === 0 ? evaluateProject({ ...DEMO_ITEMS[0]!, spending: [], note: null }, 7) : e))
    for (const direction of ['asc', 'desc'] as const) {
      expect(sortProjects(withBlank, 'executed', direction).at(-1)?.project.code).toBe(DEMO_ITEMS[0]!.project.code)
    }
  })

  it.each([
    [5, 5, null],
    [6, 5, null],
    [4, 5, '按已填报的 4/5 个项目计算'],
    [0, 5, '本月尚无项目填报支出'],
  ] as const)('words the coverage of a department rate: %i of %i → %s', (reported, total, expected) => {
    expect(formatCoverage(reported, total)).toBe(expected)
  })
})
