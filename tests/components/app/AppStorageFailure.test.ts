import { mount } from '@vue/test-utils'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import AppStorageFailure from '@/components/app/AppStorageFailure.vue'
import { describeStorageError } from '@/db/storageErrors'

describe('AppStorageFailure', () => {
  it('shows what happened and what to do in Chinese, the raw error only under 技术信息', () => {
    const failure = describeStorageError(new Dexie.MissingAPIError('IndexedDB API missing. Please visit https://tinyurl.com/y2uuvskb'))
    const wrapper = mount(AppStorageFailure, { props: { failure } })
    expect(wrapper.find('h2').text()).toBe('无法使用浏览器存储')
    const main = wrapper.find('[data-test="storage-failure"]')
    expect(main.attributes('role')).toBe('alert')
    expect(main.text()).toMatch(/怎么办：请在普通窗口中打开/)
    expect(wrapper.find('details summary').text()).toMatch(/技术信息/)
    expect(wrapper.find('details code').text()).toMatch(/^MissingAPIError/)
    expect(wrapper.find('button').text()).toBe('刷新页面')
  })
})
