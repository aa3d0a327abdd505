import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import MeetingIndicatorTable from '@/components/meeting/MeetingIndicatorTable.vue'
import { demoAt } from '../../exporters/demoEvaluations'

const demo = demoAt(7)
const indicatorsOf = (name: string) => demo.evaluations.find((e) => e.project.name === name)!.indicators

function cells(name: string, column: number): string[] {
  const wrapper = mount(MeetingIndicatorTable, { props: { indicators: indicatorsOf(name), month: 7 } })
  return wrapper.findAll('tbody tr').map((row) => row.findAll('td')[column]?.text() ?? '')
}

describe('MeetingIndicatorTable', () => {
  it('shows the 完成进度 of level indicators as the project page does, not "—"', () => {
    expect(cells('依法治区及普法宣传经费', 3)).toEqual(['94.7%', '—', '101.1%'])
    expect(cells('社区矫正经费', 3)).toEqual(['46.7%', '101.1%', '100.0%'])
  })

  it('keeps the operator of 年度指标值 (=100%, ≥15 次)', () => {
    expect(cells('法制工作专项经费', 1)).toEqual(['=100%', '=100%', '=100%'])
    expect(cells('社区矫正经费', 1)).toEqual(['≥15 次', '≥95%', '≤1%'])
  })
})

describe('MeetingIndicatorTable: an adjusted target by the 调整后目标 setting', () => {
  // 社区矫正经费's first indicator (≥15 次) adjusted to ≥12 次.
  const [first, ...rest] = indicatorsOf('社区矫正经费')
  const adjusted = { ...first!, originalTarget: first!.indicator.target, indicator: { ...first!.indicator, target: { ...first!.indicator.target, raw: '≥12次', value: 12 } } }
  it.each([
    ['adjusted', '≥12 次', '原目标 ≥15 次'],
    ['original', '≥15 次', '调整后目标 ≥12 次'],
  ] as const)('%s: 年度指标值 %s, noted %s; an unadjusted target has no note', (targetDisplay, printed, note) => {
    const wrapper = mount(MeetingIndicatorTable, { props: { indicators: [adjusted, ...rest], month: 7, targetDisplay } })
    const targets = wrapper.findAll('[data-test="meeting-target"]').map((t) => t.text())
    expect(targets).toEqual([printed, '≥95%', '≤1%'])
    expect(wrapper.findAll('[data-test="meeting-target-note"]').map((t) => t.text())).toEqual([note])
  })
})
