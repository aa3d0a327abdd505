import * as v from 'valibot'
import { afterEach, describe, expect, it } from 'vitest'
import {
  addBudgetAdjustment,
  addBudgetTransfer,
  addTargetAdjustment,
  AdjustmentInvalidError,
  removeBudgetAdjustment,
  removeTargetAdjustment,
  updateBudgetAdjustment,
  updateBudgetTransfer,
} from '@/db/adjustmentRepository'
import type { MonitorDatabase } from '@/db/database'
import { loadProject, loadProjectData } from '@/db/monitorRepository'
import { loadEntryData, loadEntryProject } from '@/db/actualsRepository'
import { lockMonth } from '@/db/lockRepository'
import { evaluateProjectData } from '@/domain'
import { BudgetAdjustmentRecordSchema } from '@/schema/records'
import { sampleDatabase } from './factories'

let database: MonitorDatabase
afterEach(async () => {
  await database.delete()
})

// 文化下乡活动经费: 12.50 万元 财政资金; 图书馆免费开放补助: 3.00 = 2.00 财政 + 1.00 其他.
const A = '2021/201001/201-01-A'
const B = '2021/201001/201-01-B'
const SCOPE = { year: 2021, departmentCode: '201001' }
const cut = { projectId: A, date: '2021-05-20', fiscal: -2_500_000, other: 0, documentNo: '文财预〔2021〕8号', reason: '' }

async function errorOf(promise: Promise<unknown>): Promise<AdjustmentInvalidError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AdjustmentInvalidError)
  return error as AdjustmentInvalidError
}

const rows = () => database.budgetAdjustments.toArray()
const logged = async (kind: string) => (await database.changes.where('kind').equals(kind).toArray()).map((c) => c.summary)

