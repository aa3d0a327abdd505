import { describe, expect, it } from 'vitest'
import { buildMonthGrid, buildProjectGrid, indicatorKey, spendingKey, type GridPosition } from '@/presenters/entryGrid'
import {
  confirmationOf,
  declinedPaste,
  LOCKED_MESSAGE,
  pasteConfirmation,
  pasteTargets,
  planPaste,
  refusedState,
  savedState,
  unsavedPaste,
  validateCell,
  type PasteTarget,
  type Today,
} from '@/presenters/entryPaste'
import type { ValidationIssue, ValidationRule } from '@/domain/entryValidation'
import type { Fen, Month } from '@/domain/types'
import { dataOf } from '../domain/entryFactories'
import { SEED_PROJECTS, seedIndicator, spendingOf } from '../domain/factories'

const LEGAL_ID = SEED_PROJECTS.法律援助经费.id
const PUBLICITY_ID = SEED_PROJECTS.依法治区及普法宣传经费.id
const legal = (order: number) => seedIndicator('法律援助经费', order).id
const TODAY: Today = { year: 2026, month: 3 }

/** 法律援助 (3 万元) has spent 1.5 万元 in 1–6月; 依法治区 has one indicator. */
const LEGAL = dataOf('法律援助经费', {
  spending: spendingOf(SEED_PROJECTS.法律援助经费, { 1: 200_000, 2: 200_000, 3: 200_000, 4: 300_000, 5: 300_000, 6: 300_000 }),
})
const PUBLICITY = dataOf('依法治区及普法宣传经费', { indicators: [seedIndicator('依法治区及普法宣传经费', 0)] })

const OVER_BUDGET = '全年累计支出将达 3.50 万元，超过预算数 3.00 万元（超出 0.50 万元）。确认无误才保存，保存后标为「超预算」。'

const target = (key: string | null, text: string, where: string, reason?: string): PasteTarget =>
  reason === undefined ? { key, text, where } : { key, text, where, reason }

const skip = (text: string, where: string, kind: 'figure' | 'blank'): PasteTarget => ({ key: null, text, where, skip: kind })

