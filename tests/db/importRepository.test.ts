import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { setIndicatorValue, setSpending } from '@/db/actualsRepository'
import type { MonitorDatabase } from '@/db/database'
import { importDocument, ImportRejectedError } from '@/db/importRepository'
import { loadProjectData } from '@/db/monitorRepository'
import { parseDocument } from '@/importers/document'
import { freshDatabase, sampleDatabase, sampleDocument } from './factories'

let database: MonitorDatabase
afterEach(async () => {
  await database.delete()
})

const snapshotTables = async (db: MonitorDatabase) => ({
  departments: await db.departments.toArray(),
  projects: await db.projects.toArray(),
  indicators: await db.indicators.toArray(),
  imports: await db.imports.count(),
  changes: await db.changes.count(),
})

describe('importDocument', () => {
  it('stores the seed document: one department, five projects, fifteen indicators', async () => {
    database = freshDatabase()
    const parsed = parseDocument(readFileSync('mock-data/seed/000_de49ccc16f966567.txt', 'utf8'))
    if (!parsed.ok) throw new Error(parsed.error.message)
    const summary = await importDocument(parsed.document, { fileName: 'seed.txt', actor: '测试' }, database)
    expect(summary).toMatchObject({ year: 2020, departmentCode: '315002', projectsCreated: 5, indicatorsCreated: 15 })
    const data = await loadProjectData({ year: 2020, departmentCode: '315002' }, database)
    expect(data.map((row) => row.project.name)).toEqual([
      '法律援助经费',
      '法制工作专项经费',
      '人民调解员补贴',
      '社区矫正经费',
      '依法治区及普法宣传经费',
    ])
    expect(data.reduce((sum, row) => sum + row.project.budget.total, 0)).toBe(21_050_000)
    expect(data.flatMap((row) => row.indicators)).toHaveLength(15)
    expect(await database.departments.get('315002')).toEqual({ code: '315002', name: '秦皇岛市北戴河区司法局' })
  })

  it('re-importing updates targets in place and keeps entered actuals', async () => {
    database = await sampleDatabase()
    const [first] = await loadProjectData({ year: 2021, departmentCode: '201001' }, database)
    const shows = first!.indicators[0]!
    await setSpending(first!.project.id, 3, 2_000_000, '测试', database)
    await setIndicatorValue(shows.id, 3, { value: 14, manualStatus: null }, '测试', database)

    const revised = sampleDocument()
    const project = revised.projects[0]!
    const changed = {
      ...revised,
      projects: [
        {
          ...project,
          budget: { ...project.budget, total: 13_000_000, fiscal: 13_000_000 },
          indicators: [{ ...project.indicators[0]!, target: { ...project.indicators[0]!.target, raw: '≥70场', value: 70 } }, project.indicators[1]!],
        },
        revised.projects[1]!,
      ],
    }
    const summary = await importDocument(changed, { fileName: 'a-v2.docx', actor: '测试' }, database)
    expect(summary).toMatchObject({ projectsCreated: 0, projectsUpdated: 2, indicatorsCreated: 0, indicatorsUpdated: 3 })

    expect(await database.projects.count()).toBe(2)
    expect(await database.indicators.count()).toBe(3)
    const [after] = await loadProjectData({ year: 2021, departmentCode: '201001' }, database)
    expect(after!.project.budget.total).toBe(13_000_000)
    expect(after!.indicators[0]).toMatchObject({ id: shows.id, target: { value: 70, raw: '≥70场' } })
    expect(after!.spending).toEqual([{ projectId: first!.project.id, month: 3, amount: 2_000_000 }])
    expect(after!.values).toEqual([{ indicatorId: shows.id, month: 3, value: 14, manualStatus: null }])
  })

  it('keeps an indicator the new document dropped, with its values', async () => {
    database = await sampleDatabase()
    const [first] = await loadProjectData({ year: 2021, departmentCode: '201001' }, database)
    const satisfaction = first!.indicators[1]!
    await setIndicatorValue(satisfaction.id, 6, { value: 93, manualStatus: null }, '测试', database)
    const doc = sampleDocument()
    const shortened = { ...doc, projects: [{ ...doc.projects[0]!, indicators: [doc.projects[0]!.indicators[0]!] }] }
    const summary = await importDocument(shortened, { fileName: 'a-v2.docx', actor: '测试' }, database)
    expect(summary.indicatorsKept).toBe(1)
    expect(await database.indicatorValues.get([satisfaction.id, 6])).toMatchObject({ value: 93 })
  })

  it('an import that fails midway leaves the database exactly as it was', async () => {
    database = await sampleDatabase()
    const before = await snapshotTables(database)
    const doc = sampleDocument({ department: { code: '201001', name: '改名后的局' } })
    const broken = {
      ...doc,
      projects: [
        { ...doc.projects[0]!, name: '文化下乡活动经费（改）' },
        { ...doc.projects[1]!, budget: { total: 1.5, fiscal: null, other: null } },
      ],
    }
    await expect(importDocument(broken, { fileName: 'bad.docx', actor: '测试' }, database)).rejects.toBeInstanceOf(
      ImportRejectedError,
    )
    expect(await snapshotTables(database)).toEqual(before)
  })

  it.each([
    ['no year', { year: null }, /年度/],
    ['no department code', { department: { code: ' ', name: 'x' } }, /单位编码/],
    ['a slash in the department code', { department: { code: '201/001', name: 'x' } }, /含有“\/”/],
  ])('rejects a document with %s', async (_label, overrides, message) => {
    database = freshDatabase()
    await expect(
      importDocument(sampleDocument(overrides), { fileName: 'x', actor: '测试' }, database),
    ).rejects.toThrow(message)
    expect(await database.projects.count()).toBe(0)
  })
})
