import { describe, expect, it } from 'vitest'
import { escapeHtml } from '@/charts/options/common'
import { buildProjectComparisonOption, COMPARISON_SIZES, comparisonTooltip } from '@/charts/options/projectComparisonOption'
import { mostLagging } from '@/domain/projectTable'
import type { ProjectEvaluation } from '@/domain'
import { DEMO_BUDGETS, demoEvaluations, demoExecutedFen, expectedPlanned } from './demoFixture'
import { tooltipAt, valuesOf } from './helpers'

describe('buildProjectComparisonOption', () => {
  it.each([3, 6, 7] as const)('at %i月 shows each project 执行率 and plan, most lagging first', (month) => {
    const rows = mostLagging(demoEvaluations(month), 30)
    const option = buildProjectComparisonOption({ evaluations: rows })
    const rates = valuesOf(option, '执行率（颜色表示状态）') as number[]
    const plans = valuesOf(option, '计划进度') as number[]
    rows.forEach((e, i) => {
      const code = e.project.code
      expect(rates[i]).toBeCloseTo((demoExecutedFen(code, month) / (DEMO_BUDGETS[code] ?? 1)) * 100, 9)
      expect(plans[i]).toBeCloseTo(expectedPlanned(code, month), 9)
    })
    const deviations = rows.map((e) => e.spend.deviation ?? Infinity)
    expect([...deviations].sort((a, b) => a - b)).toEqual(deviations)
  })

  it('at 7月 lists 法制工作专项经费 first with its status in words on the right', () => {
    const option = buildProjectComparisonOption({ evaluations: mostLagging(demoEvaluations(7), 30) })
    const axes = option.yAxis as { data: string[] }[]
    expect(axes[0]!.data[0]).toBe('法制工作专项经费')
    expect(axes[1]!.data[0]).toBe('20.0%（−30.0）滞后')
    expect(axes[1]!.data.at(-1)).toBe('60.0%（0.0）关注')
    expect(tooltipAt(option, 0)).toContain('−30.0 个百分点')
    expect(tooltipAt(option, 0)).toContain('0.80 / 4.00 万元')
  })

  it.each(['screen', 'projector', 'print'] as const)('%s: draws the plan marker above the bar, taller than it and outlined, so a bar ending on plan still shows it', (variant) => {
    const option = buildProjectComparisonOption({ evaluations: mostLagging(demoEvaluations(7), 30), variant })
    type Series = { name: string; z?: number; barWidth?: number; symbolSize?: number[]; itemStyle?: { borderColor?: string; borderWidth?: number } }
    const series = option.series as Series[]
    const bar = series.find((s) => s.name === '执行率（颜色表示状态）')!
    const marker = series.find((s) => s.name === '计划进度')!
    expect(marker.z ?? 2).toBeGreaterThan(bar.z ?? 2)
    expect(marker.symbolSize![1]!).toBeGreaterThan(bar.barWidth!)
    // …but within its row, so markers of neighbouring projects never touch.
    expect(marker.symbolSize![1]!).toBeLessThan(COMPARISON_SIZES[variant].row * 0.9)
    expect(marker.itemStyle?.borderColor).toBe('#ffffff')
    expect(marker.itemStyle?.borderWidth ?? 0).toBeGreaterThanOrEqual(1)
    // 社区矫正经费 ends exactly on its plan (60 / 60): both are drawn there.
    const last = valuesOf(option, '执行率（颜色表示状态）').at(-1) as number
    expect(last).toBeCloseTo(valuesOf(option, '计划进度').at(-1) as number, 9)
  })

  it('scrolls instead of squeezing when there are many projects', () => {
    const many = Array.from({ length: 6 }, () => demoEvaluations(7)).flat()
    expect(buildProjectComparisonOption({ evaluations: many }).dataZoom).toBeDefined()
    expect(buildProjectComparisonOption({ evaluations: demoEvaluations(7) }).dataZoom).toBeUndefined()
  })

  it('escapes user text in tooltips', () => {
    const [first] = demoEvaluations(7)
    const hostile: ProjectEvaluation = { ...first!, project: { ...first!.project, name: '<img src=x onerror=alert(1)>' } }
    const html = comparisonTooltip(hostile)
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;')
  })
})
