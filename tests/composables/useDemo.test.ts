import { describe, expect, it } from 'vitest'
import { showsDemo } from '@/composables/useDemo'

const DEMO = { year: 2020, departmentCode: '315002' }

describe('showsDemo (the 示例数据 banner)', () => {
  it.each<[string, typeof DEMO | null, number | null, string | null, boolean]>([
    ['no demo loaded', null, null, null, false],
    ['no scope chosen (default view, 导入导出, 设置)', DEMO, null, null, true],
    ['the demo department', DEMO, 2020, '315002', true],
    ['all departments of the demo year', DEMO, 2020, null, true],
    ['another department', DEMO, 2020, '315003', false],
    ['another department, year left to its default', DEMO, null, '315003', false],
    ['another year', DEMO, 2021, null, false],
    ['the demo department code under another year', DEMO, 2021, '315002', false],
  ])('%s → %s', (_label, marker, year, departmentCode, shown) => {
    expect(showsDemo(marker, year, departmentCode)).toBe(shown)
  })
})
