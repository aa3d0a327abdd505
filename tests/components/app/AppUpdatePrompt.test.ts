import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import AppUpdatePrompt from '@/components/app/AppUpdatePrompt.vue'
import { startAppUpdates, useAppUpdate, type RegisterServiceWorker } from '@/composables/useAppUpdate'

describe('the new-version prompt', () => {
  it('appears when a new service worker waits, and 刷新 activates it', async () => {
    let announce: (() => void) | undefined
    const reloads: (boolean | undefined)[] = []
    const register: RegisterServiceWorker = (options) => {
      announce = options.onNeedRefresh
      return async (reloadPage) => {
        reloads.push(reloadPage)
      }
    }
    Object.defineProperty(navigator, 'serviceWorker', { value: {}, configurable: true })
    startAppUpdates(register)
    const update = useAppUpdate()
    const wrapper = mount(AppUpdatePrompt, { props: { isVisible: update.isUpdateReady.value } })
    expect(wrapper.find('[data-test="update-prompt"]').exists()).toBe(false)

    announce?.()
    await wrapper.setProps({ isVisible: update.isUpdateReady.value })
    expect(wrapper.find('[data-test="update-prompt"]').text()).toMatch(/有新版本 ·\s*刷新/)
    await wrapper.find('.app-update-refresh').trigger('click')
    expect(wrapper.emitted('refresh')).toHaveLength(1)
    await update.refresh()
    expect(reloads).toEqual([true])

    await wrapper.find('.app-update-later').trigger('click')
    expect(wrapper.emitted('dismiss')).toHaveLength(1)
    update.dismiss()
    expect(update.isUpdateReady.value).toBe(false)
  })
})
