import { createPinia } from 'pinia'
import { registerSW } from 'virtual:pwa-register'
import { createApp } from 'vue'
import App from './App.vue'
import { startOutbox } from './api/outboxScheduler'
import { setUnauthenticatedHandler } from './api/session'
import { startAppUpdates } from './composables/useAppUpdate'
import { openAppDatabase, requestPersistentStorageOnce } from './db/storageStatus'
import { router } from './router'
import './styles/base.css'

async function start(): Promise<void> {
  // Even when storage fails, the service worker can still bring a fixed version.
  startAppUpdates(registerSW)
  const failure = await openAppDatabase()
  if (failure) {
    // Loaded only when needed (and precached, so it shows offline too).
    const { default: AppStorageFailure } = await import('./components/app/AppStorageFailure.vue')
    createApp(AppStorageFailure, { failure }).mount('#app')
    return
  }
  createApp(App).use(createPinia()).use(router).mount('#app')
  // A session that ended sends the user to the login page only where the page needs it; on the
  // entry page the 报送 control just offers to log in again.
  setUnauthenticatedHandler(() => {
    const current = router.currentRoute.value
    if (current.meta.needsLogin === true) void router.push({ name: 'login', query: { redirect: current.fullPath } })
  })
  startOutbox()
  void requestPersistentStorageOnce()
}

void start()
