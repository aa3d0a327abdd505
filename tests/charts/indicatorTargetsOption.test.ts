import { describe, expect, it } from 'vitest'
import { buildIndicatorTargetsOption, indicatorTooltip } from '@/charts/options/indicatorTargetsOption'
import { demoEvaluations } from './demoFixture'
import { tooltipAt, valuesOf } from './helpers'

const at = (month: 3 | 6 | 7, code: string) => demoEvaluations(month).find((e) => e.project.code === code)!

describe('buildIndicatorTargetsOption', () => {
  it.each([3, 6, 7] as const)('法律援助经费 at %i月: 完成进度 from the demo counts, 序时 expectation as a marker', (month) => {
    const e = at(month, '315-0404-JBN-FLC6')
    const option = buildIndicatorTargetsOption({ indicators: e.indicators })
    const cases = [8, 9, 10, 8, 9, 10, 9].slice(0, month).reduce((a, b) => a + b, 0)
    const completion = valuesOf(option, '完成进度（颜色表示状态）')
    expect(completion[0]).toBeCloseTo((cases / 100) * 100, 9)
    expect(valuesOf(option, '序时应完成')[0]).toBeCloseTo((month / 12) * 100, 9)
    // Level indicators: the latest value against ≥98 %.
    const latest = month >= 6 ? 98.5 : 97.5
    expect(completion[1]).toBeCloseTo((latest / 98) * 100, 9)
    expect(valuesOf(option, '序时应完成')[1]).toBeNull()
  })

  it('names a 未填报 indicator in the label column instead of drawing nothing', () => {
    const option = buildIndicatorTargetsOption({ indicators: at(7, '315-0403-JBN-QFV8').indicators })
    const labels = (option.yAxis as { data: string[] }[])[1]!.data
    expect(labels).toEqual(['100.0% · 正常', '100.0% · 正常', '未填报'])
  })

  it('writes the tooltip with the target, actual and units', () => {
    const e = at(7, '315-0404-JBN-FLC6')
    const option = buildIndicatorTargetsOption({ indicators: e.indicators })
    const text = tooltipAt(option, 0)
    expect(text).toContain('≥100 件')
    expect(text).toContain('63 件')
    expect(text).toContain('累计完成')
    expect(text).toContain('序时应完成')
    expect(indicatorTooltip({ ...e.indicators[0]!, indicator: { ...e.indicators[0]!.indicator, name: '<b>x</b>' } })).toContain('&lt;b&gt;x&lt;/b&gt;')
  })
})