describe('budget adjustments', () => {
  it('records a 调减, logs it, and the project loads with its budget in force from that month', async () => {
    database = await sampleDatabase()
    await addBudgetAdjustment(cut, '李会计', database)
    expect(await logged('budget')).toEqual(['2021-05-20 调减预算 2.50 万元（财政资金 -2.50 万元） · 文财预〔2021〕8号'])
    const change = (await database.changes.where('kind').equals('budget').first())!
    expect([change.actor, change.projectId, change.month, change.oldValue]).toEqual(['李会计', A, 5, null])
    const data = (await loadProject(A, database))!
    expect(data.budgetAdjustments).toHaveLength(1)
    expect(evaluateProjectData(data, 4).spend.budget).toBe(12_500_000)
    expect(evaluateProjectData(data, 5).spend.budget).toBe(10_000_000)
    const scoped = await loadProjectData(SCOPE, database)
    expect(scoped.find((d) => d.project.id === A)?.budgetAdjustments?.map((a) => a.fiscal)).toEqual([-2_500_000])
    expect(scoped.find((d) => d.project.id === B)?.budgetAdjustments).toEqual([])
  })

  // Every reader that wraps the project loader in its own transaction must name the adjustment
  // tables too (a SubTransactionError left 项目全年录入 saying the project did not exist).
  it('reaches 录入 (department and one project) and 标记已报送 with the budget in force', async () => {
    database = await sampleDatabase()
    await addBudgetAdjustment(cut, '李会计', database)
    expect((await loadEntryProject(A, database))?.projects[0]?.budgetAdjustments).toHaveLength(1)
    expect((await loadEntryData(SCOPE, database)).projects.find((d) => d.project.id === A)?.budgetAdjustments).toHaveLength(1)
    await lockMonth(2021, '201001', 6, '李会计', database)
    const round = (await database.reportedRounds.toArray())[0]!
    expect(round.evaluations.find((e) => e.project.id === A)?.spend.budget).toBe(10_000_000)
  })

  it.each([
    ['a 调减 below 0', { ...cut, fiscal: -12_500_001 }, 'fiscal', /5月的财政资金调整后预算数变为 -0\.01 元/],
    ['a date outside the year', { ...cut, date: '2020-12-31' }, 'date', /不在 2021 年度内/],
    ['no 文号 or reason', { ...cut, documentNo: '' }, 'documentNo', /文号或调整原因/],
    ['an 其他资金 调减 on a project without 其他资金', { ...cut, fiscal: 0, other: -1 }, 'other', /其他资金调整后预算数变为 -0\.01 元/],
  ])('refuses %s at its field and writes nothing', async (_, input, field, message) => {
    database = await sampleDatabase()
    const before = await database.changes.count()
    const error = await errorOf(addBudgetAdjustment(input, '李会计', database))
    expect(error.errors[field as keyof typeof error.errors]).toMatch(message)
    expect(await rows()).toEqual([])
    expect(await database.changes.count()).toBe(before)
  })

  it('edits an adjustment (validated against the others) and logs old → new', async () => {
    database = await sampleDatabase()
    const id = await addBudgetAdjustment(cut, '李会计', database)
    await updateBudgetAdjustment(id, { ...cut, fiscal: -1_000_000 }, '李会计', database)
    expect((await rows()).map((r) => r.fiscal)).toEqual([-1_000_000])
    const change = (await database.changes.where('kind').equals('budget').last())!
    expect([(change.oldValue as { fiscal: number }).fiscal, (change.newValue as { fiscal: number }).fiscal]).toEqual([-2_500_000, -1_000_000])
    const error = await errorOf(updateBudgetAdjustment(id, { ...cut, date: '2022-01-01' }, '李会计', database))
    expect(error.errors.date).toMatch(/不在 2021 年度内/)
    expect((await rows()).map((r) => r.date)).toEqual(['2021-05-20'])
  })

  it('keeps when an adjustment was recorded (and by whom) on edit, and stamps editedAt', async () => {
    database = await sampleDatabase()
    const id = await addBudgetAdjustment(cut, '李会计', database)
    const [recorded] = await rows()
    await new Promise((resolve) => setTimeout(resolve, 5))
    await updateBudgetAdjustment(id, { ...cut, fiscal: -1_000_000 }, '王会计', database)
    const [edited] = await rows()
    expect([edited!.at, edited!.actor]).toEqual([recorded!.at, '李会计'])
    expect(edited!.editedAt! > recorded!.at).toBe(true)
    expect(recorded!.editedAt).toBeUndefined()
    expect(v.safeParse(BudgetAdjustmentRecordSchema, edited).success).toBe(true)
  })

  it('refuses to remove a 追加 a later 调减 relies on, and removes it once the 调减 is gone', async () => {
    database = await sampleDatabase()
    const add = await addBudgetAdjustment({ ...cut, date: '2021-03-01', fiscal: 5_000_000 }, '李会计', database)
    const big = await addBudgetAdjustment({ ...cut, fiscal: -15_000_000 }, '李会计', database)
    const error = await errorOf(removeBudgetAdjustment(add, '李会计', database))
    expect(error.errors.date).toMatch(/5月的调整后预算数将小于 0/)
    expect(await rows()).toHaveLength(2)
    await removeBudgetAdjustment(big, '李会计', database)
    await removeBudgetAdjustment(add, '李会计', database)
    expect(await rows()).toEqual([])
    expect((await logged('budget')).filter((s) => s.startsWith('删除：'))).toHaveLength(2)
  })

  it('records a 调剂 as a 调减 and a 追加 under one 文号 in one transaction, and removes both', async () => {
    database = await sampleDatabase()
    await addBudgetTransfer({ fromProjectId: A, toProjectId: B, date: '2021-06-10', fiscal: 1_000_000, other: 0, documentNo: '文财预〔2021〕9号', reason: '' }, '李会计', database)
    const stored = await rows()
    expect(stored.map((r) => [r.projectId, r.fiscal, r.documentNo])).toEqual([
      [A, -1_000_000, '文财预〔2021〕9号'],
      [B, 1_000_000, '文财预〔2021〕9号'],
    ])
    expect(stored[0]!.transferGroup).not.toBeNull()
    expect(stored[0]!.transferGroup).toBe(stored[1]!.transferGroup)
    const error = await errorOf(updateBudgetAdjustment(stored[0]!.id!, cut, '李会计', database))
    expect(error.errors.date).toMatch(/删除这笔调剂后重新录入/)
    await removeBudgetAdjustment(stored[1]!.id!, '李会计', database)
    expect(await rows()).toEqual([])
  })

  it('rolls a 调剂 back whole when the receiving side is refused', async () => {
    database = await sampleDatabase()
    // B has 1.00 万元 其他资金; moving 2.00 万元 of it out of B would leave B negative.
    const error = await errorOf(
      addBudgetTransfer({ fromProjectId: B, toProjectId: A, date: '2021-06-10', fiscal: 0, other: 2_000_000, documentNo: 'x', reason: '' }, '李会计', database),
    )
    expect(error.errors.other).toMatch(/其他资金调整后预算数变为 -1\.00 万元/)
    const same = await errorOf(addBudgetTransfer({ fromProjectId: A, toProjectId: A, date: '2021-06-10', fiscal: 1, other: 0, documentNo: 'x', reason: '' }, '李会计', database))
    expect(same.errors.toProjectId).toMatch(/不能是本项目/)
    expect(await rows()).toEqual([])
    expect(await logged('budget')).toEqual([])
  })
})

