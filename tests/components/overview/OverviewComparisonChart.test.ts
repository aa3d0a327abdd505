import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import OverviewComparisonChart from '@/components/overview/OverviewComparisonChart.vue'
import { buildComparisonChart } from '@/components/overview/comparisonChartRows'
import type { ProjectEvaluation } from '@/domain'
import { mostLagging } from '@/domain/projectTable'
import { DEMO_BUDGETS, demoEvaluations, demoExecutedFen, expectedPlanned } from '../../charts/demoFixture'

const lagging = (month: 3 | 6 | 7) => mostLagging(demoEvaluations(month), 30)
const widthOf = (style: string | undefined, prop: 'width' | 'left') => Number(new RegExp(`${prop}: ([\\d.]+)%`).exec(style ?? '')?.[1])

describe('buildComparisonChart', () => {
  it.each([3, 6, 7] as const)('at %i月 places each project 执行率 bar and plan marker on a 0–100 %% axis, most lagging first', (month) => {
    const rows = lagging(month)
    const chart = buildComparisonChart(rows)
    expect(chart.ticks.map((t) => t.label)).toEqual(['0%', '20%', '40%', '60%', '80%', '100%'])
    rows.forEach((e, i) => {
      const code = e.project.code
      expect(chart.rows[i]!.barPct).toBeCloseTo((demoExecutedFen(code, month) / (DEMO_BUDGETS[code] ?? 1)) * 100, 9)
      expect(chart.rows[i]!.planPct).toBeCloseTo(expectedPlanned(code, month), 9)
    })
  })

  it('at 7月 lists 法制工作专项经费 first with its figures and status in words, tooltip in 个百分点 and 万元', () => {
    const { rows } = buildComparisonChart(lagging(7))
    expect(rows.map((r) => r.name)[0]).toBe('法制工作专项经费')
    expect(rows[0]!.figure).toBe('20.0%（−30.0）滞后')
    expect(rows.at(-1)!.figure).toBe('60.0%（0.0）关注')
    expect(rows[0]!.tooltip.map((l) => `${l.label} ${l.value}`)).toEqual([
      '执行率 20.0%',
      '计划进度 50.0%',
      '偏差 −30.0 个百分点',
      '执行数 / 预算数 0.80 / 4.00 万元',
      '项目状态 红·滞后',
    ])
    // 人民调解员补贴 has only 12月底 filled: its plan is the 序时进度, and the tooltip says so.
    expect(rows.find((r) => r.name === '人民调解员补贴')!.tooltip[1]!.label).toBe('计划进度（按序时）')
  })

  it('widens the axis in nice steps past 100 %, keeping every bar and marker on it', () => {
    const [first] = demoEvaluations(7)
    const over: ProjectEvaluation = { ...first!, spend: { ...first!.spend, executionRate: 131 } }
    const chart = buildComparisonChart([over])
    expect(chart.ticks.at(-1)!.label).toBe('150%')
    expect(chart.rows[0]!.barPct).toBeCloseTo((131 / 150) * 100, 9)
  })

  it('draws no bar for a project whose 执行率 is 未填报, and says so in words', () => {
    const [first] = demoEvaluations(7)
    const blank: ProjectEvaluation = { ...first!, status: 'unreported', spend: { ...first!.spend, executionRate: null, deviation: null } }
    const [row] = buildComparisonChart([blank]).rows
    expect(row!.barPct).toBeNull()
    expect(row!.figure).toBe('未填报 · 未填报')
  })
})

describe('OverviewComparisonChart', () => {
  it('shows a row per project with its bar, plan marker and figures, described for screen readers', () => {
    const wrapper = mount(OverviewComparisonChart, { props: { evaluations: lagging(7) } })
    const rows = wrapper.findAll('[data-test="comparison-row"]')
    expect(rows).toHaveLength(5)
    expect(rows[0]!.find('.name').text()).toBe('法制工作专项经费')
    expect(rows[0]!.find('.figure').text()).toBe('20.0%（−30.0）滞后')
    expect(rows[0]!.attributes('data-status')).toBe('red')
    expect(widthOf(rows[0]!.find('[data-test="comparison-bar"]').attributes('style'), 'width')).toBeCloseTo(20, 6)
    expect(widthOf(rows[0]!.find('[data-test="comparison-plan"]').attributes('style'), 'left')).toBeCloseTo(50, 6)
    expect(rows[0]!.attributes('aria-label')).toContain('偏差 −30.0 个百分点')
    expect(rows[0]!.attributes('tabindex')).toBe('0')
    expect(wrapper.find('.rows').classes()).not.toContain('is-scrolling')
  })

  it('shows the tooltip on hover and on keyboard focus, and hides it on leave, blur and Escape', async () => {
    const wrapper = mount(OverviewComparisonChart, { props: { evaluations: lagging(7) }, attachTo: document.body })
    const row = wrapper.findAll('[data-test="comparison-row"]')[1]!
    expect(wrapper.find('[data-test="comparison-tooltip"]').exists()).toBe(false)
    await row.trigger('mouseenter', { clientX: 200 })
    const tip = wrapper.find('[data-test="comparison-tooltip"]')
    expect(tip.text()).toContain('依法治区及普法宣传经费')
    expect(tip.text()).toContain('0.70 / 2.00 万元')
    await row.trigger('mouseleave')
    expect(wrapper.find('[data-test="comparison-tooltip"]').exists()).toBe(false)
    await row.trigger('focus')
    expect(wrapper.find('[data-test="comparison-tooltip"]').text()).toContain('红·滞后')
    await row.trigger('keydown', { key: 'Escape' })
    expect(wrapper.find('[data-test="comparison-tooltip"]').exists()).toBe(false)
    await row.trigger('focus')
    await row.trigger('blur')
    expect(wrapper.find('[data-test="comparison-tooltip"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('scrolls past 15 projects instead of squeezing them', () => {
    const many = Array.from({ length: 4 }, (_, copy) =>
      lagging(7).map((e) => ({ ...e, project: { ...e.project, id: `${e.project.id}#${copy}` } })),
    ).flat()
    const wrapper = mount(OverviewComparisonChart, { props: { evaluations: many } })
    expect(wrapper.findAll('[data-test="comparison-row"]')).toHaveLength(20)
    expect(wrapper.find('.rows').classes()).toContain('is-scrolling')
  })
})
