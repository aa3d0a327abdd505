import { describe, expect, it } from 'vitest'
import {
  buildMonthGrid,
  buildProjectGrid,
  entryTargetOf,
  formatTarget,
  indicatorKey,
  isEditableItem,
  spendingKey,
  type EntryGridItem,
  type EntryGridRow,
} from '@/presenters/entryGrid'
import type { EntryTarget } from '@/domain/entryValidation'
import type { ProjectData } from '@/domain/projectData'
import { evaluateSpend } from '@/domain'
import { formatWan } from '@/domain/money'
import { MONTHS, type Fen, type IndicatorTarget, type Month } from '@/domain/types'
import { dataOf, qualitativeIndicator } from '../domain/entryFactories'
import { manualStatusesOf, SEED_INDICATORS, SEED_PROJECTS, SEED_YEAR, seedIndicator, seedSpending, spendingOf, valuesOf } from '../domain/factories'

const P = SEED_PROJECTS
const legalCount = seedIndicator('法律援助经费', 0) // 法律案件受理数 ≥100件, cumulative
const legalRate = seedIndicator('法律援助经费', 1) // 扩大法律援助覆盖面 ≥98%, level
const lawStatus = qualitativeIndicator(P.法制工作专项经费, 3, '制度建设')

/** 法律援助: the seed spending all year, counts in 1, 3, 7, 8月 and a rate in 7月. */
const LEGAL = dataOf('法律援助经费', {
  spending: seedSpending('法律援助经费'),
  values: [...valuesOf(legalCount, { 1: 10, 3: 20, 7: 15, 8: 30 }), ...valuesOf(legalRate, { 7: 99 })],
})
/** 法制: the seed spending, plus a fourth, qualitative indicator set by hand. */
const LAW = dataOf('法制工作专项经费', {
  indicators: [...SEED_INDICATORS.法制工作专项经费, lawStatus],
  spending: seedSpending('法制工作专项经费'),
  values: manualStatusesOf(lawStatus, { 6: 'yellow', 7: 'red' }),
})
/** 依法治区: one indicator only and nothing entered. */
const PUBLICITY_EMPTY = dataOf('依法治区及普法宣传经费', { indicators: [seedIndicator('依法治区及普法宣传经费', 0)] })
/** 依法治区 with the seed spending: over 预算数 from 10月. */
const PUBLICITY = dataOf('依法治区及普法宣传经费', { spending: seedSpending('依法治区及普法宣传经费') })

const NONE = new Set<Month>()

/** What a row shows, item by item: a cell's value, a figure's text, null for no cell. */
const texts = (row: EntryGridRow | undefined) => row?.items.map((item) => (item === null ? null : item.kind === 'figure' ? item.text : item.value))
const asides = (row: EntryGridRow | undefined) => row?.items.map((item) => (isEditableItem(item) ? item.aside : null))

