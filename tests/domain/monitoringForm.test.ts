import { describe, expect, it } from 'vitest'
import { evaluateProject } from '@/domain'
import { formatTarget } from '@/domain/indicatorFormat'
import { suggestIndicatorLikelihood } from '@/domain/likelihood'
import { buildFormTotal, buildFundingRows, buildIndicatorRow, buildMonitoringForm } from '@/domain/monitoringForm'
import type { IndicatorTarget, Project } from '@/domain/types'
import { demoAt } from '../exporters/demoEvaluations'
import { inputOf, SEED_PROJECTS, seedIndicator, seedSpending, valuesOf } from './factories'

const demo = demoAt(7)
const formOf = (name: string) => {
  const evaluation = demo.evaluations.find((e) => e.project.name === name)!
  const note = demo.notes.find((n) => n.projectId === evaluation.project.id && n.month === 7) ?? null
  return buildMonitoringForm(evaluation, note, demo.departmentName)
}

describe('项目资金 rows', () => {
  it('fills 年初预算数, 1–7月执行数/执行率 and 全年预计执行数 of 法制工作专项经费 in 分', () => {
    const [total, fiscal, other] = formOf('法制工作专项经费').funding
    expect(total).toMatchObject({ label: '年度资金总额', budget: 4_000_000, executed: 800_000, executionRate: 20, forecast: 1_600_000 })
    expect(total.remark).toBe('计划进度 50.00%，偏差 −30.00 个百分点')
    // All of the budget is 财政拨款, so that row repeats the total.
    expect(fiscal).toMatchObject({ label: '其中：财政拨款', budget: 4_000_000, executed: 800_000, executionRate: 20, forecast: 1_600_000 })
    expect(other).toMatchObject({ label: '其他资金', budget: null, executed: null, executionRate: null, forecast: null })
  })

  it.each<[string, number | null, number | null, [number | null, number | null], [number | null, number | null]]>([
    ['all fiscal', 3_000_000, null, [3_000_000, 1_000_000], [null, null]],
    ['all other', null, 3_000_000, [null, null], [3_000_000, 1_000_000]],
    ['split: spending is not entered per source', 2_000_000, 1_000_000, [2_000_000, null], [1_000_000, null]],
    ['both blank', null, null, [null, null], [null, null]],
  ])('%s', (_, fiscalBudget, otherBudget, [fb, fe], [ob, oe]) => {
    const project: Project = { ...SEED_PROJECTS.法律援助经费, budget: { total: 3_000_000, fiscal: fiscalBudget, other: otherBudget } }
    const spending = [{ projectId: project.id, month: 1 as const, amount: 1_000_000 }]
    const evaluation = evaluateProject({ ...inputOf('法律援助经费', { spending }), project }, 1)
    const [, fiscal, other] = buildFundingRows(evaluation)
    expect([fiscal.budget, fiscal.executed]).toEqual([fb, fe])
    expect([other.budget, other.executed]).toEqual([ob, oe])
  })

  it('writes 全年预计执行数 rounded to the nearest 分, in the total and the 合计 row', () => {
    // 3 分 spent by 3月 against a plan of 40 %: 3 × 100 / 40 = 7.5 分, which rounds to 8 (not 7).
    const project: Project = { ...SEED_PROJECTS.法律援助经费, plan: { 3: 40, 6: 50, 10: 75, 12: 100 } }
    const spending = [{ projectId: project.id, month: 3 as const, amount: 3 }]
    const evaluation = evaluateProject({ ...inputOf('法律援助经费', { spending }), project }, 3)
    const [total, fiscal] = buildFundingRows(evaluation)
    expect(total.forecast).toBe(8)
    expect(fiscal.forecast).toBe(8)
    expect(buildFormTotal('部门合计', [evaluation, evaluation]).forecast).toBe(16)
  })

  it('says when the as-of month is 未填报', () => {
    const spending = seedSpending('社区矫正经费') // July is blank
    const evaluation = evaluateProject(inputOf('社区矫正经费', { spending }), 7)
    const [total] = buildFundingRows(evaluation)
    expect(total.executionRate).toBeNull()
    expect(total.remark).toContain('7月支出未填报')
  })
})

