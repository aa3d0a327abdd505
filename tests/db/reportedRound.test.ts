import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MonitorDatabase } from '@/db/database'
import { exportBackup, restoreBackup } from '@/db/backupRepository'
import { setIndicatorKind } from '@/db/indicatorRepository'
import { reviewRestoreRounds } from '@/db/restoreRounds'
import { lockMonth, reopenMonth } from '@/db/lockRepository'
import { loadProjectData } from '@/db/monitorRepository'
import { loadReportedRounds, loadRoundHistory } from '@/db/reportedRoundRepository'
import { evaluateShownAt, formatPercent, type Month, type ProjectEvaluation } from '@/domain'
import { DEMO_DEPARTMENT, DEMO_YEAR, FLC6, loadRealDemo, reimportSeed, seedWithLegalAidBudget30 } from './demoDatabase'
import { freshDatabase } from './factories'

let database: MonitorDatabase
beforeEach(async () => {
  database = freshDatabase()
  await loadRealDemo(database)
})
afterEach(async () => {
  await database.delete()
})

const SCOPE = { year: DEMO_YEAR, departmentCode: DEMO_DEPARTMENT }

/** What the overview, project page and meeting show for the demo at a month (the composables' path). */
async function shownAt(month: Month) {
  const [data, rounds] = await Promise.all([loadProjectData(SCOPE, database), loadReportedRounds(SCOPE, database)])
  return evaluateShownAt(data, rounds, month)
}

/** 法律援助经费 as a user reads it: '3/3 达标 绿' and its 执行率. */
function legalAid(evaluations: readonly ProjectEvaluation[]) {
  const e = evaluations.find((row) => row.project.id === FLC6)
  if (!e) throw new Error('no 法律援助经费')
  const met = e.indicators.filter((i) => i.status === 'green').length
  return { indicators: `${met}/${e.indicators.length} 达标`, status: e.status, rate: formatPercent(e.spend.executionRate) }
}

const lawCases = async () => {
  const indicators = await database.indicators.where('projectId').equals(FLC6).sortBy('order')
  const found = indicators.find((row) => row.name === '法律案件受理数')
  if (!found) throw new Error('no 法律案件受理数')
  return found.id
}

describe('a 已报送 month keeps what was reported', () => {
  it('(a) switching an indicator’s 口径 to 时点 leaves 法律援助经费’s 7月 as reported, marked changed; 8月 uses today’s', async () => {
    const before = legalAid((await shownAt(7)).evaluations)
    expect(before).toEqual({ indicators: '3/3 达标', status: 'green', rate: '55.0%' })
    await lockMonth(DEMO_YEAR, DEMO_DEPARTMENT, 7, '张会计', database)
    await setIndicatorKind(await lawCases(), 'level', '张会计', database)

    const july = await shownAt(7)
    expect(legalAid(july.evaluations)).toEqual(before)
    const changes = july.changes.get(FLC6) ?? []
    expect(changes.find((d) => d.label === '法律案件受理数 状态')).toEqual({ label: '法律案件受理数 状态', reported: '绿·正常', current: '红·滞后' })
    expect(legalAid((await shownAt(8)).evaluations).status).not.toBe('green')
  })

  it('(b) re-importing the seed with 法律援助经费’s 预算数 at 30.00 leaves its 7月 执行率 as reported', async () => {
    await lockMonth(DEMO_YEAR, DEMO_DEPARTMENT, 7, '张会计', database)
    await reimportSeed(seedWithLegalAidBudget30(), database)
    const july = await shownAt(7)
    expect(legalAid(july.evaluations).rate).toBe('55.0%')
    expect(july.changes.get(FLC6)?.find((d) => d.label === '执行率')).toEqual({ label: '执行率', reported: '55.0%', current: '5.5%' })
    // 8月 is not reported: today's budget.
    expect((await shownAt(8)).evaluations.find((e) => e.project.id === FLC6)?.spend.budget).toBe(30_000_000)
  })

  it('stores the round with the lock, in one transaction: a round that cannot be stored leaves the month unlocked', async () => {
    database.reportedRounds.hook('creating', () => {
      throw new Error('disk full')
    })
    await expect(lockMonth(DEMO_YEAR, DEMO_DEPARTMENT, 7, '张会计', database)).rejects.toThrow('disk full')
    expect(await database.monthLocks.count()).toBe(0)
    expect(await database.changes.where('kind').equals('lock').count()).toBe(0)
  })

  it('stores every project’s figures, the month’s notes and the summary, with who and when', async () => {
    await lockMonth(DEMO_YEAR, DEMO_DEPARTMENT, 7, '张会计', database)
    const [round] = await loadReportedRounds(SCOPE, database)
    const lock = await database.monthLocks.get([DEMO_YEAR, DEMO_DEPARTMENT, 7])
    expect(round).toMatchObject({ month: 7, revision: 1, reportedBy: '张会计', reportedAt: lock?.lockedAt, reopenedAt: null })
    expect(round?.evaluations).toHaveLength(5)
    expect(round?.evaluations.flatMap((e) => e.indicators)).toHaveLength(15)
    expect(round?.notes.every((n) => n.month === 7)).toBe(true)
    expect(round?.summary.budget).toBe(21_050_000)
  })

  it('reopening keeps the earlier report as history; reporting again stores a second revision', async () => {
    await lockMonth(DEMO_YEAR, DEMO_DEPARTMENT, 7, '张会计', database)
    await reopenMonth(DEMO_YEAR, DEMO_DEPARTMENT, 7, '李科长', '更正法律案件受理数', database)
    expect(await loadReportedRounds(SCOPE, database)).toEqual([])
    // Reopened: 7月 shows today's figures again.
    await setIndicatorKind(await lawCases(), 'level', '张会计', database)
    expect(legalAid((await shownAt(7)).evaluations).status).not.toBe('green')

    await lockMonth(DEMO_YEAR, DEMO_DEPARTMENT, 7, '张会计', database)
    const history = await loadRoundHistory(DEMO_YEAR, DEMO_DEPARTMENT, 7, database)
    expect(history.map((r) => [r.revision, r.reopenedBy, r.reopenReason])).toEqual([
      [1, '李科长', '更正法律案件受理数'],
      [2, null, null],
    ])
    expect(legalAid(history[0]!.evaluations).status).toBe('green')
    const standing = await loadReportedRounds(SCOPE, database)
    expect(standing.map((r) => r.revision)).toEqual([2])
    expect(legalAid((await shownAt(7)).evaluations).status).not.toBe('green')
    expect((await shownAt(7)).changes.size).toBe(0)
    const log = await database.changes.where('kind').equals('lock').toArray()
    expect(log.map((row) => row.summary).at(-1)).toBe('2020年7月标记已报送（315002，第 2 次报送）')
  })
})