describe('buildMonthGrid', () => {
  const grid = buildMonthGrid([LEGAL, LAW, PUBLICITY_EMPTY], SEED_YEAR, 7, 'wan', NONE)

  it('has the month spending, 执行数, 执行率 and as many indicator columns as the widest project', () => {
    expect(grid.columns).toEqual([
      { key: 'spending', title: '7月支出', subtitle: '万元', isFigure: false },
      { key: 'executed', title: '1–7月执行数', subtitle: '万元', isFigure: true },
      { key: 'rate', title: '执行率', subtitle: '占预算数', isFigure: true },
      { key: 'indicator-0', title: '指标 1', subtitle: '7月', isFigure: false },
      { key: 'indicator-1', title: '指标 2', subtitle: '7月', isFigure: false },
      { key: 'indicator-2', title: '指标 3', subtitle: '7月', isFigure: false },
      { key: 'indicator-3', title: '指标 4', subtitle: '7月', isFigure: false },
    ])
  })

  it.each<[string, number, readonly (string | null)[]]>([
    // 1.56 万元 executed of 3 万元 by 7月; later months are not counted.
    ['法律援助经费', 0, ['0.06', '1.56', '52.0%', '15', '99', '', null]],
    ['法制工作专项经费', 1, ['0.40', '1.20', '30.0%', '', '', '', '红']],
    // Nothing entered: blank cells, 执行数 未填报 and 执行率 — (a blank is not 0), missing indicators are null.
    ['依法治区及普法宣传经费', 2, ['', '未填报', '—', '', null, null, null]],
  ])('%s: one row with the month value of every cell', (title, index, expected) => {
    const row = grid.rows[index]
    expect(row?.title).toBe(title)
    expect(texts(row)).toEqual(expected)
  })

  it('shows the running total with the target beside a count, the target beside a level or status', () => {
    expect(asides(grid.rows[0])).toEqual(['', null, null, '累计 45 / ≥100件', '目标 ≥98%', '目标 ≥98%', null])
    expect(asides(grid.rows[1])?.[6]).toBe('目标 按计划实施')
  })

  it.each<[string, ProjectData, Month, string]>([
    // A blank month is not 0: the total says which month it runs to.
    ['before a later entry', LEGAL, 2, '累计 10（至1月） / ≥100件'],
    ['through the month', LEGAL, 7, '累计 45 / ≥100件'],
    ['after the last entry', LEGAL, 12, '累计 75（至8月） / ≥100件'],
    ['with nothing entered', dataOf('人民调解员补贴'), 7, '累计 — / ≥100件'],
  ])('running total of a count %s', (_, data, month, expected) => {
    const [row] = buildMonthGrid([data], SEED_YEAR, month, 'wan', NONE).rows
    expect(asides(row)?.[3]).toBe(expected)
  })

  it('names each cell kind and labels indicator cells with the indicator name', () => {
    const kinds = grid.rows[1]?.items.map((item) => item?.kind ?? null)
    expect(kinds).toEqual(['money', 'figure', 'figure', 'level', 'level', 'level', 'status'])
    const labels = grid.rows[0]?.items.map((item) => (isEditableItem(item) ? item.label : undefined))
    expect(labels).toEqual([null, undefined, undefined, '法律案件受理数', '扩大法律援助覆盖面', '法律顾问受理案件率', undefined])
  })

  it('titles each row with the project, its code and 预算数', () => {
    expect(grid.rows.map((row) => [row.key, row.subtitle])).toEqual([
      [P.法律援助经费.id, '315-0404-JBN-FLC6 · 预算 3.00 万元'],
      [P.法制工作专项经费.id, '315-0403-JBN-QFV8 · 预算 4.00 万元'],
      [P.依法治区及普法宣传经费.id, '315-0401-JBN-GH9H · 预算 2.00 万元'],
    ])
  })

  it('says where each editable cell goes, by key', () => {
    expect(grid.metas.size).toBe(3 + 3 + 4 + 1)
    expect(grid.metas.get(spendingKey(P.法律援助经费.id, 7))).toEqual({
      target: { kind: 'spending', unit: 'wan' },
      projectId: P.法律援助经费.id,
      indicatorId: null,
      year: SEED_YEAR,
      month: 7,
      isLocked: false,
      budget: 3_000_000,
      label: '法律援助经费 · 7月支出',
    })
    expect(grid.metas.get(indicatorKey(legalCount.id, 7))).toMatchObject({
      target: { kind: 'count', unit: '件' },
      indicatorId: legalCount.id,
      label: '法律援助经费 · 7月「法律案件受理数」',
    })
    expect(grid.metas.get(indicatorKey(lawStatus.id, 7))?.target).toEqual({ kind: 'status' })
  })

  it('keeps the stored spending of every project by month in 分', () => {
    expect(grid.spending.get(P.法律援助经费.id)?.get(7)).toBe(60_000)
    expect(grid.spending.get(P.法律援助经费.id)?.size).toBe(12)
    expect(grid.spending.get(P.依法治区及普法宣传经费.id)?.size).toBe(0)
  })

  it.each<[string, ReadonlySet<Month>, boolean]>([
    ['the month is locked', new Set<Month>([7]), true],
    ['another month is locked', new Set<Month>([6, 8]), false],
    ['nothing is locked', NONE, false],
  ])('makes every row, cell and meta read-only when %s', (_, locked, isLocked) => {
    const locking = buildMonthGrid([LEGAL, LAW], SEED_YEAR, 7, 'wan', locked)
    const cells = locking.rows.flatMap((row) => row.items.filter(isEditableItem))
    expect(locking.rows.map((row) => row.isLocked)).toEqual([isLocked, isLocked])
    expect(new Set(cells.map((cell) => cell.isLocked))).toEqual(new Set([isLocked]))
    expect(new Set([...locking.metas.values()].map((meta) => meta.isLocked))).toEqual(new Set([isLocked]))
  })

  it('shows money in 元 when the unit is yuan', () => {
    const yuan = buildMonthGrid([LEGAL], SEED_YEAR, 7, 'yuan', NONE)
    expect(yuan.columns.slice(0, 2).map((column) => column.subtitle)).toEqual(['元', '元'])
    expect(texts(yuan.rows[0])?.slice(0, 3)).toEqual(['600.00', '15,600.00', '52.0%'])
    expect(yuan.rows[0]?.items[1]).toMatchObject({ kind: 'figure', title: '1–7月执行数：1.56 万元（15,600.00 元）', testId: 'executed' })
  })

  it('shows 执行数 in 万元 with 2 decimals however many the months add up to (exact in its title)', () => {
    const data = dataOf('法律援助经费', {
      spending: [
        { projectId: P.法律援助经费.id, month: 1, amount: 167_500 },
        { projectId: P.法律援助经费.id, month: 2, amount: 200_000 },
      ],
    })
    const [row] = buildMonthGrid([data], SEED_YEAR, 2, 'wan', NONE).rows
    expect(texts(row)?.slice(0, 3)).toEqual(['0.20', '0.37', '12.3%'])
    expect(row?.items[1]).toMatchObject({ title: '1–2月执行数：0.3675 万元（3,675.00 元）' })
  })

  it('shows the level value still standing beside the target when the month is blank', () => {
    const data = dataOf('法律援助经费', { values: valuesOf(legalRate, { 6: 98.5 }) })
    const at = (month: Month) => asides(buildMonthGrid([data], SEED_YEAR, month, 'wan', NONE).rows[0])?.[4]
    expect(at(8)).toBe('目标 ≥98% · 现值 98.5%（6月）')
    expect(at(6)).toBe('目标 ≥98%')
    expect(at(5)).toBe('目标 ≥98%')
  })

  it('names each input for screen readers by project, month and column, not by its key', () => {
    const names = grid.rows[0]?.items.filter(isEditableItem).map((cell) => cell.name)
    expect(names).toEqual([
      '法律援助经费 · 7月支出',
      '法律援助经费 · 7月「法律案件受理数」',
      '法律援助经费 · 7月「扩大法律援助覆盖面」',
      '法律援助经费 · 7月「法律顾问受理案件率」',
    ])
  })

  it('is empty for no projects', () => {
    const empty = buildMonthGrid([], SEED_YEAR, 7, 'wan', NONE)
    expect([empty.rows.length, empty.columns.length, empty.metas.size]).toEqual([0, 3, 0])
  })
})

