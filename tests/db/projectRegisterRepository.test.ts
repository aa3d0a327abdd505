import { afterEach, describe, expect, it } from 'vitest'
import { setIndicatorValue, setSpending } from '@/db/actualsRepository'
import { exportBackup, restoreBackup } from '@/db/backupRepository'
import type { MonitorDatabase } from '@/db/database'
import { findHandEdits, importDocument } from '@/db/importRepository'
import { loadProject, loadProjectData } from '@/db/monitorRepository'
import { createProject, loadRegister, RegisterRejectedError, restoreIndicator, saveProject, setProjectArchived } from '@/db/projectRegisterRepository'
import type { IndicatorDraft, ProjectDraft } from '@/domain/projectRegister'
import { projectDraftOf } from '@/presenters/projectRegister'
import { sampleDatabase, sampleDocument } from './factories'

let database: MonitorDatabase
afterEach(async () => {
  await database.delete()
})

const scope = { year: 2021, departmentCode: '201001' }
const row = (patch: Partial<IndicatorDraft>): IndicatorDraft => ({
  id: null, level1: '产出指标', level2: '质量指标', name: '结案率', description: '', targetRaw: '≥98%', kind: null, basis: '', isRemoved: false, ...patch,
})
const draft = (patch: Partial<ProjectDraft> = {}): ProjectDraft => ({
  name: '新增公共文化项目',
  code: 'HAND-1',
  fiscalWan: '5',
  otherWan: '1.5',
  purpose: '年中新增',
  plan: { 3: '', 6: '30', 10: '', 12: '100' },
  goals: ['完成 10 场活动'],
  indicators: [row({}), row({ name: '活动场次', targetRaw: '大于等于10场', level2: '数量指标' })],
  ...patch,
})
const draftOf = async (id: string) => {
  const entry = (await loadRegister(2021, '201001', database)).find((e) => e.project.id === id)
  if (!entry) throw new Error(`no project ${id}`)
  return projectDraftOf(entry.project, entry.indicators)
}
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof RegisterRejectedError ? error.errors : Promise.reject(error)),
  )

describe('createProject', () => {
  it('stores a project by hand with an id that is not its code, its indicators read by parseTarget, and logs it', async () => {
    database = await sampleDatabase()
    const id = await createProject(scope, draft(), '张三', database)
    expect(id).toMatch(/^2021\/201001\/~[0-9a-z]+$/)
    const data = await loadProject(id, database)
    expect(data?.project).toMatchObject({ code: 'HAND-1', budget: { total: 6_500_000, fiscal: 5_000_000, other: 1_500_000 }, plan: { 3: null, 6: 30, 10: null, 12: 100 } })
    expect(data?.indicators.map((i) => [i.name, i.target.operator, i.target.value, i.target.unit, i.target.kind])).toEqual([
      ['结案率', '>=', 98, '%', 'level'],
      ['活动场次', '>=', 10, '场', 'cumulative'],
    ])
    expect(data?.indicators.every((i) => i.id.startsWith(`${id}#~`))).toBe(true)
    // It is one of the scope's projects for every page that lists them.
    expect((await loadProjectData(scope, database)).map((r) => r.project.name)).toContain('新增公共文化项目')
    const log = await database.changes.where('projectId').equals(id).toArray()
    expect(log.map((c) => [c.kind, c.actor, c.summary])).toEqual([
      ['project', '张三', '新建项目「新增公共文化项目」（HAND-1）'],
      ['indicatorDefinition', '张三', '新增指标「结案率」：指标值 ≥98%'],
      ['indicatorDefinition', '张三', '新增指标「活动场次」：指标值 大于等于10场'],
    ])
  })

  it('generates a code marked 自编 when none is given', async () => {
    database = await sampleDatabase()
    const id = await createProject(scope, draft({ code: ' ' }), '张三', database)
    expect(await database.projects.get(id)).toMatchObject({ code: expect.stringMatching(/^ZB-/), isCodeGenerated: true })
  })

  it('refuses a duplicate code, a negative budget, a decreasing plan and an unreadable target, each at its field, writing nothing', async () => {
    database = await sampleDatabase()
    const before = { projects: await database.projects.count(), indicators: await database.indicators.count(), changes: await database.changes.count() }
    const errors = await rejection(
      createProject(scope, draft({ code: '201-01-A', otherWan: '-1', plan: { 3: '40', 6: '30', 10: '', 12: '' }, indicators: [row({}), row({ targetRaw: '≥abc' })] }), '张三', database),
    )
    expect(Object.keys(errors ?? {}).sort()).toEqual(['code', 'indicators.1.target', 'other', 'plan.6'])
    expect({ projects: await database.projects.count(), indicators: await database.indicators.count(), changes: await database.changes.count() }).toEqual(before)
  })
})

