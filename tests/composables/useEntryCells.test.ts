import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { effectScope, shallowRef } from 'vue'
import { useEntryCells } from '@/composables/useEntryCells'
import { useUndo } from '@/composables/useUndo'
import { db } from '@/db/database'
import { importDocument } from '@/db/importRepository'
import { lockMonth, reopenMonth } from '@/db/lockRepository'
import { useEntryStore } from '@/stores/entry'
import { loadProjectData } from '@/db/monitorRepository'
import { buildMonthGrid, indicatorKey, spendingKey } from '@/presenters/entryGrid'
import { sampleDocument } from '../db/factories'

const A = '2021/201001/201-01-A'
const B = '2021/201001/201-01-B'
let answer = true
let asked: string[] = []

async function harness() {
  const projects = await loadProjectData({ year: 2021, departmentCode: '201001' })
  const grid = buildMonthGrid(projects, 2021, 8, 'wan', new Set())
  const scope = effectScope()
  const cells = scope.run(() =>
    useEntryCells({
      metas: () => grid.metas,
      spendingOf: (id) => grid.spending.get(id) ?? new Map(),
      actor: () => '王会计',
      confirm: async (message) => {
        asked.push(message)
        return answer
      },
      today: () => ({ year: 2026, month: 3 }),
    }),
  )!
  const undo = scope.run(() => useUndo(() => '王会计'))!
  return { cells, undo }
}

beforeEach(async () => {
  setActivePinia(createPinia())
  answer = true
  asked = []
  await importDocument(sampleDocument(), { fileName: 'a.docx', actor: '测试' })
})
afterEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
})

describe('useEntryCells with IndexedDB', () => {
  it('saves an accepted value at once, logged, with a saved state', async () => {
    const { cells } = await harness()
    await cells.commit(spendingKey(A, 8), '1,234.50元')
    expect(await db.spending.get([A, 8])).toMatchObject({ amount: 123_450 })
    expect(cells.states.value.get(spendingKey(A, 8))).toMatchObject({ phase: 'saved', draft: null })
    expect(cells.saveStatus.value.phase).toBe('saved')
    expect((await db.changes.where('kind').equals('spending').toArray()).map((c) => c.actor)).toEqual(['王会计'])
  })

  it('never stores a refused value and keeps the user text with the message', async () => {
    const { cells } = await harness()
    await cells.commit(indicatorKey(`${A}#1`, 8), '3.5')
    expect(await db.indicatorValues.count()).toBe(0)
    expect(cells.states.value.get(indicatorKey(`${A}#1`, 8))).toEqual({
      draft: '3.5',
      message: '「3.5」不是整数。本指标按场计，只能填整数，如 12。',
      severity: 'error',
      phase: null,
    })
    expect(cells.unsavedCount.value).toBe(1)
    cells.cancel(indicatorKey(`${A}#1`, 8))
    expect(cells.unsavedCount.value).toBe(0)
  })

  it('clearing a cell deletes the row (未填报), not 0', async () => {
    const { cells } = await harness()
    await cells.commit(spendingKey(A, 8), '0.5')
    await cells.commit(spendingKey(A, 8), '')
    expect(await db.spending.get([A, 8])).toBeUndefined()
  })

  it('asks before saving spending above 预算数, and keeps it unsaved when declined', async () => {
    const { cells } = await harness()
    answer = false
    await cells.commit(spendingKey(B, 8), '4')
    expect(asked[0]).toMatch(/超过预算数 3\.00 万元/)
    expect(await db.spending.get([B, 8])).toBeUndefined()
    expect(cells.states.value.get(spendingKey(B, 8))).toMatchObject({ draft: '4', severity: 'confirm' })
    answer = true
    await cells.commit(spendingKey(B, 8), '4')
    expect(await db.spending.get([B, 8])).toMatchObject({ amount: 4_000_000 })
  })

  it('pastes: saves the valid values in one step and reports each rejected one with its reason', async () => {
    const { cells, undo } = await harness()
    const report = await cells.paste([
      { key: spendingKey(A, 8), text: '0.5', where: 'A · 支出' },
      { key: indicatorKey(`${A}#1`, 8), text: '6', where: 'A · 指标 1' },
      { key: indicatorKey(`${A}#2`, 8), text: '120', where: 'A · 指标 2' },
      { key: spendingKey(B, 8), text: 'abc', where: 'B · 支出' },
      { key: null, text: '9', where: 'B · 指标 2', reason: '「B」没有指标 2。' },
    ])
    expect(report.savedCount).toBe(2)
    expect(report.rejected.map((r) => [r.where, r.text, r.message])).toEqual([
      ['A · 指标 2', '120', '比率应在 0 到 100 之间（单位 %），「120」超出了范围。'],
      ['B · 支出', 'abc', '「abc」不是金额。请填数字，如 1,234.50；可带单位万元或元，清空表示未填报。'],
      ['B · 指标 2', '9', '「B」没有指标 2。'],
    ])
    expect(await db.spending.count()).toBe(1)
    expect(await db.indicatorValues.count()).toBe(1)
    await undo.undo()
    expect(await db.spending.count()).toBe(0)
    expect(await db.indicatorValues.count()).toBe(0)
  })

  it('counts only saved and refused values, lists skipped ones, and drops the report once that paste is undone', async () => {
    const { cells, undo } = await harness()
    await cells.commit(spendingKey(B, 8), '0.4')
    const report = await cells.paste([
      { key: spendingKey(A, 8), text: '0.5', where: 'A · 支出' },
      { key: null, text: '1.85', where: 'A · 执行数', skip: 'figure' },
      { key: null, text: '', where: 'A · 指标 1', skip: 'blank' },
      { key: indicatorKey(`${A}#2`, 8), text: '120', where: 'A · 指标 2' },
      { key: null, text: '', where: 'B · 支出', skip: 'blank' },
    ])
    expect([report.savedCount, report.rejected.length, report.skipped.map((s) => s.kind)]).toEqual([1, 1, ['figure', 'blank', 'blank']])
    // The blank under B's 支出 left its stored 0.4 万元 alone.
    expect(await db.spending.get([B, 8])).toMatchObject({ amount: 400_000 })
    expect(cells.pasteReport.value).toEqual(report)
    expect(await undo.undo()).toBe(true)
    expect(cells.pasteReport.value).toBeNull()
    expect(await db.spending.get([A, 8])).toBeUndefined()
    // Undoing the typed entry before it does not bring the report back.
    await undo.undo()
    expect(cells.pasteReport.value).toBeNull()
  })

  it('keeps the report of a paste that saved nothing until it is closed', async () => {
    const { cells } = await harness()
    await cells.paste([{ key: spendingKey(A, 8), text: 'abc', where: 'A · 支出' }])
    expect(cells.pasteReport.value?.rejected).toHaveLength(1)
    cells.closePasteReport()
    expect(cells.pasteReport.value).toBeNull()
  })

  it('refuses cells of a month locked after the grid was built, via the repository', async () => {
    const { cells } = await harness()
    await lockMonth(2021, '201001', 8, '王会计')
    await cells.commit(spendingKey(A, 8), '0.5')
    expect(await db.spending.count()).toBe(0)
    expect(cells.states.value.get(spendingKey(A, 8))?.message).toMatch(/已报送并锁定/)
  })

  it('undo steps back through the session, one action at a time', async () => {
    const { cells, undo } = await harness()
    await cells.commit(spendingKey(A, 8), '0.5')
    await cells.commit(spendingKey(A, 8), '0.7')
    expect(undo.nextLabel.value).toBe('文化下乡活动经费 · 8月支出')
    await undo.undo()
    expect(await db.spending.get([A, 8])).toMatchObject({ amount: 500_000 })
    await undo.undo()
    expect(await db.spending.get([A, 8])).toBeUndefined()
    expect(undo.canUndo.value).toBe(false)
  })
})

