import { afterEach, describe, expect, it } from 'vitest'
import type { MonitorDatabase } from '@/db/database'
import { findStoredProjectCodes, loadImportHistory } from '@/db/importHistoryRepository'
import { importDocument } from '@/db/importRepository'
import { freshDatabase, sampleDatabase, sampleDocument } from './factories'

let database: MonitorDatabase
afterEach(async () => {
  await database.delete()
})

describe('import history', () => {
  it('lists the newest imports first with the department name, and counts all', async () => {
    database = freshDatabase()
    await importDocument(sampleDocument(), { fileName: 'a.docx', actor: '测试', warningCount: 2 }, database)
    await importDocument(sampleDocument({ year: 2022 }), { fileName: 'b.docx', actor: '测试' }, database)
    await importDocument(sampleDocument({ year: 2023 }), { fileName: 'c.docx', actor: '测试' }, database)
    const history = await loadImportHistory(2, database)
    expect(history.total).toBe(3)
    expect(history.entries.map((row) => [row.fileName, row.year, row.departmentName, row.projectCount])).toEqual([
      ['c.docx', 2023, '某区文化和旅游局', 2],
      ['b.docx', 2022, '某区文化和旅游局', 2],
    ])
  })

  it('finds the project codes a re-import would update', async () => {
    database = await sampleDatabase()
    expect(await findStoredProjectCodes(2021, '201001', database)).toEqual(new Set(['201-01-A', '201-01-B']))
    expect(await findStoredProjectCodes(2022, '201001', database)).toEqual(new Set())
  })
})