describe('saveProject', () => {
  it('edits the code without re-keying: entered values stay, the change is logged old → new', async () => {
    database = await sampleDatabase()
    const id = '2021/201001/201-01-A'
    await setSpending(id, 3, 2_000_000, '张三', database)
    await setIndicatorValue(`${id}#1`, 3, { value: 12, manualStatus: null }, '张三', database)
    await saveProject(id, { ...(await draftOf(id)), code: '201-01-A2', name: '文化下乡活动经费（调整）' }, '李四', database)
    const data = await loadProject(id, database)
    expect(data?.project).toMatchObject({ id, code: '201-01-A2', name: '文化下乡活动经费（调整）' })
    expect(data?.spending).toEqual([{ projectId: id, month: 3, amount: 2_000_000 }])
    expect(data?.values.map((v) => [v.indicatorId, v.value])).toEqual([[`${id}#1`, 12]])
    const [change] = await database.changes.where('kind').equals('project').toArray()
    expect(change).toMatchObject({
      actor: '李四',
      projectId: id,
      oldValue: { name: '文化下乡活动经费', code: '201-01-A' },
      newValue: { name: '文化下乡活动经费（调整）', code: '201-01-A2' },
      summary: '修改项目「文化下乡活动经费（调整）」：项目名称 文化下乡活动经费 → 文化下乡活动经费（调整）；项目编码 201-01-A → 201-01-A2',
    })
  })

  it('saves an untouched draft without logging anything (an unsplit 预算数 stays unsplit)', async () => {
    database = await sampleDatabase()
    await database.projects.update('2021/201001/201-01-A', { budgetFiscal: null })
    const changes = await database.changes.count()
    await saveProject('2021/201001/201-01-A', await draftOf('2021/201001/201-01-A'), '李四', database)
    expect(await database.changes.count()).toBe(changes)
    expect(await database.projects.get('2021/201001/201-01-A')).toMatchObject({ budgetFiscal: null, budgetTotal: 12_500_000 })
  })

  it('rolls back the whole save when one indicator is invalid', async () => {
    database = await sampleDatabase()
    const id = '2021/201001/201-01-A'
    const before = await draftOf(id)
    const bad = { ...before, name: '改了名', indicators: [{ ...before.indicators[0]!, name: '改了指标' }, { ...before.indicators[1]!, targetRaw: '大于等于' }] }
    expect(await rejection(saveProject(id, bad, '李四', database))).toEqual({ 'indicators.1.target': expect.stringContaining('读不出数值') })
    expect(await draftOf(id)).toEqual(before)
  })

  it('archives a removed indicator (its values kept) and restores it', async () => {
    database = await sampleDatabase()
    const id = '2021/201001/201-01-A'
    await setIndicatorValue(`${id}#2`, 3, { value: 95, manualStatus: null }, '张三', database)
    const before = await draftOf(id)
    await saveProject(id, { ...before, indicators: before.indicators.map((r, i) => (i === 1 ? { ...r, isRemoved: true } : r)) }, '李四', database)
    expect((await draftOf(id)).indicators.map((r) => r.name)).toEqual(['送戏下乡场次'])
    expect(await database.indicatorValues.get([`${id}#2`, 3])).toMatchObject({ value: 95 })
    await restoreIndicator(`${id}#2`, '李四', database)
    expect((await draftOf(id)).indicators.map((r) => r.name)).toEqual(['送戏下乡场次', '群众满意率'])
    const log = await database.changes.where('kind').equals('indicatorDefinition').toArray()
    expect(log.map((c) => c.summary)).toEqual(['删除（归档）指标「群众满意率」，已录入的数据保留', '恢复指标「群众满意率」'])
  })
})

