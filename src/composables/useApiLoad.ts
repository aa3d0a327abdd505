import { shallowRef, watch, type WatchSource } from 'vue'
import { describeApiError } from '@/api/client'

/**
 * A server read kept current: `read` runs now and whenever `source` changes; `act` runs a write,
 * then reads again. Either one's failure is shown in Chinese in `failure`; `isBusy` while writing.
 */
export function useApiLoad(source: WatchSource<unknown>, read: () => Promise<void>) {
  const failure = shallowRef<string | null>(null)
  const isBusy = shallowRef(false)
  async function load(): Promise<void> {
    try {
      await read()
      failure.value = null
    } catch (error) {
      failure.value = describeApiError(error)
    }
  }
  async function act(work: () => Promise<unknown>): Promise<void> {
    isBusy.value = true
    failure.value = null
    try {
      await work()
      await load()
    } catch (error) {
      failure.value = describeApiError(error)
    } finally {
      isBusy.value = false
    }
  }
  watch(source, () => void load(), { immediate: true })
  return { failure, isBusy, load, act }
}
