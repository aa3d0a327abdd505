import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase } from '@/db/database'

const NAME = 'migration-test'
afterEach(async () => {
  await Dexie.delete(NAME)
})

describe('schema versions', () => {
  it('opens a v1 database at v2 with its rows intact and the new tables empty', async () => {
    // v1 exactly as first released.
    const v1 = new Dexie(NAME)
    v1.version(1).stores({
      departments: 'code',
      projects: 'id, [year+departmentCode], year',
      indicators: 'id, projectId',
      spending: '[projectId+month], projectId',
      indicatorValues: '[indicatorId+month], projectId, indicatorId',
      notes: '[projectId+month], projectId',
      changes: '++id, at, projectId, [projectId+month]',
      settings: 'key',
      imports: '++id, [year+departmentCode]',
    })
    await v1.table('spending').put({ projectId: 'p', month: 3, amount: 120_000 })
    await v1.table('changes').add({ at: '2020-04-01T00:00:00.000Z', kind: 'spending', projectId: 'p', month: 3 })
    v1.close()

    const v2 = createDatabase(NAME)
    await v2.open()
    expect(v2.verno).toBe(2)
    expect(await v2.spending.get(['p', 3])).toEqual({ projectId: 'p', month: 3, amount: 120_000 })
    // The new kind index works on rows written before it existed.
    expect(await v2.changes.where('kind').equals('spending').count()).toBe(1)
    expect(await v2.monthLocks.count()).toBe(0)
    expect(await v2.actionItems.count()).toBe(0)
    v2.close()
  })

  it('keys 会议关注 by project and meeting month, so each meeting keeps its own flag', async () => {
    const database = createDatabase(NAME)
    await database.agendaFlags.put({ projectId: 'p', month: 5, isOnAgenda: false })
    await database.agendaFlags.put({ projectId: 'p', month: 7, isOnAgenda: true })
    await database.agendaFlags.put({ projectId: 'p', month: 7, isOnAgenda: null })
    expect(await database.agendaFlags.where('projectId').equals('p').toArray()).toEqual([
      { projectId: 'p', month: 5, isOnAgenda: false },
      { projectId: 'p', month: 7, isOnAgenda: null },
    ])
    database.close()
  })
})