describe('setProjectArchived', () => {
  it('archives with actuals kept and restores, logging both; pages drop it after its archive month', async () => {
    database = await sampleDatabase()
    const id = '2021/201001/201-01-B'
    await setSpending(id, 2, 100_000, '张三', database)
    await setProjectArchived(id, true, '李四', database)
    const stored = await database.projects.get(id)
    expect(stored?.archivedAt).toEqual(expect.any(String))
    expect(await database.spending.get([id, 2])).toMatchObject({ amount: 100_000 })
    await setProjectArchived(id, false, '李四', database)
    expect((await database.projects.get(id))?.archivedAt).toBeNull()
    const log = await database.changes.where('projectId').equals(id).and((c) => c.kind === 'project').toArray()
    expect(log.map((c) => c.summary)).toEqual(['删除（归档）项目「图书馆免费开放补助」（201-01-B），已录入的数据保留', '恢复项目「图书馆免费开放补助」（201-01-B）'])
  })
})

describe('re-import after hand edits', () => {
  it('finds a project whose code was edited by the code of its last import and keeps its id', async () => {
    database = await sampleDatabase()
    const id = '2021/201001/201-01-A'
    await saveProject(id, { ...(await draftOf(id)), code: 'NEW-A' }, '李四', database)
    const summary = await importDocument(sampleDocument(), { fileName: 'a.docx', actor: '测试' }, database)
    expect(summary).toMatchObject({ projectsCreated: 0, projectsUpdated: 2 })
    expect(await database.projects.count()).toBe(2)
    // The hand-edited code is kept by default.
    expect(await database.projects.get(id)).toMatchObject({ code: 'NEW-A', importedCode: '201-01-A' })
    // A document with the new code finds it as well.
    const renamed = sampleDocument()
    await importDocument({ ...renamed, projects: renamed.projects.map((p, i) => (i === 0 ? { ...p, code: 'NEW-A' } : p)) }, { fileName: 'b.docx', actor: '测试' }, database)
    expect(await database.projects.count()).toBe(2)
    expect(await database.projects.get(id)).toMatchObject({ code: 'NEW-A' })
  })

  it('lists hand edits the document would overwrite (old → new), keeps them by default, takes the document when chosen', async () => {
    database = await sampleDatabase()
    const id = '2021/201001/201-01-A'
    const edited = await draftOf(id)
    await saveProject(
      id,
      { ...edited, name: '文化下乡（手改）', fiscalWan: '13', indicators: edited.indicators.map((r, i) => (i === 0 ? { ...r, targetRaw: '≥70场', name: '送戏下乡演出场次' } : r)) },
      '李四',
      database,
    )
    const edits = await findHandEdits(sampleDocument(), 2021, '201001', database)
    expect(edits).toEqual([
      {
        index: 0,
        code: '201-01-A',
        name: '文化下乡活动经费',
        conflicts: [
          { label: '项目名称', current: '文化下乡（手改）', incoming: '文化下乡活动经费' },
          { label: '预算数', current: '13.00 万元（财政资金 13.00，其他资金 —）', incoming: '12.50 万元（财政资金 12.50，其他资金 —）' },
          { label: '指标「送戏下乡演出场次」的三级指标', current: '送戏下乡演出场次', incoming: '送戏下乡场次' },
          { label: '指标「送戏下乡演出场次」的指标值', current: '≥70场', incoming: '≥60场' },
        ],
      },
    ])
    await importDocument(sampleDocument(), { fileName: 'a.docx', actor: '测试' }, database)
    const kept = await loadProject(id, database)
    expect(kept?.project).toMatchObject({ name: '文化下乡（手改）', budget: { total: 13_000_000 } })
    expect(kept?.indicators.map((i) => [i.id, i.name, i.target.value])).toEqual([
      [`${id}#1`, '送戏下乡演出场次', 70],
      [`${id}#2`, '群众满意率', 90],
    ])
    await importDocument(sampleDocument(), { fileName: 'a.docx', actor: '测试', takeDocument: new Set(['201-01-A']) }, database)
    const taken = await loadProject(id, database)
    expect(taken?.project).toMatchObject({ name: '文化下乡活动经费', budget: { total: 12_500_000 } })
    expect(taken?.indicators.map((i) => [i.id, i.name, i.target.value])).toEqual([
      [`${id}#1`, '送戏下乡场次', 60],
      [`${id}#2`, '群众满意率', 90],
    ])
    expect(await findHandEdits(sampleDocument(), 2021, '201001', database)).toEqual([])
  })

  it('keeps a project created by hand when a document brings the same code, and says so', async () => {
    database = await sampleDatabase()
    const id = await createProject(scope, draft(), '张三', database)
    const document = sampleDocument()
    const withHand = { ...document, projects: [...document.projects, { ...document.projects[1]!, code: 'HAND-1', name: '文档里的名字' }] }
    const edits = await findHandEdits(withHand, 2021, '201001', database)
    expect(edits.map((e) => [e.code, e.conflicts[0]])).toEqual([['HAND-1', { label: '项目名称', current: '新增公共文化项目', incoming: '文档里的名字' }]])
    await importDocument(withHand, { fileName: 'c.docx', actor: '测试' }, database)
    expect(await database.projects.get(id)).toMatchObject({ name: '新增公共文化项目', code: 'HAND-1' })
  })

  it('gives a new project a fresh id when year/department/code belongs to a project whose code was edited', async () => {
    database = await sampleDatabase()
    await saveProject('2021/201001/201-01-B', { ...(await draftOf('2021/201001/201-01-B')), code: 'B-NEW' }, '李四', database)
    const document = sampleDocument()
    // A document that really has both: the old code belongs to a new project now.
    await importDocument({ ...document, projects: [...document.projects.slice(0, 1), { ...document.projects[1]!, code: 'B-NEW' }, { ...document.projects[1]!, name: '另一个项目' }] }, { fileName: 'd.docx', actor: '测试' }, database)
    const projects = await database.projects.where('[year+departmentCode]').equals([2021, '201001']).toArray()
    expect(projects.map((p) => [p.code, p.name]).sort()).toEqual([['201-01-A', '文化下乡活动经费'], ['201-01-B', '另一个项目'], ['B-NEW', '图书馆免费开放补助']])
    expect(projects.find((p) => p.name === '另一个项目')?.id).toMatch(/^2021\/201001\/~/)
  })
})

describe('backup', () => {
  it('round-trips hand-made projects, edited codes, hand-edit markers and archiving', async () => {
    database = await sampleDatabase()
    const id = await createProject(scope, draft(), '张三', database)
    await saveProject('2021/201001/201-01-A', { ...(await draftOf('2021/201001/201-01-A')), code: 'A-2' }, '李四', database)
    await setProjectArchived('2021/201001/201-01-B', true, '李四', database)
    const snapshot = await exportBackup(database)
    const before = { projects: await database.projects.toArray(), indicators: await database.indicators.toArray() }
    await database.projects.clear()
    await restoreBackup(snapshot, database)
    expect({ projects: await database.projects.toArray(), indicators: await database.indicators.toArray() }).toEqual(before)
    expect(before.projects.find((p) => p.id === id)).toMatchObject({ editedFields: expect.arrayContaining(['name', 'code']) })
  })
})
