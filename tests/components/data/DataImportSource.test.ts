import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import DataImportSource from '@/components/data/DataImportSource.vue'

describe('DataImportSource', () => {
  it('hands over a chosen file and pasted text', async () => {
    const wrapper = mount(DataImportSource, { props: { isBusy: false } })
    const file = new File(['项目编码'], 'a.txt', { type: 'text/plain' })
    const input = wrapper.find('[data-test="import-file-input"]')
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    expect(wrapper.emitted('file')).toEqual([[file]])

    const submit = wrapper.find('[data-test="import-paste-submit"]')
    expect(submit.attributes('disabled')).toBeDefined()
    await wrapper.find('textarea').setValue('项目编码\tA-1')
    await submit.trigger('click')
    expect(wrapper.emitted('paste')).toEqual([['项目编码\tA-1', null]])
  })

  it('takes no file while busy', () => {
    const wrapper = mount(DataImportSource, { props: { isBusy: true } })
    expect(wrapper.find('[data-test="import-file-input"]').attributes('disabled')).toBeDefined()
  })
})
