import { describe, expect, it } from 'vitest'
import { describeNoteChange, toHistoryRow } from '@/composables/useEntryHistory'
import type { ChangeRecord, NoteRecord } from '@/db/records'
import { INDICATOR_KIND_LABELS } from '@/domain/indicatorKind'

const note = (parts: Partial<NoteRecord> = {}): NoteRecord => ({
  projectId: 'p',
  month: 7,
  reasons: [],
  explanation: '',
  likelihood: null,
  actions: '',
  ...parts,
})

describe('describeNoteChange: what changed in a 监控说明', () => {
  it.each<[string, NoteRecord | null, NoteRecord | null, string, string]>([
    ['ticking 制度保障 on a new note', null, note({ reasons: ['institution'] }), '偏差原因：无', '偏差原因：制度保障'],
    ['adding a reason', note({ reasons: ['funding'] }), note({ reasons: ['funding', 'institution'] }), '偏差原因：经费保障', '偏差原因：经费保障、制度保障'],
    ['confirming the likelihood', note(), note({ likelihood: 'possible' }), '完成目标可能性：未确认', '完成目标可能性：有可能'],
    ['writing 整改措施 beside an unchanged 原因说明', note({ explanation: '采购延迟' }), note({ explanation: '采购延迟', actions: '9月底前完成采购' }), '整改措施：（空）', '整改措施：9月底前完成采购'],
    [
      'several fields at once',
      note({ explanation: '采购延迟', likelihood: 'certain' }),
      note({ explanation: '采购合同已签', likelihood: 'possible' }),
      '完成目标可能性：确定能；原因说明：采购延迟',
      '完成目标可能性：有可能；原因说明：采购合同已签',
    ],
  ])('%s', (_, before, after, oldText, newText) => {
    expect(describeNoteChange(before, after)).toEqual({ oldText, newText })
  })

  it('is what the history row of a note shows', () => {
    const change: ChangeRecord = {
      id: 3,
      at: '2020-08-05T06:03:00.000Z',
      actor: '王会计',
      kind: 'note',
      projectId: 'p',
      indicatorId: null,
      month: 7,
      oldValue: null,
      newValue: note({ reasons: ['institution'] }),
      summary: '7月监控说明',
    }
    expect(toHistoryRow(change)).toMatchObject({ oldText: '偏差原因：无', newText: '偏差原因：制度保障', when: '08-05 14:03' })
  })
})

const noteWith = (explanation: string): NoteRecord => note({ month: 9, explanation })
const hasLoneSurrogate = (text: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)

describe('describeNoteChange: long explanations cut for the history panel', () => {
  it.each<[string, string]>([
    // Before: the 24th UTF-16 unit was the first half of 🎉, left alone before the ellipsis.
    [`${'资金'.repeat(11)}已🎉拨付到位`, `原因说明：${'资金'.repeat(11)}已🎉…`],
    ['👨‍👩‍👧‍👦'.repeat(30), `原因说明：${'👨‍👩‍👧‍👦'.repeat(24)}…`],
    ['资金已拨付', '原因说明：资金已拨付'],
  ])('%j shows as %j', (explanation, shown) => {
    const { newText } = describeNoteChange(null, noteWith(explanation))
    expect(newText).toBe(shown)
    expect(hasLoneSurrogate(newText)).toBe(false)
  })
})

describe('toHistoryRow: 已报送 months', () => {
  const spending: ChangeRecord = {
    id: 5,
    at: '2021-08-05T06:03:00.000Z',
    actor: '王会计',
    kind: 'spending',
    projectId: 'p',
    indicatorId: null,
    month: 7,
    oldValue: 100,
    newValue: 200,
    summary: '7月支出',
  }
  const lock = { year: 2021, departmentCode: '201001', month: 7, lockedAt: '2021-08-05T06:03:00.000Z', lockedBy: '王会计' }

  it.each<[string, ReadonlySet<number>, boolean]>([
    ['an open month', new Set(), true],
    ['another locked month', new Set([8]), true],
    ['its own month locked', new Set([7]), false],
  ])('offers 恢复为修改前 on a change in %s: %s', (_, locked, canRestore) => {
    expect(toHistoryRow(spending, locked as ReadonlySet<never>)).toMatchObject({ canRestore, month: 7 })
  })

  it.each<[string, unknown, unknown, string, string]>([
    ['a lock', null, lock, '未报送', '已报送（锁定）'],
    ['a reopening', lock, null, '已报送（锁定）', '已重新打开'],
  ])('describes %s in words, not as data, and offers no restore', (_, oldValue, newValue, oldText, newText) => {
    const row = toHistoryRow({ ...spending, kind: 'lock', projectId: null, oldValue, newValue, summary: '2021年7月重新打开（201001，原因：更正）' })
    expect(row).toMatchObject({ oldText, newText, canRestore: false })
  })
})

describe('history rows of 项目管理 edits', () => {
  const change = (kind: ChangeRecord['kind'], oldValue: unknown, newValue: unknown): ChangeRecord => ({
    id: 9, at: '2020-08-05T06:03:00.000Z', actor: '王会计', kind, projectId: 'p', indicatorId: null, month: null, oldValue, newValue, summary: '修改项目',
  })

  it.each<[string, ChangeRecord, string, string]>([
    ['a code edit', change('project', { code: 'A' }, { code: 'A-2' }), '项目编码：A', '项目编码：A-2'],
    ['archiving a project', change('project', { archivedAt: null }, { archivedAt: '2020-08-05T06:03:00.000Z' }), '在用', '已删除（归档）'],
    ['a new indicator', change('indicatorDefinition', null, { name: '结案率', targetRaw: '≥98%', targetValue: 98 }), '（无）', '「结案率」'],
    ['a target edit and a 口径', change('indicatorDefinition', { target: '≥90%', kindOverride: null }, { target: '≥98%', kindOverride: 'level' }), '指标值：≥90%；口径：（空）', `指标值：≥98%；口径：${INDICATOR_KIND_LABELS.level}`],
  ])('%s reads old → new in words, and cannot be restored as a cell', (_, row, oldText, newText) => {
    expect(toHistoryRow(row)).toMatchObject({ oldText, newText, canRestore: false })
  })
})
