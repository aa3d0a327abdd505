import { describe, expect, it } from 'vitest'
import { defineComponent, h, shallowRef } from 'vue'
import { mount } from '@vue/test-utils'
import { slideCommand, useMeetingPresentation, type SlideCommand } from '@/composables/useMeetingPresentation'

describe('slide keys (keyboard and presentation clicker)', () => {
  it.each<[string, boolean, SlideCommand | null]>([
    ['ArrowRight', false, 'next'],
    ['PageDown', false, 'next'],
    [' ', false, 'next'],
    [' ', true, 'previous'],
    ['ArrowLeft', false, 'previous'],
    ['PageUp', false, 'previous'],
    ['Home', false, 'first'],
    ['End', false, 'last'],
    ['Escape', false, 'leave'],
    ['a', false, null],
  ])('%j (shift %s) → %s', (key, shiftKey, command) => {
    expect(slideCommand({ key, shiftKey })).toBe(command)
  })

  it('moves within the slides, pauses while recording and leaves on Escape', async () => {
    const isPaused = shallowRef(false)
    let left = 0
    let show: ReturnType<typeof useMeetingPresentation> | undefined
    const Harness = defineComponent({
      setup() {
        show = useMeetingPresentation(3, isPaused, () => left++)
        return () => h('div')
      },
    })
    const wrapper = mount(Harness)
    const press = (key: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key }))
    press('PageDown')
    press('PageDown')
    press('PageDown')
    expect(show!.index.value).toBe(2)
    press('Home')
    expect(show!.index.value).toBe(0)
    isPaused.value = true
    press('End')
    expect(show!.index.value).toBe(0)
    isPaused.value = false
    press('End')
    expect(show!.index.value).toBe(2)
    press('Escape')
    expect(left).toBe(1)
    wrapper.unmount()
    press('Home')
    expect(show!.index.value).toBe(2)
  })
})
