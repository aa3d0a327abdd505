import { onScopeDispose, shallowRef, watch, type ShallowRef } from 'vue'

/** The minimal shape of a Dexie liveQuery observable, so this composable needs no dexie import. */
export interface Subscribable<T> {
  subscribe(observer: { next: (value: T) => void; error: (error: unknown) => void }): { unsubscribe(): void }
}

/** A source that gives one value and never changes (a page with nothing to read yet). */
export function constantSource<T>(value: T): Subscribable<T> {
  return {
    subscribe(observer) {
      observer.next(value)
      return { unsubscribe() {} }
    },
  }
}

export interface LiveQueryState<T> {
  readonly data: ShallowRef<T>
  readonly error: ShallowRef<unknown>
  readonly isLoading: ShallowRef<boolean>
}

/**
 * Subscribes to a live query and keeps its latest result in a shallowRef. `source` is re-run
 * (and the old subscription released) whenever the reactive inputs it reads change.
 */
export function useLiveQuery<T>(source: () => Subscribable<T>, initial: T): LiveQueryState<T> {
  const data = shallowRef<T>(initial)
  const error = shallowRef<unknown>(null)
  const isLoading = shallowRef(true)
  let subscription: { unsubscribe(): void } | null = null

  const stop = watch(
    source,
    (observable) => {
      subscription?.unsubscribe()
      isLoading.value = true
      subscription = observable.subscribe({
        next: (value) => {
          data.value = value
          error.value = null
          isLoading.value = false
        },
        error: (reason) => {
          error.value = reason
          isLoading.value = false
        },
      })
    },
    { immediate: true },
  )

  onScopeDispose(() => {
    stop()
    subscription?.unsubscribe()
  })
  return { data, error, isLoading }
}