describe('undo and 已报送', () => {
  it('is blocked, with the reason, while the last change is in a locked month of the view', async () => {
    const { cells } = await harness()
    const scope = effectScope()
    const locked = shallowRef(new Set<number>())
    const undo = scope.run(() => useUndo(() => '王会计', (cell) => cell.projectId === A && locked.value.has(cell.month)))!
    await cells.commit(spendingKey(A, 8), '1')
    expect(undo.canUndo.value).toBe(true)
    await lockMonth(2021, '201001', 8, '王会计')
    locked.value = new Set([8])
    const store = useEntryStore()
    expect(undo.canUndo.value).toBe(false)
    expect(undo.blockReason.value).toBe('8月已报送并锁定，不能撤销。如需更正，请先「重新打开」本月。')
    expect(await undo.undo()).toBe(false)
    expect(undo.lastMessage.value).toBe(undo.blockReason.value)
    expect(await db.spending.get([A, 8])).toMatchObject({ amount: 1_000_000 })
    expect(store.undoSteps).toHaveLength(1)
  })

  it('keeps the step when the month turns out locked (another tab) so it can be undone after reopening', async () => {
    const { cells, undo } = await harness()
    await cells.commit(spendingKey(A, 8), '1')
    await lockMonth(2021, '201001', 8, '王会计')
    expect(await undo.undo()).toBe(false)
    expect(undo.lastMessage.value).toMatch(/已报送并锁定/)
    expect(useEntryStore().undoSteps).toHaveLength(1)
    await reopenMonth(2021, '201001', 8, '张科长', '更正')
    expect(await undo.undo()).toBe(true)
    expect(await db.spending.get([A, 8])).toBeUndefined()
  })
})

describe('useEntryCells in a 已报送 month', () => {
  async function lockedHarness() {
    const projects = await loadProjectData({ year: 2021, departmentCode: '201001' })
    const grid = buildMonthGrid(projects, 2021, 8, 'wan', new Set([8]))
    const scope = effectScope()
    return scope.run(() =>
      useEntryCells({ metas: () => grid.metas, spendingOf: () => new Map(), actor: () => '王会计', confirm: async () => true }),
    )!
  }

  it.each<['type' | 'paste', RegExp]>([
    ['type', /8月已报送并锁定，不能修改.*重新打开.*原因/],
    ['paste', /8月已报送并锁定，不能粘贴.*重新打开.*原因/],
  ])('says why a %s is refused and how to reopen, storing nothing and leaving nothing unsaved', async (action, message) => {
    const cells = await lockedHarness()
    cells.refuseLocked(spendingKey(A, 8), action)
    const state = cells.states.value.get(spendingKey(A, 8))
    expect(state?.message).toMatch(message)
    expect(state).toMatchObject({ draft: null, severity: 'error' })
    expect(cells.unsavedCount.value).toBe(0)
    expect(await db.spending.get([A, 8])).toBeUndefined()
  })

  it('ignores a key that is not a cell of the view', async () => {
    const cells = await lockedHarness()
    cells.refuseLocked('nope', 'type')
    expect(cells.states.value.size).toBe(0)
  })
})
