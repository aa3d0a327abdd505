import { describe, expect, it } from 'vitest'
import { buildSpendCurveOption, spendCurveTooltip } from '@/charts/options/spendCurveOption'
import { evaluateSpend } from '@/domain'
import { applyReportedSpend } from '@/domain/reportedSpendCurve'
import { buildProjectSpendCurve } from '@/domain/spendCurve'
import { makeProject, planOf, spendingOf } from '../domain/factories'

const project = makeProject('HAND-09', '社区普法宣传项目', 12_000_000, planOf(25, 50, 75, 100))
const spending = spendingOf(project, { 1: 1_000_000, 2: 1_000_000, 3: 1_000_000, 4: 1_000_000, 5: 1_000_000, 6: 1_000_000 })
const cut = { projectId: project.id, date: '2020-05-20', fiscal: -2_000_000, other: 0, documentNo: '北财预〔2020〕21号', reason: '', transferGroup: null }
const reported = [{ month: 6 as const, spend: evaluateSpend(project, spending, 6) }]

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()

describe('the spend chart of a 已报送 month', () => {
  it.each([
    ['changed since the report', [cut], /执行率（报送时） 50\.0%.*报送后有变动：当前数据 60\.0%（预算数 10\.00 万元）/, 'emptyDiamond'],
    ['unchanged', [], /执行率（报送时） 50\.0%/, 'diamond'],
  ] as const)('%s: the tooltip says which figure is drawn, the point is marked', (_label, adjustments, tooltip, symbol) => {
    const curve = applyReportedSpend(buildProjectSpendCurve(project, spending, 6, adjustments), reported)
    expect(text(spendCurveTooltip(curve, 6))).toMatch(tooltip)
    if (adjustments.length === 0) expect(text(spendCurveTooltip(curve, 6))).not.toMatch(/报送后有变动/)
    const series = buildSpendCurveOption({ curve }).series as { name: string; data: unknown[] }[]
    const actual = series.find((s) => s.name === '执行率')
    expect(actual?.data[6]).toMatchObject({ symbol })
    expect(actual?.data[5]).toBeCloseTo(((5 * 1_000_000) / (adjustments.length ? 10_000_000 : 12_000_000)) * 100, 9)
  })
})
