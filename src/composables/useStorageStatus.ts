import { onMounted, shallowRef } from 'vue'
import { readStorageUsage, requestPersistentStorage, type StorageUsage } from '@/db/storageStatus'

// Views show storage failures through this module, never importing src/db themselves.
export { describeError } from '@/db/storageErrors'
export type { StorageUsage } from '@/db/storageStatus'

/** How much this browser stores for the app and whether it is persistent; asks again on request. */
export function useStorageStatus() {
  const usage = shallowRef<StorageUsage | null>(null)
  const isRequesting = shallowRef(false)
  /** false after the user asked and the browser declined. */
  const wasGranted = shallowRef<boolean | null>(null)

  async function refresh(): Promise<void> {
    usage.value = await readStorageUsage()
  }

  async function requestPersistence(): Promise<void> {
    isRequesting.value = true
    try {
      wasGranted.value = await requestPersistentStorage()
      await refresh()
    } finally {
      isRequesting.value = false
    }
  }

  onMounted(refresh)
  return { usage, isRequesting, wasGranted, refresh, requestPersistence }
}
