import { readonly, shallowRef, type Ref } from 'vue'

/** vite-plugin-pwa's registerSW (virtual:pwa-register), passed in so tests can fake it. */
export type RegisterServiceWorker = (options: {
  onNeedRefresh?: () => void
  onOfflineReady?: () => void
  onRegisteredSW?: (url: string, registration: ServiceWorkerRegistration | undefined) => void
  onRegisterError?: (error: unknown) => void
}) => (reloadPage?: boolean) => Promise<void>

/** How often an open tab asks the server whether a new version is out (the browser also asks on each visit). */
const UPDATE_CHECK_MS = 60 * 60 * 1000

const isUpdateReady = shallowRef(false)
let applyUpdate: ((reloadPage?: boolean) => Promise<void>) | null = null

/**
 * Registers the service worker that keeps the app available offline. A new version is
 * downloaded in the background and waits; `useAppUpdate` tells when it is ready.
 */
export function startAppUpdates(register: RegisterServiceWorker): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return
  applyUpdate = register({
    onNeedRefresh: () => {
      isUpdateReady.value = true
    },
    onRegisteredSW: (_url, registration) => {
      if (!registration) return
      // Offline, the check fails; the next one (or the next visit) tries again.
      setInterval(() => registration.update().catch(() => undefined), UPDATE_CHECK_MS)
    },
    onRegisterError: (error) => console.warn('离线功能未启用（service worker 注册失败）', error),
  })
}

/** Whether a new version waits, and the actions of the 有新版本 · 刷新 prompt. */
export function useAppUpdate(): { isUpdateReady: Readonly<Ref<boolean>>; refresh: () => Promise<void>; dismiss: () => void } {
  return {
    isUpdateReady: readonly(isUpdateReady),
    // Activates the waiting service worker; the page reloads once it has taken over.
    refresh: async () => {
      await applyUpdate?.(true)
    },
    dismiss: () => {
      isUpdateReady.value = false
    },
  }
}