describe('buildProjectGrid', () => {
  it('has one column per indicator, titled with its target', () => {
    const grid = buildProjectGrid(LEGAL, 'wan', NONE)
    expect(grid.columns.map((column) => [column.key, column.title, column.subtitle, column.isFigure])).toEqual([
      ['spending', '支出', '万元', false],
      ['executed', '累计执行数', '万元', true],
      ['rate', '执行率', '占预算数', true],
      [legalCount.id, '法律案件受理数', '本月数 · 目标 ≥100件', false],
      [legalRate.id, '扩大法律援助覆盖面', '目标 ≥98%', false],
      [`${P.法律援助经费.id}#2`, '法律顾问受理案件率', '目标 ≥98%', false],
    ])
  })

  it('has a row for each month 1–12, marked 已报送 when locked', () => {
    const grid = buildProjectGrid(LEGAL, 'wan', new Set<Month>([1, 2, 3, 4, 5, 6]))
    expect(grid.rows.map((row) => row.key)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'])
    expect(grid.rows[5]).toMatchObject({ title: '6月', subtitle: '已报送', isLocked: true })
    expect(grid.rows[6]).toMatchObject({ title: '7月', subtitle: '', isLocked: false })
    expect(grid.metas.get(spendingKey(P.法律援助经费.id, 6))?.isLocked).toBe(true)
    expect(grid.metas.get(spendingKey(P.法律援助经费.id, 7))?.isLocked).toBe(false)
  })

  it('shows each month value and a bare running total (the target is in the column title)', () => {
    const grid = buildProjectGrid(LEGAL, 'wan', NONE)
    expect(texts(grid.rows[6])).toEqual(['0.06', '1.56', '52.0%', '15', '99', ''])
    expect(asides(grid.rows[6])).toEqual(['', null, null, '累计 45', '', ''])
    // 2月 is blank (未填报): no running total claims to include it.
    expect(asides(grid.rows[1])?.[3]).toBe('累计 —')
    expect(grid.rows[6]?.items.filter(isEditableItem).map((cell) => cell.label)).toEqual([null, null, null, null])
    expect(grid.metas.size).toBe(12 * 4)
  })

  it.each<[Month, string, string, boolean, string]>([
    [1, '0.00', '0.0%', false, '1–1月执行率（执行数 ÷ 预算数）'],
    [3, '0.08', '4.0%', false, '1–3月执行率（执行数 ÷ 预算数）'],
    [7, '1.28', '64.0%', false, '1–7月执行率（执行数 ÷ 预算数）'],
    [10, '2.18', '109.0% 超预算', true, '1–10月执行数超过预算数 2.00 万元'],
    [12, '2.20', '110.0% 超预算', true, '1–12月执行数超过预算数 2.00 万元'],
  ])('%i月: 执行数 %s, 执行率 %s (warning %s)', (month, executed, rate, isWarning, title) => {
    const row = buildProjectGrid(PUBLICITY, 'wan', NONE).rows[month - 1]
    expect(row?.items[1]).toMatchObject({ kind: 'figure', text: executed, isWarning: false, testId: 'executed' })
    expect(row?.items[2]).toEqual({ kind: 'figure', text: rate, isWarning, isUnreported: false, testId: 'rate', title })
  })

  // 依法治区及普法宣传经费 has a budget of 2.00 万元 = 2,000,000 分.
  it.each<[string, readonly Fen[], string, boolean]>([
    ['1 分 under the budget', [1_000_000, 999_999], '100.0%', false],
    ['exactly the budget: 100 % is not 超预算', [1_000_000, 1_000_000], '100.0%', false],
    ['1 分 over the budget', [1_000_000, 1_000_001], '100.0% 超预算', true],
  ])('%s', (_label, [january, february], rate, isWarning) => {
    const project = SEED_PROJECTS.依法治区及普法宣传经费
    const data = dataOf('依法治区及普法宣传经费', { spending: spendingOf(project, { 1: january, 2: february }) })
    for (const grid of [buildProjectGrid(data, 'wan', NONE), buildMonthGrid([data], SEED_YEAR, 2, 'yuan', NONE)]) {
      const row = grid.rows.find((r) => r.title === '2月' || r.title === project.name)
      expect(row?.items[2]).toMatchObject({ kind: 'figure', text: rate, isWarning })
    }
  })

  it('shows the figures evaluateSpend gives at every month', () => {
    const rows = buildProjectGrid(LEGAL, 'wan', NONE).rows
    MONTHS.forEach((month, i) => {
      const spend = evaluateSpend(LEGAL.project, LEGAL.spending, month)
      expect(rows[i]?.items[1]).toMatchObject({ text: spend.isReported ? formatWan(spend.executed) : '未填报', isUnreported: !spend.isReported })
      expect(rows[i]?.items[2]).toMatchObject({ isWarning: spend.isOverBudget })
    })
  })

  it('shows months after the last entry as 未填报, not as if 0 had been entered', () => {
    // LEGAL has seed spending all year; without it, 9月 on is blank.
    const partial = dataOf('法律援助经费', { spending: seedSpending('法律援助经费').filter((s) => s.month <= 7), values: LEGAL.values })
    const rows = buildProjectGrid(partial, 'wan', NONE).rows
    expect(texts(rows[6])?.slice(1, 3)).toEqual(['1.56', '52.0%'])
    expect(texts(rows[8])?.slice(1, 3)).toEqual(['未填报', '—'])
    expect(rows[8]?.items[1]).toMatchObject({ isUnreported: true, title: '9月支出未填报（空白不是 0），不计算执行数和执行率' })
    expect(asides(rows[8])?.[3]).toBe('累计 —')
  })

  it('keeps the project spending under its id', () => {
    const grid = buildProjectGrid(PUBLICITY, 'wan', NONE)
    expect([...grid.spending.keys()]).toEqual([P.依法治区及普法宣传经费.id])
    expect(grid.spending.get(P.依法治区及普法宣传经费.id)?.get(10)).toBe(300_000)
  })
})

describe('cell keys', () => {
  it('tell spending and indicator cells apart', () => {
    expect(spendingKey('p', 7)).toBe('s|p|7')
    expect(indicatorKey('p#0', 12)).toBe('i|p#0|12')
  })

  it.each<[string, boolean, EntryGridItem | undefined]>([
    ['a cell', true, { kind: 'money', key: 'k', value: '', label: null, name: 'k', aside: '', isLocked: false }],
    ['a locked cell', true, { kind: 'status', key: 'k', value: '', label: null, name: 'k', aside: '', isLocked: true }],
    ['a figure', false, { kind: 'figure', text: '1', isWarning: false, isUnreported: false, testId: 'rate', title: '' }],
    ['no cell', false, null],
    ['past the row end', false, undefined],
  ])('isEditableItem: %s → %s', (_, expected, item) => {
    expect(isEditableItem(item)).toBe(expected)
  })
})

describe('formatTarget', () => {
  it.each<[string, string, IndicatorTarget]>([
    ['a count', '≥100件', { raw: '≥100100件以上', operator: '>=', value: 100, unit: '件', kind: 'cumulative' }],
    ['a ceiling', '≤1%', { raw: '≤11%以下', operator: '<=', value: 1, unit: '%', kind: 'level' }],
    ['an equality', '=100%', { raw: '100100%', operator: '=', value: 100, unit: '%', kind: 'level' }],
    ['no operator', '5次', { raw: '5次', operator: null, value: 5, unit: '次', kind: 'cumulative' }],
    ['no unit, float noise', '>0.3', { raw: '0.3', operator: '>', value: 0.1 + 0.2, unit: null, kind: 'level' }],
    ['no number: the raw text', '按计划实施', { raw: '按计划实施', operator: null, value: null, unit: null, kind: 'qualitative' }],
  ])('%s → %s', (_, expected, target) => {
    expect(formatTarget(target)).toBe(expected)
  })
})

describe('entryTargetOf', () => {
  it.each<[string, IndicatorTarget, EntryTarget]>([
    ['cumulative → a count', { raw: '', operator: '>=', value: 100, unit: '件', kind: 'cumulative' }, { kind: 'count', unit: '件' }],
    ['level → a level', { raw: '', operator: '>=', value: 98, unit: '%', kind: 'level' }, { kind: 'level', unit: '%' }],
    ['qualitative → a status', { raw: '', operator: null, value: null, unit: null, kind: 'qualitative' }, { kind: 'status' }],
    ['a count without a number → a status', { raw: '', operator: null, value: null, unit: '件', kind: 'cumulative' }, { kind: 'status' }],
  ])('%s', (_, target, expected) => {
    expect(entryTargetOf({ ...legalCount, target })).toEqual(expected)
  })
})

describe('the spending cell in cumulative mode', () => {
  const data = dataOf('法律援助经费', { spending: spendingOf(P.法律援助经费, { 1: 200_000, 3: 300_000, 6: 400_000 }) })
  const spendingCell = (month: Month) => buildMonthGrid([data], SEED_YEAR, month, 'wan', NONE, 'cumulative').rows[0]?.items[0]

  it.each<[Month, string, string]>([
    [1, '0.20', '本月 0.20'],
    [2, '', '上次 1–1月 0.20'],
    [3, '0.50', '本月 0.30（含2–3月）'],
    [6, '0.90', '本月 0.40（含4–6月）'],
    [7, '', '上次 1–6月 0.90'],
  ])('%i月 holds the cumulative %s with the month beside it: %s', (month, value, aside) => {
    const cell = spendingCell(month)
    expect(isEditableItem(cell) && [cell.value, cell.aside]).toEqual([value, aside])
  })

  it('names the column and the cell as 1–m月累计支出; monthly mode stays as it was', () => {
    const grid = buildMonthGrid([data], SEED_YEAR, 6, 'wan', NONE, 'cumulative')
    expect(grid.columns[0]?.title).toBe('1–6月累计支出')
    expect(grid.metas.get(spendingKey(P.法律援助经费.id, 6))).toMatchObject({ isCumulative: true, label: '法律援助经费 · 1–6月累计支出' })
    const monthly = buildMonthGrid([data], SEED_YEAR, 6, 'wan', NONE)
    expect(monthly.columns[0]?.title).toBe('6月支出')
    expect(texts(monthly.rows[0])?.[0]).toBe('0.40')
    expect(monthly.metas.get(spendingKey(P.法律援助经费.id, 6))?.isCumulative).toBeUndefined()
  })
})
