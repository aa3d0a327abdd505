import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import AppLegacyLockNotice from '@/components/app/AppLegacyLockNotice.vue'
import { useMonitor } from '@/composables/useMonitor'
import { useProjectDetail } from '@/composables/useProjectDetail'
import { db } from '@/db/database'
import { lockMonth } from '@/db/lockRepository'
import type { Month } from '@/domain'
import { demoScopeAt as scopeAt, run, stopRuns } from './scopeHarness'
import { DEMO_DEPARTMENT, DEMO_YEAR, FLC6, loadRealDemo } from '../db/demoDatabase'

afterEach(async () => {
  stopRuns()
  await Promise.all(db.tables.map((table) => table.clear()))
})



/** A month marked 已报送 by a version that did not store the round: a lock row and nothing else. */
const lockAsOldVersion = (month: Month) =>
  db.monthLocks.add({ year: DEMO_YEAR, departmentCode: DEMO_DEPARTMENT, month, lockedAt: '2020-08-05T09:00:00.000Z', lockedBy: '张会计' })

describe('a month locked before rounds were stored says it shows today’s figures', () => {
  it.each([
    ['locked by an old version, this month', 'old', 7, [DEMO_DEPARTMENT]],
    ['locked by an old version, another month', 'old', 8, []],
    ['locked with its round', 'round', 7, []],
    ['not locked', 'none', 7, []],
  ] as const)('overview / department / meeting (useMonitor): %s', async (_, how, month, expected) => {
    await loadRealDemo(db)
    if (how === 'old') await lockAsOldVersion(7)
    if (how === 'round') await lockMonth(DEMO_YEAR, DEMO_DEPARTMENT, 7, '张会计', db)
    for (const code of [DEMO_DEPARTMENT, null]) {
      const monitor = run(() => useMonitor(scopeAt(month, code)))
      await vi.waitFor(() => expect(monitor.evaluations.value.length).toBeGreaterThan(0))
      await vi.waitFor(() => expect(monitor.legacyLocked.value).toEqual(expected))
    }
  })

  it.each([
    ['old', true],
    ['round', false],
  ] as const)('project page (useProjectDetail), locked %s: legacyLocked %s', async (how, expected) => {
    await loadRealDemo(db)
    if (how === 'old') await lockAsOldVersion(7)
    else await lockMonth(DEMO_YEAR, DEMO_DEPARTMENT, 7, '张会计', db)
    const detail = run(() => useProjectDetail(ref(FLC6), scopeAt(7)))
    await vi.waitFor(() => expect(detail.evaluation.value).not.toBeNull())
    await vi.waitFor(() => expect(detail.legacyLocked.value).toBe(expected))
    expect(detail.reported.value === null).toBe(expected)
  })

  it.each([
    [['315002'], new Map([['315002', '司法局']]), /7月已报送，但本月报送时未保存报送数据（旧版本标记），本页显示当前数据/],
    [['315002', '315003'], new Map([['315002', '司法局']]), /司法局、315003：7月已报送，但本月报送时未保存报送数据（旧版本标记），本页显示当前数据/],
  ])('the notice names the departments when several are shown (%j)', (codes, names, text) => {
    const wrapper = mount(AppLegacyLockNotice, { props: { month: 7, departmentCodes: codes, names, isSingle: codes.length === 1 } })
    expect(wrapper.get('[data-test="legacy-lock-notice"]').text()).toMatch(text)
    expect(wrapper.text()).toContain('不是报送时的数值')
  })
})