describe('pasteTargets on the month grid', () => {
  // Columns as shown: 支出, 执行数, 执行率 (read-only figures), 指标 1–3; rows: 法律援助经费, 依法治区及普法宣传经费.
  const grid = buildMonthGrid([LEGAL, PUBLICITY], 2020, 9, 'wan', new Set())
  const at9 = (order: number) => indicatorKey(legal(order), 9)

  it.each<[string, GridPosition, string[][], PasteTarget[]]>([
    [
      'maps a row laid out like the grid column by column, skipping the values under 执行数 and 执行率',
      { row: 0, col: 0 },
      [['0.20', '1.85', '61.7%', '8', '99', '99']],
      [
        target(spendingKey(LEGAL_ID, 9), '0.20', '法律援助经费 · 9月支出'),
        skip('1.85', '法律援助经费 · 1–9月执行数', 'figure'),
        skip('61.7%', '法律援助经费 · 执行率', 'figure'),
        target(at9(0), '8', '法律援助经费 · 法律案件受理数'),
        target(at9(1), '99', '法律援助经费 · 扩大法律援助覆盖面'),
        target(at9(2), '99', '法律援助经费 · 法律顾问受理案件率'),
      ],
    ],
    [
      'never shifts the value after 支出 into 指标 1',
      { row: 0, col: 0 },
      [['1', '2']],
      [target(spendingKey(LEGAL_ID, 9), '1', '法律援助经费 · 9月支出'), skip('2', '法律援助经费 · 1–9月执行数', 'figure')],
    ],
    [
      'starts at a read-only column: skipped, the next value lands on 指标 1',
      { row: 0, col: 2 },
      [['61.7%', '8']],
      [skip('61.7%', '法律援助经费 · 执行率', 'figure'), target(at9(0), '8', '法律援助经费 · 法律案件受理数')],
    ],
    [
      'skips blank cells, leaving them as they are',
      { row: 0, col: 3 },
      [['', '95', '  ']],
      [
        skip('', '法律援助经费 · 法律案件受理数', 'blank'),
        target(at9(1), '95', '法律援助经费 · 扩大法律援助覆盖面'),
        skip('  ', '法律援助经费 · 法律顾问受理案件率', 'blank'),
      ],
    ],
    [
      'reports values past the last column',
      { row: 0, col: 4 },
      [['1', '2', '3']],
      [
        target(at9(1), '1', '法律援助经费 · 扩大法律援助覆盖面'),
        target(at9(2), '2', '法律援助经费 · 法律顾问受理案件率'),
        target(null, '3', '法律援助经费 · 第 7 列', '超出表格：右边没有更多可填的列了。'),
      ],
    ],
    [
      'reports values past the last row',
      { row: 1, col: 0 },
      [['1'], ['2']],
      [target(spendingKey(PUBLICITY_ID, 9), '1', '依法治区及普法宣传经费 · 9月支出'), target(null, '2', '第 3 行 · 9月支出', '超出表格：下面没有更多的行了。')],
    ],
    [
      'reports an indicator the project does not have',
      { row: 1, col: 3 },
      [['1', '2']],
      [
        target(indicatorKey(`${PUBLICITY_ID}#0`, 9), '1', '依法治区及普法宣传经费 · 普法宣传资料印制'),
        target(null, '2', '依法治区及普法宣传经费 · 指标 2', '「依法治区及普法宣传经费」没有指标 2。'),
      ],
    ],
    ['maps nothing for an empty block', { row: 0, col: 0 }, [], []],
  ])('%s', (_, anchor, block, expected) => {
    expect(pasteTargets(grid.rows, grid.columns, anchor, block)).toEqual(expected)
  })

  it('goes down the months in the project grid, columns as shown (支出, 累计执行数, 执行率, indicators)', () => {
    const project = buildProjectGrid(LEGAL, 'wan', new Set())
    expect(pasteTargets(project.rows, project.columns, { row: 6, col: 0 }, [['0.1', '1.6', '53%', '9'], ['0.2', '', '', '']])).toEqual([
      target(spendingKey(LEGAL_ID, 7), '0.1', '7月 · 支出'),
      skip('1.6', '7月 · 累计执行数', 'figure'),
      skip('53%', '7月 · 执行率', 'figure'),
      target(indicatorKey(legal(0), 7), '9', '7月 · 法律案件受理数'),
      target(spendingKey(LEGAL_ID, 8), '0.2', '8月 · 支出'),
      skip('', '8月 · 累计执行数', 'blank'),
      skip('', '8月 · 执行率', 'blank'),
      skip('', '8月 · 法律案件受理数', 'blank'),
    ])
  })
})

describe('validateCell', () => {
  const { metas, spending } = buildProjectGrid(LEGAL, 'wan', new Set())
  const stored = spending.get(LEGAL_ID) ?? new Map<Month, Fen>()
  const HUGE = new Map<Month, Fen>([[1, 900_000_000]])

  it.each<[string, string, string, ReadonlyMap<Month, Fen>, readonly ValidationRule[] | ValidationRule]>([
    ['spending within 预算数', spendingKey(LEGAL_ID, 7), '1', stored, []],
    ['spending up to 预算数 exactly', spendingKey(LEGAL_ID, 7), '1.5', stored, []],
    ['spending above 预算数 with the other months', spendingKey(LEGAL_ID, 7), '1.6', stored, ['overBudget']],
    ['re-entering a month replaces it (its stored amount is left out)', spendingKey(LEGAL_ID, 5), '1.8', stored, []],
    ['an indicator, whatever was spent', indicatorKey(legal(0), 7), '200', HUGE, []],
    ['invalid text', spendingKey(LEGAL_ID, 7), '一万', stored, 'notANumber'],
  ])('%s', (_, key, text, spent, expected) => {
    const meta = metas.get(key)
    if (meta === undefined) throw new Error(`no cell ${key}`)
    const result = validateCell(meta, text, TODAY, spent)
    expect(result.ok ? result.issues.map((issue) => issue.rule) : result.issue.rule).toEqual(expected)
  })

  it('warns when the month has not ended yet', () => {
    const meta = metas.get(spendingKey(LEGAL_ID, 8))
    const result = meta && validateCell(meta, '0.1', { year: 2020, month: 7 }, stored)
    expect(result?.ok && result.issues.map((issue) => [issue.rule, issue.severity])).toEqual([['futureMonth', 'warning']])
  })
})

