import { describe, expect, it } from 'vitest'
import { buildStatusHistory } from '@/domain/statusHistory'
import { MONTHS } from '@/domain/types'
import { DEMO_ITEMS, demoEvaluations } from '../charts/demoFixture'

describe('buildStatusHistory on the demo', () => {
  it('counts 2 红, 2 黄, 1 绿 at 7月 as the overview does', () => {
    const history = buildStatusHistory(DEMO_ITEMS, 7)
    expect(history).toHaveLength(7)
    expect(history[6]).toEqual({ month: 7, counts: { red: 2, yellow: 2, green: 1, unreported: 0 } })
  })

  it.each(MONTHS.map((m) => [m] as const))('at %i月 equals the statuses of that month evaluated alone', (month) => {
    const entry = buildStatusHistory(DEMO_ITEMS, month).at(-1)
    const counts = { red: 0, yellow: 0, green: 0, unreported: 0 }
    for (const e of demoEvaluations(month)) counts[e.status] += 1
    expect(entry).toEqual({ month, counts })
  })

  it('counts a project with nothing entered as 未填报, not as failing', () => {
    const blank = DEMO_ITEMS.map((item) => ({ ...item, spending: [], values: [], notes: [] }))
    expect(buildStatusHistory(blank, 2)).toEqual([
      { month: 1, counts: { red: 0, yellow: 0, green: 0, unreported: 5 } },
      { month: 2, counts: { red: 0, yellow: 0, green: 0, unreported: 5 } },
    ])
  })
})
