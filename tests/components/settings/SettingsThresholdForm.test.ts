import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import SettingsThresholdForm from '@/components/settings/SettingsThresholdForm.vue'
import { checkThresholds } from '@/composables/useSettings'
import { DEFAULT_THRESHOLDS, type Thresholds } from '@/domain/types'

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

function mountForm() {
  wrapper = mount(SettingsThresholdForm, { props: { thresholds: DEFAULT_THRESHOLDS, problemsOf: checkThresholds }, attachTo: document.body })
  return wrapper
}
const field = (w: VueWrapper, key: keyof Thresholds) => w.get<HTMLInputElement>(`input[data-test="threshold-${key}"]`)

describe('SettingsThresholdForm', () => {
  it.each([
    ['an ASCII minus', '-10'],
    ['U+2212 (−)', '−10'],
    ['full-width digits', '－１０'],
  ])('keeps the sign typed with %s', async (_, text) => {
    const w = mountForm()
    await field(w, 'yellowFrom').setValue(text)
    await w.get('form').trigger('submit')
    expect(w.emitted('save')).toEqual([[{ ...DEFAULT_THRESHOLDS, yellowFrom: -10 }]])
  })

  it('names the fields as the form does when 红色界限 is not below 绿色下限', async () => {
    const w = mountForm()
    await field(w, 'redBelow').setValue('−3')
    expect(w.get('[role="alert"]').text()).toBe('红色界限应低于绿色下限，否则不会出现黄色。')
    expect(w.text()).not.toContain('黄色界限')
    await w.get('form').trigger('submit')
    expect(w.emitted('save')).toBeUndefined()
  })

  it('refuses text that is not a number', async () => {
    const w = mountForm()
    await field(w, 'mismatchPoints').setValue('十')
    expect(w.get('[role="alert"]').text()).toBe('应在 0 到 100 之间（个百分点）。')
    await w.get('form').trigger('submit')
    expect(w.emitted('save')).toBeUndefined()
  })
})