describe('editing a 调剂', () => {
  const transfer = { fromProjectId: A, toProjectId: B, date: '2021-06-10', fiscal: 1_000_000, other: 0, documentNo: '文财预〔2021〕9号', reason: '' }
  const C = '2021/201001/201-01-C'
  const sides = async () => (await rows()).map((r) => [r.projectId, r.date, r.fiscal, r.documentNo])
  async function withThirdProject(): Promise<MonitorDatabase> {
    const db = await sampleDatabase()
    const a = (await db.projects.get(A))!
    await db.projects.put({ ...a, id: C, code: '201-01-C', name: '非遗保护经费', order: a.order + 2 })
    return db
  }

  it('refuses to move the 调入 to another project when the first one relied on it (a later 调减), and changes nothing', async () => {
    database = await withThirdProject()
    const group = await addBudgetTransfer(transfer, '李会计', database)
    // B: 2.00 万元 财政资金 + 1.00 调入; a 调减 of 2.50 万元 财政资金 in 8月 needs the 调入.
    await addBudgetAdjustment({ projectId: B, date: '2021-08-01', fiscal: -2_500_000, other: 0, documentNo: '', reason: '压减' }, '李会计', database)
    const before = await sides()
    const error = await errorOf(updateBudgetTransfer(group, { ...transfer, toProjectId: C }, '王会计', database))
    expect(error.errors.toProjectId).toMatch(/改调入项目后「图书馆免费开放补助」8月的调整后预算数将小于 0/)
    expect(await sides()).toEqual(before)
  })

  it('keeps both sides’ recorded time on a 调剂 edit and stamps editedAt', async () => {
    database = await withThirdProject()
    const group = await addBudgetTransfer(transfer, '李会计', database)
    const recorded = await rows()
    await new Promise((resolve) => setTimeout(resolve, 5))
    await updateBudgetTransfer(group, { ...transfer, fiscal: 2_000_000 }, '王会计', database)
    const edited = await rows()
    expect(edited.map((r) => r.at)).toEqual(recorded.map((r) => r.at))
    expect(edited.every((r) => r.editedAt !== undefined && r.editedAt > r.at)).toBe(true)
  })

  it.each([
    ['the amount and 文号', { fiscal: 2_000_000, documentNo: '文财预〔2021〕10号' }, [[A, '2021-06-10', -2_000_000, '文财预〔2021〕10号'], [B, '2021-06-10', 2_000_000, '文财预〔2021〕10号']]],
    ['the date', { date: '2021-07-01' }, [[A, '2021-07-01', -1_000_000, '文财预〔2021〕9号'], [B, '2021-07-01', 1_000_000, '文财预〔2021〕9号']]],
    ['the receiving project', { toProjectId: C }, [[A, '2021-06-10', -1_000_000, '文财预〔2021〕9号'], [C, '2021-06-10', 1_000_000, '文财预〔2021〕9号']]],
  ] as const)('changes %s on both sides in one transaction and logs both old → new', async (_label, change, expected) => {
    database = await withThirdProject()
    const group = await addBudgetTransfer(transfer, '李会计', database)
    await updateBudgetTransfer(group, { ...transfer, ...change }, '王会计', database)
    expect(await sides()).toEqual(expected)
    expect((await rows()).every((r) => r.transferGroup === group)).toBe(true)
    const edits = (await database.changes.where('kind').equals('budget').toArray()).filter((c) => c.summary.startsWith('修改：'))
    expect(edits.map((c) => [c.actor, (c.oldValue as { projectId: string }).projectId])).toEqual([['王会计', A], ['王会计', B]])
  })

  it.each([
    ['more than the giving project has', { fiscal: 20_000_000 }, 'fiscal', /调整后预算数变为 -7\.50 万元/],
    ['to the giving project itself', { toProjectId: A }, 'toProjectId', /不能是本项目/],
    ['a date outside the year', { date: '2022-01-05' }, 'date', /不在 2021 年度内/],
  ] as const)('refuses %s at its field and leaves both sides as they were', async (_label, change, field, message) => {
    database = await sampleDatabase()
    const group = await addBudgetTransfer(transfer, '李会计', database)
    const before = await sides()
    const error = await errorOf(updateBudgetTransfer(group, { ...transfer, ...change }, '王会计', database))
    expect(error.errors[field]).toMatch(message)
    expect(await sides()).toEqual(before)
    expect((await logged('budget')).filter((s) => s.startsWith('修改：'))).toEqual([])
  })
})