describe('indicator rows', () => {
  it.each<[string, IndicatorTarget, string]>([
    ['count floor', { raw: '≥100100件以上', operator: '>=', value: 100, unit: '件', kind: 'cumulative' }, '≥100 件'],
    ['ceiling', { raw: '≤11%以下', operator: '<=', value: 1, unit: '%', kind: 'level' }, '≤1%'],
    ['equal keeps its operator', { raw: '100100%', operator: '=', value: 100, unit: '%', kind: 'level' }, '=100%'],
    ['qualitative keeps the cell', { raw: '优良', operator: null, value: null, unit: null, kind: 'qualitative' }, '优良'],
  ])('年度指标值 of a %s is written as on the project page', (_, target, expected) => {
    const indicator = { ...seedIndicator('法律援助经费', 0), target }
    const evaluation = evaluateProject({ ...inputOf('法律援助经费'), indicators: [indicator] }, 7)
    const row = buildIndicatorRow(evaluation.indicators[0]!)
    expect(row.target).toBe(expected)
    expect(row.target).toBe(formatTarget(target))
  })

  it('fills 1–7月执行情况, 全年预计 and the suggested likelihood when the project’s is not confirmed', () => {
    const form = formOf('社区矫正经费')
    expect(form.isLikelihoodConfirmed).toBe(false)
    expect(form.indicators.map((r) => [r.name, r.target, r.actualText, r.forecastText, r.status, r.likelihood])).toEqual([
      ['社区矫正宣传场次', '≥15 次', '7 次', '12 次', 'yellow', 'possible'],
      ['社区矫正培训对象', '≥95%', '96%', '96%', 'green', 'certain'],
      ['降低社区矫正对象重新犯罪', '≤1%', '0.8%', '0.8%', 'green', 'certain'],
    ])
    expect(form.indicators.map((r) => r.remark)).toEqual([
      '黄·关注；完成进度 46.7%；完成目标可能性：系统测算',
      '完成进度 101.1%；完成目标可能性：系统测算',
      '完成进度 100.0%；完成目标可能性：系统测算',
    ])
  })

  it('never copies the project’s confirmed likelihood onto its indicators', () => {
    // 法制工作专项经费: the note of 7月 confirms 有可能 for the project; its two indicators at 100 % stay 确定能.
    const form = formOf('法制工作专项经费')
    const evaluation = demo.evaluations.find((e) => e.project.name === '法制工作专项经费')!
    expect(form.likelihood).toBe('possible')
    expect(form.indicators.map((r) => r.likelihood)).toEqual(evaluation.indicators.map(suggestIndicatorLikelihood))
    expect(form.indicators.map((r) => r.likelihood)).toEqual(['certain', 'certain', null])
    expect(form.indicators.map((r) => r.reasons)).toEqual([[], [], []])
    expect(form.indicators.slice(0, 2).every((r) => r.remark.endsWith('完成目标可能性：系统测算'))).toBe(true)
  })

  it('completion of level indicators as the project page shows it', () => {
    const form = formOf('依法治区及普法宣传经费')
    expect(form.indicators.map((r) => r.remark)).toEqual([
      '红·滞后；完成进度 94.7%；完成目标可能性：系统测算',
      // Nothing entered: nothing to estimate, no tick.
      '',
      '完成进度 101.1%；完成目标可能性：系统测算',
    ])
  })

  it('writes 未填报 rather than 0 for an indicator with no value', () => {
    const row = formOf('依法治区及普法宣传经费').indicators.find((r) => r.name === '全区法律意识和素质率')!
    expect(row).toMatchObject({ actual: null, actualText: '未填报', forecast: null, status: 'unreported', likelihood: null })
  })

  it('lists the months a count is missing', () => {
    const indicator = seedIndicator('法律援助经费', 0)
    const evaluation = evaluateProject(inputOf('法律援助经费', { values: valuesOf(indicator, { 1: 5, 3: 5 }) }), 3)
    expect(buildIndicatorRow(evaluation.indicators[0]!).remark).toContain('2月未填报')
  })
})

describe('the whole form', () => {
  it('takes reasons, explanation and the confirmed likelihood from the note of the month', () => {
    const form = formOf('法制工作专项经费')
    expect(form.reasons).toEqual(['institution'])
    expect(form.explanation).toContain('第三方评估')
    expect(form.likelihood).toBe('possible')
    expect(form.isLikelihoodConfirmed).toBe(true)
    expect(form.goals).toEqual(['依法行政', '法治政府建设'])
    expect(form.progress).toBe('1–7月执行 0.80 万元，执行率 20.00%（计划 50.00%，偏差 −30.00 个百分点）；3 项绩效指标：绿色 2 项、未填报 1 项。')
  })

  it('ignores a note of another month and suggests the likelihood instead', () => {
    const evaluation = demo.evaluations.find((e) => e.project.name === '依法治区及普法宣传经费')!
    const note = { projectId: evaluation.project.id, month: 6 as const, reasons: ['funding' as const], explanation: '旧', likelihood: null, actions: '' }
    const form = buildMonitoringForm(evaluation, note, demo.departmentName)
    expect(form.reasons).toEqual([])
    expect(form.isLikelihoodConfirmed).toBe(false)
    expect(form.likelihood).toBe(evaluation.suggestedLikelihood)
  })
})
