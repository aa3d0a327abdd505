/**
 * The browser storage behind the database: opening it at start-up (with a Chinese message when
 * it cannot open), how much it holds, and whether the browser keeps it when space runs short.
 */
import type Dexie from 'dexie'
import { db } from './database'
import { describeStorageError, type StorageErrorMessage } from './storageErrors'

/** What navigator.storage reports; null where the browser does not say. */
export interface StorageUsage {
  readonly usedBytes: number | null
  readonly quotaBytes: number | null
  /** true: the browser will not evict the data on its own; null: unknown (no StorageManager). */
  readonly isPersisted: boolean | null
}

/** The parts of navigator.storage used here (absent on insecure origins and old browsers). */
export type StorageManagerLike = Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>

const PERSIST_ASKED_KEY = 'budget-performance-monitor:persist-asked'

function storageManager(): StorageManagerLike | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null
}

/**
 * Opens the database before the app mounts. Resolves null once open, or the message to show
 * full-page: the open failed, or it is blocked by another tab holding an older version open
 * (the open then goes on, so reloading after that tab closes works).
 */
export function openAppDatabase(database: Dexie = db): Promise<StorageErrorMessage | null> {
  return new Promise((resolve) => {
    const onBlocked = () => resolve(describeStorageError({ name: 'DatabaseBlockedError', message: 'upgrade blocked by another connection' }))
    database.on('blocked', onBlocked)
    database
      .open()
      .then(() => resolve(null), (error: unknown) => resolve(describeStorageError(error)))
      .finally(() => database.on('blocked').unsubscribe(onBlocked))
  })
}

/** How much this site stores (bytes) and whether it is persistent. */
export async function readStorageUsage(storage: StorageManagerLike | null = storageManager()): Promise<StorageUsage> {
  if (!storage) return { usedBytes: null, quotaBytes: null, isPersisted: null }
  const [estimate, isPersisted] = await Promise.all([
    storage.estimate().catch(() => null),
    storage.persisted().catch(() => null),
  ])
  return { usedBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null, isPersisted }
}

/** Asks the browser to keep the data even when space runs short; resolves whether it will (null: cannot ask). */
export async function requestPersistentStorage(storage: StorageManagerLike | null = storageManager()): Promise<boolean | null> {
  if (!storage) return null
  try {
    return (await storage.persisted()) || (await storage.persist())
  } catch {
    return null
  }
}

/**
 * Asks for persistent storage once per browser profile (Firefox shows a prompt each time it is
 * asked); the 导入导出 page can ask again on request.
 */
export async function requestPersistentStorageOnce(
  storage: StorageManagerLike | null = storageManager(),
  memory: Pick<Storage, 'getItem' | 'setItem'> | null = typeof localStorage === 'undefined' ? null : localStorage,
): Promise<boolean | null> {
  try {
    if (!memory || memory.getItem(PERSIST_ASKED_KEY) !== null) return null
    memory.setItem(PERSIST_ASKED_KEY, new Date().toISOString())
  } catch {
    return null
  }
  return requestPersistentStorage(storage)
}
