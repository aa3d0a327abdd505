import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { effectiveAgendaFlag } from '@/domain/agenda'
import { MONTHS, type Month } from '@/domain/types'
import { createDatabase, SCHEMA_VERSIONS, type SchemaStores } from '@/db/database'
import { createLegacyProfile, CURRENT_V2_STORES, V1_STORES, V3_STORES } from './legacyProfiles'

const NAME = 'migration-test'
afterEach(async () => {
  await Dexie.delete(NAME)
})

/**
 * Every schema version as shipped. A shipped version is never edited: change the schema by
 * adding a version to SCHEMA_VERSIONS (and, once it ships, here).
 */
const SHIPPED: readonly { version: number; stores: SchemaStores }[] = [
  { version: 1, stores: V1_STORES },
  { version: 2, stores: CURRENT_V2_STORES },
  { version: 3, stores: V3_STORES },
  {
    version: 4,
    stores: {
      budgetAdjustments: '++id, projectId, transferGroup',
      targetAdjustments: '++id, indicatorId, projectId',
      reportedRounds: '++id, [year+departmentCode+month]',
    },
  },
  { version: 5, stores: { indicatorNotes: '[indicatorId+month], projectId', meetingRecords: '[year+departmentCode+month]' } },
  { version: 6, stores: { outbox: '++id, [year+departmentCode+month], state' } },
  { version: 7, stores: { projectSummaries: 'projectId' } },
  { version: 8, stores: { projectFigures: '[month+projectId]' } },
  { version: 9, stores: { projectFigures: null, departmentFigures: '[month+scope]' } },
]

/** The tables a database holds after every version up to the latest: name → stores string. */
function cumulative(versions: readonly { stores: SchemaStores }[]): Record<string, string> {
  const tables: Record<string, string | null> = {}
  for (const { stores } of versions) Object.assign(tables, stores)
  return Object.fromEntries(Object.entries(tables).filter((entry): entry is [string, string] => entry[1] !== null))
}

/** What an opened database really holds: name → primary key and indexes as Dexie writes them. */
function installed(database: Dexie): Record<string, string> {
  return Object.fromEntries(
    database.tables.map((table) => [table.name, [table.schema.primKey, ...table.schema.indexes].map((index) => index.src).join(', ')]),
  )
}

describe('schema guard', () => {
  it('keeps every shipped version as it shipped; new ones are added after them', () => {
    expect(SCHEMA_VERSIONS.slice(0, SHIPPED.length)).toEqual(SHIPPED)
    // Strictly increasing.
    const versions = SCHEMA_VERSIONS.map((entry) => entry.version)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(new Set(versions).size).toBe(versions.length)
  })

  it('opens a new database with exactly the tables of every version declared', async () => {
    const database = createDatabase(NAME)
    await database.open()
    expect(database.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version)
    expect(installed(database)).toEqual(cumulative(SCHEMA_VERSIONS))
    database.close()
  })
})

/** 会议关注 in force at every meeting month for project p, as the flags of the old layout meant it. */
const oldMeaning = (flags: readonly { month?: number; isOnAgenda: boolean | null }[]) =>
  MONTHS.map((m) => effectiveAgendaFlag(flags.map((f) => ({ month: (f.month ?? 1) as Month, isOnAgenda: f.isOnAgenda })), m))