describe('target adjustments', () => {
  const indicatorId = `${A}#1` // 送戏下乡场次 ≥60场

  it('parses the typed target, logs 原目标 → 调整后目标, and evaluation uses it from its month', async () => {
    database = await sampleDatabase()
    const id = await addTargetAdjustment({ indicatorId, month: 8, targetRaw: '大于等于50场', reason: '8月会议决定调整目标' }, '王处长', database)
    const stored = (await database.targetAdjustments.get(id))!
    expect([stored.operator, stored.targetValue, stored.unit, stored.projectId]).toEqual(['>=', 50, '场', A])
    expect(await logged('target')).toEqual(['「送戏下乡场次」调整目标：≥60 场 → ≥50 场（8月起）· 8月会议决定调整目标'])
    const data = (await loadProject(A, database))!
    const at = (month: 7 | 8) => evaluateProjectData(data, month).indicators[0]!
    expect(at(7).indicator.target.value).toBe(60)
    expect(at(7).originalTarget).toBeNull()
    expect(at(8).indicator.target.value).toBe(50)
    expect(at(8).originalTarget?.value).toBe(60)
    await removeTargetAdjustment(id, '王处长', database)
    expect(await database.targetAdjustments.count()).toBe(0)
    expect(await logged('target')).toHaveLength(2)
  })

  it.each([
    ['a target that does not parse', { targetRaw: '尽量多', reason: 'x' }, 'targetRaw', /读不出数值目标/],
    ['an empty target', { targetRaw: ' ', reason: 'x' }, 'targetRaw', /请填写调整后的指标值/],
    ['no reason', { targetRaw: '≥50场', reason: '' }, 'reason', /请填写调整原因/],
  ])('refuses %s at its field and writes nothing', async (_, input, field, message) => {
    database = await sampleDatabase()
    const error = await errorOf(addTargetAdjustment({ indicatorId, month: 8, ...input }, '王处长', database))
    expect(error.errors[field as keyof typeof error.errors]).toMatch(message)
    expect(await database.targetAdjustments.count()).toBe(0)
    expect(await logged('target')).toEqual([])
  })
})
