import { afterEach, describe, expect, it } from 'vitest'
import { setIndicatorValue } from '@/db/actualsRepository'
import type { MonitorDatabase } from '@/db/database'
import { importDocument } from '@/db/importRepository'
import { setIndicatorKind } from '@/db/indicatorRepository'
import { toIndicator } from '@/db/mappers'
import { loadProjectData } from '@/db/monitorRepository'
import { evaluateIndicator } from '@/domain'
import { sampleDatabase, sampleDocument } from './factories'

const databases: MonitorDatabase[] = []
afterEach(async () => {
  await Promise.all(databases.splice(0).map((database) => database.delete()))
})

const SHOWS = '2021/201001/201-01-A#1' // 送戏下乡场次 ≥60场: cumulative by its unit

async function imported(): Promise<MonitorDatabase> {
  const database = await sampleDatabase()
  databases.push(database)
  return database
}

/** The change-log rows of the test indicator (`changes` has no index on indicatorId). */
async function kindLog(database: MonitorDatabase) {
  return (await database.changes.toArray()).filter((change) => change.indicatorId === SHOWS)
}

async function indicatorOf(database: MonitorDatabase, id = SHOWS) {
  const projects = await loadProjectData({ year: 2021, departmentCode: '201001' }, database)
  const indicator = projects.flatMap((p) => p.indicators).find((i) => i.id === id)
  if (!indicator) throw new Error(`no indicator ${id}`)
  return { indicator, values: projects.flatMap((p) => p.values) }
}

describe('setIndicatorKind', () => {
  it('overrides the document kind, logged as 指标口径：累计 → 时点', async () => {
    const database = await imported()
    await setIndicatorKind(SHOWS, 'level', '张', database)
    const { indicator } = await indicatorOf(database)
    expect(indicator.target.kind).toBe('level')
    expect(indicator.documentKind).toBe('cumulative')
    const row = await database.indicators.get(SHOWS)
    expect(row).toMatchObject({ kind: 'cumulative', kindOverride: 'level' })
    const log = await kindLog(database)
    expect(log).toEqual([
      expect.objectContaining({ actor: '张', kind: 'indicator', month: null, oldValue: 'cumulative', newValue: 'level', summary: expect.stringContaining('指标口径：累计 → 时点') }),
    ])
  })

  it('goes back to the document kind with null, logged; setting the same again logs nothing', async () => {
    const database = await imported()
    await setIndicatorKind(SHOWS, 'level', '张', database)
    await setIndicatorKind(SHOWS, null, '张', database)
    await setIndicatorKind(SHOWS, null, '张', database)
    expect((await indicatorOf(database)).indicator.target.kind).toBe('cumulative')
    expect((await database.indicators.get(SHOWS))?.kindOverride).toBeNull()
    const summaries = (await kindLog(database)).map((c) => c.summary)
    expect(summaries).toEqual([expect.stringContaining('累计 → 时点'), expect.stringContaining('时点 → 累计（恢复文档口径）')])
  })

  it('refuses a qualitative indicator with a Chinese reason, writing nothing', async () => {
    const database = await imported()
    const row = await database.indicators.get(SHOWS)
    await database.indicators.put({ ...row!, kind: 'qualitative', targetValue: null, operator: null, unit: null, targetRaw: '显著提升' })
    await expect(setIndicatorKind(SHOWS, 'level', '张', database)).rejects.toThrow(/定性指标.*没有累计或时点口径/)
    expect((await database.indicators.get(SHOWS))?.kindOverride).toBeUndefined()
    expect((await kindLog(database)).length).toBe(0)
  })

  it('is not monthly data: a 已报送 month does not lock it', async () => {
    const database = await imported()
    await database.monthLocks.put({ year: 2021, departmentCode: '201001', month: 1, lockedAt: 'x', lockedBy: '张' })
    await setIndicatorKind(SHOWS, 'level', '张', database)
    expect((await indicatorOf(database)).indicator.target.kind).toBe('level')
  })

  it('survives a re-import; the document kind underneath is still updated', async () => {
    const database = await imported()
    await setIndicatorKind(SHOWS, 'level', '张', database)
    const base = sampleDocument()
    const [first, ...rest] = base.projects
    const shows = first!.indicators[0]!
    const changed = { ...first!, indicators: [{ ...shows, target: { ...shows.target, kind: 'qualitative' as const } }, ...first!.indicators.slice(1)] }
    await importDocument({ ...base, projects: [changed, ...rest] }, { fileName: 'b.docx', actor: '测试' }, database)
    expect(await database.indicators.get(SHOWS)).toMatchObject({ kind: 'qualitative', kindOverride: 'level' })

    await importDocument(sampleDocument(), { fileName: 'c.docx', actor: '测试' }, database)
    expect(await database.indicators.get(SHOWS)).toMatchObject({ kind: 'cumulative', kindOverride: 'level' })
    expect((await indicatorOf(database)).indicator.target.kind).toBe('level')
  })

  it('turns the same monthly values from a sum (累计) into the latest value (时点)', async () => {
    const database = await imported()
    for (const [month, value] of [[1, 5], [2, 7], [3, 6]] as const) {
      await setIndicatorValue(SHOWS, month, { value, manualStatus: null }, '张', database)
    }
    const before = await indicatorOf(database)
    expect(evaluateIndicator(before.indicator, before.values, 3).actual).toBe(18)
    await setIndicatorKind(SHOWS, 'level', '张', database)
    const after = await indicatorOf(database)
    expect(evaluateIndicator(after.indicator, after.values, 3).actual).toBe(6)
    expect(evaluateIndicator(after.indicator, after.values, 2).actual).toBe(7)
  })
})

describe('toIndicator', () => {
  const row = {
    id: 'x#1', projectId: 'x', order: 0, level1: '产出指标', level2: '数量指标', name: '城市低保保障人数', description: '',
    targetRaw: '≥1150人', operator: '>=' as const, targetValue: 1150, unit: '人', basis: null,
  }
  it.each([
    ['an older row without override', { kind: 'cumulative' as const }, 'cumulative'],
    ['no override (null)', { kind: 'cumulative' as const, kindOverride: null }, 'cumulative'],
    ['an override', { kind: 'cumulative' as const, kindOverride: 'level' as const }, 'level'],
    ['a qualitative row, whatever is stored', { kind: 'qualitative' as const, kindOverride: 'level' as const }, 'qualitative'],
  ])('takes the kind in force from %s', (_label, fields, kind) => {
    const indicator = toIndicator({ ...row, ...fields })
    expect(indicator.target.kind).toBe(kind)
    expect(indicator.documentKind).toBe(fields.kind)
  })
})
