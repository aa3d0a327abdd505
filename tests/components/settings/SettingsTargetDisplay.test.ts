import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import SettingsTargetDisplay from '@/components/settings/SettingsTargetDisplay.vue'

describe('SettingsTargetDisplay', () => {
  it.each([
    ['adjusted', 'original'],
    ['original', 'adjusted'],
  ] as const)('shows %s chosen and saves %s when the other is picked; picking the chosen one saves nothing', async (shown, other) => {
    const wrapper = mount(SettingsTargetDisplay, { props: { display: shown } })
    const radio = (value: string) => wrapper.find(`[data-test="target-display-${value}"] input`)
    expect((radio(shown).element as HTMLInputElement).checked).toBe(true)
    expect((radio(other).element as HTMLInputElement).checked).toBe(false)
    await radio(shown).trigger('change')
    expect(wrapper.emitted('save')).toBeUndefined()
    await radio(other).setValue(true)
    expect(wrapper.emitted('save')).toEqual([[other]])
  })
})