describe('schema versions', () => {
  it('opens a v3 database at the latest version with its action items intact: old rows read as 未开始 / 已完成, new tables empty', async () => {
    const old = new Dexie(NAME)
    old.version(3).stores({ ...SCHEMA_VERSIONS[0]!.stores, ...SCHEMA_VERSIONS[1]!.stores, ...SCHEMA_VERSIONS[2]!.stores })
    await old.table('actionItems').add({ projectId: 'p', month: 7, text: '旧', owner: '', dueDate: '2020-08-31', status: 'closed', closedMonth: 8 })
    old.close()
    const database = createDatabase(NAME)
    await database.open()
    expect(database.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version)
    const [item] = await database.actionItems.toArray()
    expect(item).toMatchObject({ status: 'closed', closedMonth: 8 })
    expect(await database.indicatorNotes.count()).toBe(0)
    expect(await database.meetingRecords.count()).toBe(0)
    await database.indicatorNotes.put({ indicatorId: 'p#1', projectId: 'p', month: 7, reasons: [], likelihood: null, explanation: '', remark: 'x', forecast: null })
    expect(await database.indicatorNotes.where('projectId').equals('p').count()).toBe(1)
    database.close()
  })

  it('opens a v1 database at the latest version with its rows intact and the new tables empty', async () => {
    await createLegacyProfile(NAME, 'v1', {
      spending: [{ projectId: 'p', month: 3, amount: 120_000 }],
      changes: [{ at: '2020-04-01T00:00:00.000Z', kind: 'spending', projectId: 'p', month: 3 }],
    })
    const database = createDatabase(NAME)
    await database.open()
    expect(database.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version)
    expect(await database.spending.get(['p', 3])).toEqual({ projectId: 'p', month: 3, amount: 120_000 })
    // The kind index works on rows written before it existed.
    expect(await database.changes.where('kind').equals('spending').count()).toBe(1)
    expect(await database.monthLocks.count()).toBe(0)
    expect(await database.actionItems.count()).toBe(0)
    expect(await database.meetingAgendaFlags.count()).toBe(0)
    expect(await database.outbox.count()).toBe(0)
    expect(installed(database)).toEqual(cumulative(SCHEMA_VERSIONS))
    database.close()
  })

  it('moves 会议关注 of the old v2 layout (keyed by project) into meetingAgendaFlags, meaning the same', async () => {
    // One flag per project: written before flags had a month (none) and after (a month).
    const oldFlags = [
      { projectId: 'p', isOnAgenda: false },
      { projectId: 'q', month: 9, isOnAgenda: true },
      { projectId: 'r', month: 7, isOnAgenda: null },
    ]
    await createLegacyProfile(NAME, 'oldV2', { agendaFlags: oldFlags, decisions: [{ projectId: 'p', month: 7, decision: 'continue', remark: '', decidedAt: '2020-08-01T00:00:00.000Z' }] })
    const database = createDatabase(NAME)
    await database.open()
    expect(database.tables.map((table) => table.name)).not.toContain('agendaFlags')
    expect(installed(database)).toEqual(cumulative(SCHEMA_VERSIONS))
    const moved = await database.meetingAgendaFlags.toArray()
    expect(moved).toEqual([
      { projectId: 'p', month: 1, isOnAgenda: false },
      { projectId: 'q', month: 9, isOnAgenda: true },
      { projectId: 'r', month: 7, isOnAgenda: null },
    ])
    for (const projectId of ['p', 'q', 'r']) {
      const before = oldMeaning(oldFlags.filter((flag) => flag.projectId === projectId))
      const after = MONTHS.map((m) => effectiveAgendaFlag(moved.filter((flag) => flag.projectId === projectId), m))
      expect(after).toEqual(before)
    }
    expect(await database.decisions.count()).toBe(1)
    // Each meeting month now keeps its own flag.
    await database.meetingAgendaFlags.put({ projectId: 'q', month: 11, isOnAgenda: false })
    expect(await database.meetingAgendaFlags.where('projectId').equals('q').count()).toBe(2)
    database.close()
  })

  it('moves 会议关注 of the current v2 layout (keyed by project and month) unchanged', async () => {
    const flags = [
      { projectId: 'p', month: 5, isOnAgenda: false },
      { projectId: 'p', month: 7, isOnAgenda: true },
      { projectId: 'q', month: 7, isOnAgenda: null },
    ]
    await createLegacyProfile(NAME, 'currentV2', { agendaFlags: flags })
    const database = createDatabase(NAME)
    await database.open()
    expect(await database.meetingAgendaFlags.toArray()).toEqual(flags)
    expect(installed(database)).toEqual(cumulative(SCHEMA_VERSIONS))
    database.close()
  })

  it('opens a v3 database at the latest version with its rows intact and empty adjustment tables that take rows', async () => {
    await createLegacyProfile(NAME, 'v3', {
      spending: [{ projectId: 'p', month: 5, amount: 300_000 }],
      meetingAgendaFlags: [{ projectId: 'p', month: 7, isOnAgenda: true }],
    })
    const database = createDatabase(NAME)
    await database.open()
    expect(database.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version)
    expect(installed(database)).toEqual(cumulative(SCHEMA_VERSIONS))
    expect(await database.spending.get(['p', 5])).toEqual({ projectId: 'p', month: 5, amount: 300_000 })
    expect(await database.meetingAgendaFlags.count()).toBe(1)
    expect(await database.budgetAdjustments.count()).toBe(0)
    expect(await database.targetAdjustments.count()).toBe(0)
    const row = { projectId: 'p', date: '2020-05-20', fiscal: -100, other: 0, documentNo: '文1', reason: '', transferGroup: null, at: '2020-05-20T00:00:00.000Z', actor: 'a' }
    const id = await database.budgetAdjustments.add(row)
    expect(await database.budgetAdjustments.where('projectId').equals('p').toArray()).toEqual([{ ...row, id }])
    database.close()
  })

  it('keys 会议关注 by project and meeting month, so each meeting keeps its own flag', async () => {
    const database = createDatabase(NAME)
    await database.meetingAgendaFlags.put({ projectId: 'p', month: 5, isOnAgenda: false })
    await database.meetingAgendaFlags.put({ projectId: 'p', month: 7, isOnAgenda: true })
    await database.meetingAgendaFlags.put({ projectId: 'p', month: 7, isOnAgenda: null })
    expect(await database.meetingAgendaFlags.where('projectId').equals('p').toArray()).toEqual([
      { projectId: 'p', month: 5, isOnAgenda: false },
      { projectId: 'p', month: 7, isOnAgenda: null },
    ])
    database.close()
  })

  it('opens a v3 database at the latest version with its locks intact and no reported rounds (a lock made before v4 has no snapshot)', async () => {
    const v3 = new Dexie(NAME)
    const storesAt = (version: number) => SCHEMA_VERSIONS.find((entry) => entry.version === version)?.stores ?? {}
    v3.version(1).stores(storesAt(1))
    v3.version(3).stores({ ...storesAt(2), ...storesAt(3) })
    const lock = { year: 2020, departmentCode: '315002', month: 7, lockedAt: '2020-08-05T02:00:00.000Z', lockedBy: '张会计' }
    await v3.table('monthLocks').add(lock)
    v3.close()
    const database = createDatabase(NAME)
    await database.open()
    expect(database.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version)
    expect(await database.monthLocks.toArray()).toEqual([lock])
    expect(await database.reportedRounds.count()).toBe(0)
    expect(installed(database)).toEqual(cumulative(SCHEMA_VERSIONS))
    database.close()
  })
})
