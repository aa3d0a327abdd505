import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import DataBackupReview from '@/components/data/DataBackupReview.vue'
import type { BackupSummary } from '@/schema/backupFile'

const SUMMARY: BackupSummary = {
  exportedAt: '2021-08-02T01:30:00.000Z',
  departments: [
    { code: '201001', name: '文旅局', years: [2021, 2020], projectCount: 7 },
    { code: '315002', name: '司法局', years: [2020], projectCount: 5 },
  ],
  years: [2021, 2020],
  projectCount: 12,
  indicatorCount: 40,
  entryCount: 300,
  noteCount: 4,
  importCount: 3,
}

describe('DataBackupReview', () => {
  it('shows what the backup holds and replaces data only after an explicit confirmation', async () => {
    const wrapper = mount(DataBackupReview, { props: { fileName: 'b.json', summary: SUMMARY, isBusy: false } })
    expect(wrapper.text()).toContain('2021-08-02 09:30 备份')
    expect(wrapper.text()).toContain('201001 文旅局：2021年、2020年，7 个项目')
    expect(wrapper.find('[data-test="restore-counts"]').text()).toContain('共 2 个单位、2 个年度、12 个项目、40 个指标')
    expect(wrapper.text()).toContain('替换本浏览器中的全部当前数据')

    const confirm = wrapper.find('[data-test="restore-confirm"]')
    expect(confirm.attributes('disabled')).toBeDefined()
    await wrapper.find('[data-test="restore-understood"] input').setValue(true)
    expect(confirm.attributes('disabled')).toBeUndefined()
    await confirm.trigger('click')
    expect(wrapper.emitted('confirm')).toHaveLength(1)
  })
})