describe('restoring a backup keeps the 已报送 months', () => {
  it('(c) a backup made before the lock neither unlocks 7月 nor reverts what was reported; the review says so', async () => {
    const older = await exportBackup(database)
    await setIndicatorKind(await lawCases(), 'level', '张会计', database)
    await lockMonth(DEMO_YEAR, DEMO_DEPARTMENT, 7, '张会计', database)
    const reportedJuly = legalAid((await shownAt(7)).evaluations)
    expect(reportedJuly.status).not.toBe('green')

    const current = await exportBackup(database)
    const review = reviewRestoreRounds(current.tables, older.tables)
    expect(review).toEqual([
      {
        year: 2020,
        departmentCode: '315002',
        month: 7,
        outcome: '保持已报送（不解锁），保留报送时的数据；备份中本月及以前的数据与当前不同，恢复后页面仍显示报送时的数据，并标出“报送后有变动”',
        ifBackup: '解除锁定（备份中本月未报送），报送时的数据不再显示',
        wouldUnlock: true,
      },
    ])

    await restoreBackup(older, database)
    expect(await database.monthLocks.get([DEMO_YEAR, DEMO_DEPARTMENT, 7])).toMatchObject({ lockedBy: '张会计' })
    const july = await shownAt(7)
    expect(legalAid(july.evaluations)).toEqual(reportedJuly)
    // The backup's 口径 (累计) is back, so today's figures differ from the report: marked.
    expect(july.changes.get(FLC6)?.find((d) => d.label === '法律案件受理数 状态')).toEqual({ label: '法律案件受理数 状态', reported: '红·滞后', current: '绿·正常' })
    const log = await database.changes.where('kind').equals('lock').toArray()
    expect(log.map((row) => row.summary)).toEqual(['恢复备份：保持已报送 2020年7月（315002），报送时的数据保留'])
  })

  it('takes the backup’s locks and reports only when asked to, and then unlocks what the backup did not report', async () => {
    const older = await exportBackup(database)
    await lockMonth(DEMO_YEAR, DEMO_DEPARTMENT, 7, '张会计', database)
    await restoreBackup(older, database, { mode: 'backup', actor: '李科长' })
    expect(await database.monthLocks.count()).toBe(0)
    expect(await database.reportedRounds.count()).toBe(0)
  })

  it('restores the backup’s 已报送 months where this browser has none, with their reports', async () => {
    await lockMonth(DEMO_YEAR, DEMO_DEPARTMENT, 6, '张会计', database)
    const withJune = await exportBackup(database)
    await reopenMonth(DEMO_YEAR, DEMO_DEPARTMENT, 6, '李科长', '更正', database)
    await lockMonth(DEMO_YEAR, DEMO_DEPARTMENT, 7, '张会计', database)
    const fresh = freshDatabase()
    try {
      await restoreBackup(withJune, fresh)
      expect((await fresh.monthLocks.toArray()).map((l) => l.month)).toEqual([6])
      expect((await loadReportedRounds(SCOPE, fresh)).map((r) => [r.month, r.revision])).toEqual([[6, 1]])
    } finally {
      await fresh.delete()
    }
    // Here 6月 was reopened after that backup: it stays reopened; 7月 stays reported.
    const review = reviewRestoreRounds((await exportBackup(database)).tables, withJune.tables)
    expect(review.map((item) => [item.month, item.outcome])).toEqual([
      [6, '保持当前的“已重新打开”，不采用备份中的报送'],
      [7, expect.stringMatching(/^保持已报送（不解锁）/)],
    ])
    await restoreBackup(withJune, database)
    expect((await database.monthLocks.toArray()).map((l) => l.month)).toEqual([7])
    expect((await loadRoundHistory(DEMO_YEAR, DEMO_DEPARTMENT, 6, database)).map((r) => r.reopenReason)).toEqual(['更正'])
  })
})
