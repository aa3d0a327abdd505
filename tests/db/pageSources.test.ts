import { afterEach, describe, expect, it } from 'vitest'
import type { MonitorDatabase } from '@/db/database'
import { observeSettings, saveSettings, type AppSettings } from '@/db/settingsRepository'
import { stopSharedSources } from '@/db/sharedSource'
import { loadCatalog, observeCatalog, type Catalog } from '@/db/monitorRepository'
import { freshDatabase, sampleDatabase } from './factories'

const databases: MonitorDatabase[] = []
afterEach(async () => {
  stopSharedSources()
  await Promise.all(databases.splice(0).map((database) => database.delete()))
})

function collect(database: MonitorDatabase): { seen: AppSettings[]; stop: () => void } {
  const seen: AppSettings[] = []
  const subscription = observeSettings(database).subscribe({ next: (value) => seen.push(value), error: (e) => { throw e } })
  return { seen, stop: () => subscription.unsubscribe() }
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5))
  expect(check()).toBe(true)
}

describe('observeSettings, shared by the app shell and the pages', () => {
  it('gives a page the settings as it subscribes while the shell holds them, and every change to both', async () => {
    const database = freshDatabase()
    databases.push(database)
    await saveSettings({ actor: '王会计' }, database)
    const shell = collect(database)
    await until(() => shell.seen.length === 1)
    // The page's first value arrives in its subscribe call: no read before its own reads start.
    const page = collect(database)
    expect(page.seen.map((s) => s.actor)).toEqual(['王会计'])
    await saveSettings({ actor: '李会计' }, database)
    await until(() => page.seen.length === 2 && shell.seen.length === 2)
    expect(page.seen[1]!.actor).toBe('李会计')
    expect(shell.seen[1]!.actor).toBe('李会计')
    page.stop()
    shell.stop()
  })

  it('keeps each database its own settings', async () => {
    const [one, two] = [freshDatabase(), freshDatabase()]
    databases.push(one, two)
    await saveSettings({ actor: '甲' }, one)
    await saveSettings({ actor: '乙' }, two)
    const [a, b] = [collect(one), collect(two)]
    await until(() => a.seen.length === 1 && b.seen.length === 1)
    expect([a.seen[0]!.actor, b.seen[0]!.actor]).toEqual(['甲', '乙'])
    a.stop()
    b.stop()
  })
})

describe('observeCatalog, shared by the pages', () => {
  it('gives the page opened next the years and departments as it subscribes, and follows an import', async () => {
    const database = await sampleDatabase()
    databases.push(database)
    const seen: Catalog[] = []
    const first = observeCatalog(database).subscribe({ next: (value) => seen.push(value), error: (e) => { throw e } })
    await until(() => seen.length === 1)
    first.unsubscribe()
    // The next page, within the minute the catalog is kept: no read before it shows the scope bar.
    const next: Catalog[] = []
    const page = observeCatalog(database).subscribe({ next: (value) => next.push(value), error: (e) => { throw e } })
    expect(next).toHaveLength(1)
    expect(next[0]).toEqual(await loadCatalog(database))
    await database.departments.put({ code: '999001', name: '新部门' })
    await until(() => next.length === 2)
    expect(next[1]!.departments.map((d) => d.code)).toContain('999001')
    page.unsubscribe()
  })
})
