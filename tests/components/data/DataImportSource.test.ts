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

  it('keeps the text/html flavour of a paste from WPS/Excel and hands it over with the text', async () => {
    const wrapper = mount(DataImportSource, { props: { isBusy: false } })
    const html = '<table><tr><td colspan="2">2021年度部门预算项目绩效目标表</td></tr><tr><td>项目名称</td><td>甲</td></tr></table>'
    const flavours: Record<string, string> = { 'text/html': html, 'text/plain': '2021年度部门预算项目绩效目标表\t\n项目名称\t甲' }
    const textarea = wrapper.find('textarea')
    const event = new Event('paste', { bubbles: true, cancelable: true })
    Object.defineProperty(event, 'clipboardData', { value: { getData: (type: string) => flavours[type] ?? '' } })
    textarea.element.dispatchEvent(event)
    await wrapper.vm.$nextTick()
    expect(event.defaultPrevented).toBe(true)
    expect((textarea.element as HTMLTextAreaElement).value).toBe(flavours['text/plain'])
    await wrapper.find('[data-test="import-paste-submit"]').trigger('click')
    expect(wrapper.emitted('paste')).toEqual([[flavours['text/plain'], html]])

    // Edited after the paste: the HTML no longer matches the text, so the text is read.
    await textarea.setValue('项目名称\t乙')
    await wrapper.find('[data-test="import-paste-submit"]').trigger('click')
    expect(wrapper.emitted('paste')?.[1]).toEqual(['项目名称\t乙', null])
  })

  it('offers .xlsx and the old Excel formats in the file chooser', () => {
    const wrapper = mount(DataImportSource, { props: { isBusy: false } })
    expect(wrapper.find('[data-test="import-file-input"]').attributes('accept')).toContain('.xlsx')
    expect(wrapper.text()).toContain('Excel 工作簿（.xlsx）')
  })
})
