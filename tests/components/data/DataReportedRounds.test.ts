import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import DataBackupReview from '@/components/data/DataBackupReview.vue'
import DataReportedRoundsNotice from '@/components/data/DataReportedRoundsNotice.vue'
import { db } from '@/db/database'
import { importDocument } from '@/db/importRepository'
import { lockMonth } from '@/db/lockRepository'
import type { RestoreRoundItem } from '@/composables/useBackup'
import { sampleDocument } from '../../db/factories'

afterEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
})

describe('DataReportedRoundsNotice (import preview)', () => {
  it('lists the 已报送 rounds of the document’s department and year, and says they stay as reported', async () => {
    await importDocument(sampleDocument(), { fileName: 'a.docx', actor: '测试' }, db)
    await lockMonth(2021, '201001', 7, '王会计', db)
    const wrapper = mount(DataReportedRoundsNotice, { props: { year: 2021, departmentCode: '201001' } })
    await vi.waitFor(() => expect(wrapper.find('[data-test="import-reported-rounds"]').exists()).toBe(true))
    expect(wrapper.find('[data-test="import-reported-round"]').text()).toMatch(/^7月（王会计 · \d{4}-\d\d-\d\d \d\d:\d\d）$/)
    expect(wrapper.text()).toContain('已报送月份保持报送时的数据')
    await wrapper.setProps({ year: 2022 })
    await vi.waitFor(() => expect(wrapper.find('[data-test="import-reported-rounds"]').exists()).toBe(false))
  })
})

const ROUNDS: RestoreRoundItem[] = [
  { year: 2020, departmentCode: '315002', month: 7, outcome: '保持已报送（不解锁），保留报送时的数据', ifBackup: '解除锁定（备份中本月未报送），报送时的数据不再显示', wouldUnlock: true },
]
const SUMMARY = { exportedAt: '2020-08-01T00:00:00.000Z', departments: [], years: [], projectCount: 0, indicatorCount: 0, entryCount: 0, noteCount: 0, importCount: 0 }

describe('DataBackupReview', () => {
  it('says which 已报送 months a restore touches and keeps them by default', async () => {
    const wrapper = mount(DataBackupReview, { props: { fileName: 'b.json', summary: SUMMARY, isBusy: false, rounds: ROUNDS } })
    expect(wrapper.find('[data-test="restore-rounds"]').text()).toContain('恢复默认不会解除任何已报送月份的锁定')
    expect(wrapper.find('[data-test="restore-round"]').text()).toMatch(/^2020年7月（315002）：\s*保持已报送（不解锁），保留报送时的数据$/)
    await wrapper.find('[data-test="restore-understood"] input').setValue(true)
    await wrapper.find('[data-test="restore-confirm"]').trigger('click')
    expect(wrapper.emitted('confirm')).toEqual([['keep']])
  })

  it('takes the backup’s 报送状态 only when chosen, showing which months it unlocks', async () => {
    const wrapper = mount(DataBackupReview, { props: { fileName: 'b.json', summary: SUMMARY, isBusy: false, rounds: ROUNDS } })
    await wrapper.find('[data-test="restore-take-backup-rounds"] input').setValue(true)
    expect(wrapper.find('[data-test="restore-round"]').text()).toContain('解除锁定（备份中本月未报送）')
    await wrapper.find('[data-test="restore-understood"] input').setValue(true)
    await wrapper.find('[data-test="restore-confirm"]').trigger('click')
    expect(wrapper.emitted('confirm')).toEqual([['backup']])
  })

  it('shows no 已报送 section when the restore touches none', () => {
    const wrapper = mount(DataBackupReview, { props: { fileName: 'b.json', summary: SUMMARY, isBusy: false } })
    expect(wrapper.find('[data-test="restore-rounds"]').exists()).toBe(false)
  })
})
