import Dexie, { liveQuery, type ObservabilitySet } from 'dexie'

/** A live list: what useLiveQuery subscribes to (no dexie type in composables). */
export interface LiveList<T> {
  subscribe(observer: { next: (value: T) => void; error: (error: unknown) => void }): { unsubscribe(): void }
}

export type SourceObserver<T> = Parameters<LiveList<T>['subscribe']>[0]

/** How long a source stays read and patched after its last page left (a page coming back finds it). */
const LINGER_MS = 60_000

interface SharedSource<T> {
  readonly observers: Set<SourceObserver<T>>
  latest: T | null
  stop: () => void
  linger: ReturnType<typeof setTimeout> | null
}

const sources = new Map<string, SharedSource<unknown>>()

/**
 * A live source (start: reads, then patches on writes; returns its stop) shared by every page
 * subscribing under the same key and kept a minute after the last one leaves: a page that comes
 * back shows what was kept up to date meanwhile, with no read.
 */
export function sharedSource<T>(key: string, start: (observer: SourceObserver<T>) => () => void): LiveList<T> {
  return {
    subscribe(observer) {
      let source = sources.get(key) as SharedSource<T> | undefined
      if (!source) {
        const created: SharedSource<T> = { observers: new Set(), latest: null, stop: () => undefined, linger: null }
        created.stop = start({
          next(value) {
            created.latest = value
            for (const each of [...created.observers]) each.next(value)
          },
          error(error) {
            // Not kept: the next page reads again.
            created.stop()
            if (sources.get(key) === created) sources.delete(key)
            for (const each of [...created.observers]) each.error(error)
          },
        })
        sources.set(key, created as SharedSource<unknown>)
        source = created
      }
      const shared = source
      if (shared.linger !== null) clearTimeout(shared.linger)
      shared.linger = null
      shared.observers.add(observer)
      if (shared.latest !== null) observer.next(shared.latest)
      return {
        unsubscribe() {
          if (!shared.observers.delete(observer) || shared.observers.size > 0) return
          shared.linger = setTimeout(() => {
            shared.stop()
            if (sources.get(key) === (shared as SharedSource<unknown>)) sources.delete(key)
          }, LINGER_MS)
          // Node (tests): a kept source does not keep the process alive.
          ;(shared.linger as { unref?: () => void }).unref?.()
        },
      }
    },
  }
}

/**
 * A Dexie live query shared as above: every page subscribing under `key` gets the value the
 * others already have at once, as it subscribes (the settings, the catalog of years and departments).
 */
export function sharedLiveQuery<T>(key: string, querier: () => Promise<T>): LiveList<T> {
  return sharedSource<T>(key, (observer) => {
    const subscription = liveQuery(querier).subscribe(observer)
    return () => subscription.unsubscribe()
  })
}

/** Stops every kept source at once (tests: a database about to be deleted). */
export function stopSharedSources(): void {
  for (const [key, source] of sources) {
    if (source.linger !== null) clearTimeout(source.linger)
    source.stop()
    sources.delete(key)
  }
}

/** What a patching source does: its first read, and what a committed write asks of it. */
export interface PatchingSource {
  /** Reads everything (the first step, and after a change it cannot patch) */
  readonly readAll: () => Promise<void>
  /** The step a committed write (Dexie's storagemutated parts) needs, or null when it is not concerned */
  readonly stepFor: (parts: ObservabilitySet) => (() => Promise<void>) | null
  /** Hands the current value to the observer (after each step) */
  readonly emit: () => void
}

/**
 * Runs a source's steps one at a time and in order (a write during a read is applied after it),
 * emitting after each: first readAll, then the step of each committed write in any tab. Returns
 * the stop; an error goes to `onError` (the source is then closed by its owner).
 */
export function runPatchingSource(source: PatchingSource, onError: (error: unknown) => void): () => void {
  let isClosed = false
  let queue: Promise<void> = Promise.resolve()
  const run = (step: () => Promise<void>) => {
    queue = queue
      .then(async () => {
        if (isClosed) return
        await step()
        if (!isClosed) source.emit()
      })
      .catch((error: unknown) => {
        if (!isClosed) onError(error)
      })
  }
  const onMutated = (parts: ObservabilitySet) => {
    const step = source.stepFor(parts)
    if (step) run(step)
  }
  Dexie.on.storagemutated.subscribe(onMutated)
  run(source.readAll)
  return () => {
    isClosed = true
    Dexie.on.storagemutated.unsubscribe(onMutated)
  }
}
