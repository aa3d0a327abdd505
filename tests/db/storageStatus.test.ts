import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase } from '@/db/database'
import {
  openAppDatabase,
  readStorageUsage,
  requestPersistentStorage,
  requestPersistentStorageOnce,
  type StorageManagerLike,
} from '@/db/storageStatus'

const NAME = 'storage-status-test'
afterEach(async () => {
  await Dexie.delete(NAME)
})

/** A StorageManager whose persist() answers `grants`, counting the calls. */
function fakeStorage(grants: boolean, usage = 12_345_678, quota = 2_000_000_000) {
  let isPersisted = false
  const calls = { persist: 0 }
  const storage: StorageManagerLike = {
    estimate: async () => ({ usage, quota }),
    persisted: async () => isPersisted,
    persist: async () => {
      calls.persist += 1
      isPersisted = grants
      return grants
    },
  }
  return { storage, calls }
}

function memory(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>()
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) }
}

describe('openAppDatabase', () => {
  it('opens the database and reports nothing', async () => {
    const database = createDatabase(NAME)
    expect(await openAppDatabase(database)).toBeNull()
    expect(database.isOpen()).toBe(true)
    database.close()
  })

  it('reports a browser without IndexedDB in Chinese', async () => {
    // Dexie reads IndexedDB from its dependencies: take it away, as a browser without it would.
    const saved = Dexie.dependencies.indexedDB
    Dexie.dependencies.indexedDB = undefined as unknown as IDBFactory
    try {
      const failure = await openAppDatabase(new Dexie(`${NAME}-missing`))
      expect(failure).toMatchObject({ problem: 'unavailable', title: '无法使用浏览器存储' })
      expect(failure?.technical).toMatch(/MissingAPIError/)
    } finally {
      Dexie.dependencies.indexedDB = saved
    }
  })

  it('reports a storage that refuses to open (storage disabled)', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      },
    } as unknown as IDBFactory
    const failure = await openAppDatabase(new Dexie(NAME, { indexedDB: refusing, IDBKeyRange }))
    expect(failure?.problem).toBe('unavailable')
    expect(failure?.action).toMatch(/普通窗口/)
  })

  it('says so when another tab holds an older version open', async () => {
    // An old connection that ignores versionchange, as a frozen tab on an old version would.
    const old = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(NAME, 10)
      request.onsuccess = () => resolve(request.result)
    })
    const failure = await openAppDatabase(createDatabase(NAME))
    expect(failure?.problem).toBe('version')
    expect(failure?.action).toMatch(/关闭本应用的其他标签页/)
    old.close()
  })
})

describe('storage usage and persistence', () => {
  it('reads how much is used and whether it is persistent', async () => {
    const { storage } = fakeStorage(true)
    expect(await readStorageUsage(storage)).toEqual({ usedBytes: 12_345_678, quotaBytes: 2_000_000_000, isPersisted: false })
    expect(await readStorageUsage(null)).toEqual({ usedBytes: null, quotaBytes: null, isPersisted: null })
  })

  it('asks for persistent storage once per browser, and again only on request', async () => {
    const { storage, calls } = fakeStorage(false)
    const remembered = memory()
    expect(await requestPersistentStorageOnce(storage, remembered)).toBe(false)
    expect(await requestPersistentStorageOnce(storage, remembered)).toBeNull()
    expect(calls.persist).toBe(1)
    expect(await requestPersistentStorage(storage)).toBe(false)
    expect(calls.persist).toBe(2)
  })

  it('does not ask again once granted', async () => {
    const { storage, calls } = fakeStorage(true)
    expect(await requestPersistentStorage(storage)).toBe(true)
    expect(await requestPersistentStorage(storage)).toBe(true)
    expect(calls.persist).toBe(1)
    expect((await readStorageUsage(storage)).isPersisted).toBe(true)
  })
})
