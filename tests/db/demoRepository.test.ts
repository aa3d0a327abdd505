import { afterEach, describe, expect, it } from 'vitest'
import type { MonitorDatabase } from '@/db/database'
import { clearDemo, isDatabaseEmpty, loadDemo } from '@/db/demoRepository'
import { loadProjectData } from '@/db/monitorRepository'
import { getSettings, saveSettings } from '@/db/settingsRepository'
import { DEFAULT_THRESHOLDS } from '@/domain/types'
import { freshDatabase, sampleDocument } from './factories'

let database: MonitorDatabase
afterEach(async () => {
  await database.delete()
})

const ACTUALS = {
  spending: [{ projectCode: '201-01-A', month: 1 as const, amount: 1_000_000 }],
  values: [{ projectCode: '201-01-A', indicatorName: '送戏下乡场次', month: 1 as const, value: 5 }],
  notes: [
    {
      projectCode: '201-01-A',
      month: 1 as const,
      reasons: ['funding' as const],
      explanation: '资金未到位',
      likelihood: 'possible' as const,
      actions: '催拨资金',
    },
  ],
}

describe('demo data', () => {
  it('loads with its actuals, is marked as demo, and clears completely', async () => {
    database = freshDatabase()
    expect(await isDatabaseEmpty(database)).toBe(true)
    await loadDemo(sampleDocument(), ACTUALS, { fileName: 'demo.txt', warningCount: 2 }, database)
    expect((await getSettings(database)).demo).toEqual({ year: 2021, departmentCode: '201001' })
    expect(await database.imports.toArray()).toMatchObject([{ fileName: 'demo.txt', warningCount: 2, projectCount: 2 }])
    const [project] = await loadProjectData({ year: 2021, departmentCode: null }, database)
    expect(project!.spending).toHaveLength(1)
    expect(project!.values).toHaveLength(1)
    // Stored as a note row of the project: no document-level fields such as projectCode.
    expect(await database.notes.toArray()).toEqual([
      { projectId: '2021/201001/201-01-A', month: 1, reasons: ['funding'], explanation: '资金未到位', likelihood: 'possible', actions: '催拨资金' },
    ])

    await database.meetingAgendaFlags.bulkPut([
      { projectId: '2021/201001/201-01-A', month: 5, isOnAgenda: true },
      { projectId: '2021/201001/201-01-A', month: 7, isOnAgenda: null },
    ])
    await clearDemo(database)
    expect(await isDatabaseEmpty(database)).toBe(true)
    expect(await database.meetingAgendaFlags.count()).toBe(0)
    expect(await database.spending.count()).toBe(0)
    expect(await database.indicatorValues.count()).toBe(0)
    expect(await database.departments.count()).toBe(0)
    const settings = await getSettings(database)
    expect(settings.demo).toBeNull()
    expect(settings.demoDismissed).toBe(true)
  })

  it('fails whole when an actual names an unknown indicator', async () => {
    database = freshDatabase()
    const bad = { ...ACTUALS, values: [{ ...ACTUALS.values[0]!, indicatorName: '不存在的指标' }] }
    await expect(loadDemo(sampleDocument(), bad, { fileName: 'demo.txt', warningCount: 2 }, database)).rejects.toThrow(/不存在的指标/)
    expect(await isDatabaseEmpty(database)).toBe(true)
  })
})

describe('settings', () => {
  it('fills defaults and ignores malformed thresholds', async () => {
    database = freshDatabase()
    expect(await getSettings(database)).toEqual({ actor: '', thresholds: DEFAULT_THRESHOLDS, demo: null, demoDismissed: false, spendingEntry: 'monthly', targetDisplay: 'adjusted' })
    await database.settings.put({ key: 'thresholds', value: { yellowFrom: -3, redBelow: 'x' } })
    await saveSettings({ actor: '李科长' }, database)
    const settings = await getSettings(database)
    expect(settings.actor).toBe('李科长')
    expect(settings.thresholds).toEqual({ ...DEFAULT_THRESHOLDS, yellowFrom: -3 })
  })
})