describe('planPaste', () => {
  const grid = buildProjectGrid(LEGAL, 'wan', new Set<Month>([6]))
  const storedOf = (projectId: string) => grid.spending.get(projectId) ?? new Map<Month, Fen>()
  const plan = (targets: readonly PasteTarget[], today: Today = TODAY) => planPaste(targets, grid.metas, storedOf, today)

  it('neither saves nor refuses skipped values (blank, read-only column): they are listed as skipped', () => {
    const result = plan([skip('', 'a', 'blank'), skip('1.85', 'b', 'figure'), target(spendingKey(LEGAL_ID, 7), '0.1', 'c')])
    expect(result.accepted.map((cell) => cell.key)).toEqual([spendingKey(LEGAL_ID, 7)])
    expect(result.skipped).toEqual([
      { where: 'a', text: '', kind: 'blank' },
      { where: 'b', text: '1.85', kind: 'figure' },
    ])
    expect([result.rejected, result.states]).toEqual([[], []])
  })

  it.each<[string, PasteTarget, string, boolean]>([
    ['a locked month', target(spendingKey(LEGAL_ID, 6), '1', '6月 · 支出'), LOCKED_MESSAGE, true],
    ['text that is not money', target(spendingKey(LEGAL_ID, 7), 'abc', '7月 · 支出'), '「abc」不是金额。请填数字，如 1,234.50；可带单位万元或元，清空表示未填报。', true],
    ['a count that is not whole', target(indicatorKey(legal(0), 7), '3.5', '7月 · 法律案件受理数'), '「3.5」不是整数。本指标按件计，只能填整数，如 12。', true],
    ['a value outside the grid', target(null, '9', '第 13 行 · 支出', '超出表格：下面没有更多的行了。'), '超出表格：下面没有更多的行了。', false],
    ['a key of no cell', target('s|elsewhere|7', '9', '别处'), '这里没有可填的单元格。', false],
  ])('refuses %s, with the reason', (_, pasted, message, hasCell) => {
    const result = plan([pasted])
    expect(result.accepted).toEqual([])
    expect(result.rejected).toEqual([{ where: pasted.where, text: pasted.text, message, hasCell }])
    expect(result.states).toEqual(hasCell ? [[pasted.key, { draft: pasted.text, message, severity: 'error', phase: null }]] : [])
  })

  it('keeps the order of the block and goes on after a refusal', () => {
    const result = plan([target(spendingKey(LEGAL_ID, 6), '1', 'a'), target(spendingKey(LEGAL_ID, 7), '0.1', 'b'), target(null, '2', 'c', 'x')])
    expect(result.rejected.map((r) => r.where)).toEqual(['a', 'c'])
    expect(result.accepted.map((cell) => [cell.key, cell.value])).toEqual([[spendingKey(LEGAL_ID, 7), { kind: 'money', amount: 100_000 }]])
  })

  it('counts spending pasted earlier in the block toward 超预算 of later months', () => {
    const result = plan([target(spendingKey(LEGAL_ID, 7), '1', 'a'), target(spendingKey(LEGAL_ID, 8), '1', 'b')])
    expect(result.accepted.map((cell) => cell.issues)).toEqual([[], [{ rule: 'overBudget', severity: 'confirm', message: OVER_BUDGET }]])
  })

  it('does not count refused or cleared values toward 超预算', () => {
    const result = plan([
      target(spendingKey(LEGAL_ID, 7), 'abc', 'a'),
      target(spendingKey(LEGAL_ID, 5), '', 'b'),
      target(spendingKey(LEGAL_ID, 8), '1.5', 'c'),
    ])
    // 1–6月 stored 1.5 万元 (5月's 0.3 still stored: clearing saves later) + 1.5 = 预算数 exactly.
    expect(result.accepted.map((cell) => cell.issues.length)).toEqual([0, 0])
  })

  it('warns for a month that has not ended yet', () => {
    const result = plan([target(indicatorKey(legal(1), 8), '99', 'a')], { year: 2020, month: 7 })
    expect(result.accepted[0]?.issues.map((issue) => issue.rule)).toEqual(['futureMonth'])
  })
})

