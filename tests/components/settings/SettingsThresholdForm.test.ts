import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import SettingsThresholdForm from '@/components/settings/SettingsThresholdForm.vue'
import { checkThresholds } from '@/composables/useSettings'
import { completeThresholds, PRESETS } from '@/domain/presets'
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
    // The form saves every key, the preset's rules included.
    expect(w.emitted('save')).toEqual([[{ ...completeThresholds(DEFAULT_THRESHOLDS), yellowFrom: -10 }]])
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

  it('names the preset, and 自定义 once a value is edited', async () => {
    const w = mountForm()
    expect(w.get('[data-test="threshold-preset-name"]').text()).toBe('本系统默认')
    await field(w, 'mismatchPoints').setValue('12')
    expect(w.get('[data-test="threshold-preset-name"]').text()).toBe('自定义（本系统默认规则）')
  })

  it('shows the 财政一体化 bands and saves that preset', async () => {
    const fasp = PRESETS.find((p) => p.id === 'fasp')!.thresholds
    wrapper = mount(SettingsThresholdForm, { props: { thresholds: fasp, problemsOf: checkThresholds }, attachTo: document.body })
    expect(wrapper.get('[data-test="threshold-preset-name"]').text()).toBe('财政一体化')
    expect(wrapper.find('input[data-test="threshold-yellowFrom"]').exists()).toBe(false)
    await field(wrapper, 'ratioRedBelow').setValue('90')
    expect(wrapper.get('[role="alert"]').text()).toBe('红色界限不应高于绿色下限。')
    await field(wrapper, 'ratioRedBelow').setValue('50')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('save')).toEqual([[{ ...fasp, ratioRedBelow: 50 }]])
  })
})
