import Dexie from 'dexie'

/** Version 1 exactly as first released. */
export const V1_STORES = {
  departments: 'code',
  projects: 'id, [year+departmentCode], year',
  indicators: 'id, projectId',
  spending: '[projectId+month], projectId',
  indicatorValues: '[indicatorId+month], projectId, indicatorId',
  notes: '[projectId+month], projectId',
  changes: '++id, at, projectId, [projectId+month]',
  settings: 'key',
  imports: '++id, [year+departmentCode]',
} as const

/** Version 2 as first released, before its agendaFlags key was changed in place: one flag per project. */
export const OLD_V2_STORES = {
  changes: '++id, at, projectId, [projectId+month], kind',
  monthLocks: '[year+departmentCode+month]',
  agendaFlags: 'projectId',
  decisions: '[projectId+month], projectId',
  actionItems: '++id, projectId, status, [projectId+month]',
} as const

/** Version 2 as it was shipped later: agendaFlags keyed by (project, meeting month). */
export const CURRENT_V2_STORES = { ...OLD_V2_STORES, agendaFlags: '[projectId+month], projectId' } as const

/** The tables v3 changed: 会议关注 moved to meetingAgendaFlags. */
export const V3_STORES = { agendaFlags: null, meetingAgendaFlags: '[projectId+month], projectId' } as const

/**
 * Creates the database `name` laid out as a profile of an earlier release left it, with the
 * given rows, and closes it, so the app's createDatabase opens (and upgrades) it next.
 */
export async function createLegacyProfile(
  name: string,
  layout: 'v1' | 'oldV2' | 'currentV2' | 'v3',
  rows: Readonly<Record<string, readonly object[]>> = {},
): Promise<void> {
  const legacy = new Dexie(name)
  legacy.version(1).stores(V1_STORES)
  if (layout === 'oldV2') legacy.version(2).stores(OLD_V2_STORES)
  if (layout === 'currentV2') legacy.version(2).stores(CURRENT_V2_STORES)
  if (layout === 'v3') legacy.version(3).stores({ ...CURRENT_V2_STORES, ...V3_STORES })
  await legacy.open()
  for (const [table, items] of Object.entries(rows)) await legacy.table(table).bulkAdd([...items])
  legacy.close()
}