describe('after the confirmation or the save', () => {
  const grid = buildProjectGrid(LEGAL, 'wan', new Set())
  const { accepted } = planPaste(
    [target(spendingKey(LEGAL_ID, 7), '1', 'a'), target(spendingKey(LEGAL_ID, 8), '1', 'b')],
    grid.metas,
    (id) => grid.spending.get(id) ?? new Map(),
    TODAY,
  )
  const needConfirm = accepted.filter((cell) => confirmationOf(cell.issues) !== undefined)

  it('asks once, a line per cell above 预算数', () => {
    expect(needConfirm.map((cell) => cell.key)).toEqual([spendingKey(LEGAL_ID, 8)])
    expect(pasteConfirmation(needConfirm)).toBe(`法律援助经费 · 8月支出：${OVER_BUDGET}`)
  })

  it('keeps declined cells unsaved with the reason', () => {
    const message = `未保存：超预算未确认。${OVER_BUDGET}`
    expect(declinedPaste(needConfirm)).toEqual({
      rejected: [{ where: '法律援助经费 · 8月支出', text: '1', message, hasCell: true }],
      states: [[spendingKey(LEGAL_ID, 8), { draft: '1', message, severity: 'confirm', phase: null }]],
    })
  })

  it('keeps every cell of a failed save unsaved with the error', () => {
    const result = unsavedPaste(accepted, () => '未保存：磁盘已满', 'error')
    expect(result.rejected.map((r) => [r.where, r.message])).toEqual([
      ['法律援助经费 · 7月支出', '未保存：磁盘已满'],
      ['法律援助经费 · 8月支出', '未保存：磁盘已满'],
    ])
    expect(result.states.map(([, state]) => state.severity)).toEqual(['error', 'error'])
  })
})

describe('cell states', () => {
  const issue = (rule: ValidationRule, severity: ValidationIssue['severity']): ValidationIssue => ({ rule, severity, message: rule })

  it.each<[string, readonly ValidationIssue[], string | null]>([
    ['no issue', [], null],
    ['a warning', [issue('futureMonth', 'warning')], 'futureMonth'],
    ['a confirmed 超预算 and a warning: the warning', [issue('overBudget', 'confirm'), issue('futureMonth', 'warning')], 'futureMonth'],
    ['a confirmed 超预算 alone: nothing', [issue('overBudget', 'confirm')], null],
  ])('saved with %s', (_, issues, message) => {
    expect(savedState(issues)).toEqual({ draft: null, message, severity: message === null ? null : 'warning', phase: 'saved' })
  })

  it('refused: keeps the text with the message', () => {
    expect(refusedState('3.5', { message: 'm', severity: 'confirm' })).toEqual({ draft: '3.5', message: 'm', severity: 'confirm', phase: null })
  })

  it.each<[string, readonly ValidationIssue[], ValidationRule | undefined]>([
    ['none', [issue('futureMonth', 'warning')], undefined],
    ['超预算', [issue('futureMonth', 'warning'), issue('overBudget', 'confirm')], 'overBudget'],
  ])('confirmationOf: %s', (_, issues, rule) => {
    expect(confirmationOf(issues)?.rule).toBe(rule)
  })
})

describe('cumulative entry (1–m月累计支出)', () => {
  // 法律援助 has 1.5 万元 through 6月; 7月 is blank.
  const grid = buildMonthGrid([LEGAL], 2020, 8, 'wan', new Set(), 'cumulative')
  const meta = grid.metas.get(spendingKey(LEGAL_ID, 8))!
  const spent = grid.spending.get(LEGAL_ID)!

  it('stores the difference since the last reported month as the month amount', () => {
    const result = validateCell(meta, '1.85', TODAY, spent)
    expect(result.ok && result.value).toEqual({ kind: 'money', amount: 350_000 })
  })

  it('refuses a cumulative below the last reported one, with the reason', () => {
    const result = validateCell(meta, '1.20', TODAY, spent)
    expect(!result.ok && result.issue.message).toMatch(/^1–8月累计支出 1.20 万元低于 1–6月累计 1.50 万元：累计数不会减少/)
  })

  it('treats pasted spending as cumulative, rows down the project grid one after another', () => {
    const project = buildProjectGrid(dataOf('法律援助经费'), 'wan', new Set(), 'cumulative')
    const targets = pasteTargets(project.rows, project.columns, { row: 0, col: 0 }, [['0.20'], ['0.50'], [''], ['0.40']])
    const plan = planPaste(targets, project.metas, (id) => project.spending.get(id)!, TODAY)
    expect(plan.accepted.map((c) => [c.meta.month, c.value])).toEqual([
      [1, { kind: 'money', amount: 200_000 }],
      [2, { kind: 'money', amount: 300_000 }],
    ])
    expect(plan.rejected.map((r) => r.message)).toEqual([
      '1–4月累计支出 0.40 万元低于 1–2月累计 0.50 万元：累计数不会减少。请核对本月累计数；如2月填错了，请先更正2月。',
    ])
  })
})
