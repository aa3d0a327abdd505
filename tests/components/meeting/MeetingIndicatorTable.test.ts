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
