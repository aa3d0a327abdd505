import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import DataStorageStatus from '@/components/data/DataStorageStatus.vue'
import { formatByteSize } from '@/presenters/storageStatus'

const original = Object.getOwnPropertyDescriptor(navigator, 'storage')
afterEach(() => {
  if (original) Object.defineProperty(navigator, 'storage', original)
  else Reflect.deleteProperty(navigator, 'storage')
})

/** Gives navigator a StorageManager reporting `usage` bytes; persist() answers `grants`. */
function fakeStorage(usage: number, isPersisted: boolean, grants: boolean) {
  let persisted = isPersisted
  const storage = {
    estimate: async () => ({ usage, quota: 2 * 1024 ** 3 }),
    persisted: async () => persisted,
    persist: async () => {
      persisted = grants
      return grants
    },
  }
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true })
}

describe('DataStorageStatus', () => {
  it('shows how much is used and that the data is kept', async () => {
    fakeStorage(12_345_678, true, true)
    const wrapper = mount(DataStorageStatus)
    await flushPromises()
    expect(wrapper.find('[data-test="storage-usage"]').text()).toBe('已用 11.8 MB，浏览器允许本网站使用约 2.0 GB')
    expect(wrapper.find('[data-test="storage-persistence"]').text()).toMatch(/已开启持久保存/)
    expect(wrapper.find('[data-test="storage-persist"]').exists()).toBe(false)
  })

  it('offers to ask for persistent storage, and says when the browser declines', async () => {
    fakeStorage(2048, false, false)
    const wrapper = mount(DataStorageStatus)
    await flushPromises()
    expect(wrapper.find('[data-test="storage-persistence"]').text()).toMatch(/未开启持久保存.*定期下载备份/)
    await wrapper.find('[data-test="storage-persist"]').trigger('click')
    await flushPromises()
    expect(wrapper.text()).toMatch(/浏览器没有同意持久保存/)
  })

  it('shows it granted after asking', async () => {
    fakeStorage(2048, false, true)
    const wrapper = mount(DataStorageStatus)
    await flushPromises()
    await wrapper.find('[data-test="storage-persist"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-test="storage-persistence"]').text()).toMatch(/已开启持久保存/)
    expect(wrapper.find('[data-test="storage-persist"]').exists()).toBe(false)
  })

  it('says so when the browser reports nothing', async () => {
    Object.defineProperty(navigator, 'storage', { value: undefined, configurable: true })
    const wrapper = mount(DataStorageStatus)
    await flushPromises()
    expect(wrapper.find('[data-test="storage-usage"]').exists()).toBe(false)
    expect(wrapper.text()).toMatch(/不报告存储状态.*备份/)
  })

  it.each<[number, string]>([
    [0, '0 B'],
    [1023, '1023 B'],
    [2048, '2 KB'],
    [12_345_678, '11.8 MB'],
    [3 * 1024 ** 3, '3.0 GB'],
  ])('%i bytes read %s', (bytes, text) => {
    expect(formatByteSize(bytes)).toBe(text)
  })
})
