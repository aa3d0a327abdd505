import { describe, expect, it } from 'vitest'
import { buildStatusHistoryOption, statusHistoryTooltip } from '@/charts/options/statusHistoryOption'
import { buildStatusHistory } from '@/domain/statusHistory'
import { DEMO_ITEMS } from './demoFixture'
import { valuesOf } from './helpers'

describe('buildStatusHistoryOption', () => {
  const history = buildStatusHistory(DEMO_ITEMS, 7)
  const option = buildStatusHistoryOption({ history })

  it('stacks the project counts per status for each month', () => {
    expect(valuesOf(option, '红·滞后')).toEqual(history.map((h) => h.counts.red))
    expect(valuesOf(option, '绿·正常')).toEqual(history.map((h) => h.counts.green))
    expect(valuesOf(option, '红·滞后')[6]).toBe(2)
    expect(valuesOf(option, '黄·关注')[6]).toBe(2)
    expect(valuesOf(option, '绿·正常')[6]).toBe(1)
    expect((option.xAxis as { data: string[] }).data).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月'])
  })

  it('patterns the bars for colour-blind viewers and says the counts in the tooltip', () => {
    expect(option.aria).toEqual({ enabled: true, decal: { show: true } })
    expect(statusHistoryTooltip(history[6]!)).toContain('7月底 · 5 个项目')
    expect(statusHistoryTooltip(history[6]!)).toContain('2 个')
  })
})
