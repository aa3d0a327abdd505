/**
 * Every figure the app shows for the demo department, recorded as plain values: each project's
 * and the department's evaluation at as-of months 3, 6, 7 and 8 (the numbers behind the
 * overview, project page, charts, entry grid and meeting), and the monitoring form at 7月 down
 * to the cells of the exported workbook. A refactoring of the rules must leave this file green
 * without updating the snapshot: a changed figure here is a changed figure on screen or on paper.
 */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { buildAgenda } from '@/domain/agenda'
import { evaluateProject, evaluateProjectData, summarizeProjects, type IndicatorEvaluation, type ProjectEvaluation } from '@/domain'
import { buildMonthGrid, buildProjectGrid, type EntryGrid } from '@/presenters/entryGrid'
import { buildFormTotal, buildMonitoringForm } from '@/domain/monitoringForm'
import { buildDepartmentSpendCurve, buildProjectSpendCurve, type SpendCurve } from '@/domain/spendCurve'
import type { Month } from '@/domain/types'
import { writeMonitoringWorkbook } from '@/exporters/monitoringFormXlsx'
import { DEMO_ITEMS } from '../charts/demoFixture'
import { demoAt } from '../exporters/demoEvaluations'

const AS_OF_MONTHS: readonly Month[] = [3, 6, 7, 8]

function evaluationsAt(month: Month): readonly ProjectEvaluation[] {
  return DEMO_ITEMS.map((item) => evaluateProject({ ...item, note: item.notes.find((n) => n.month === month) ?? null }, month))
}

function plainIndicator(e: IndicatorEvaluation) {
  return {
    name: e.indicator.name,
    actual: e.actual,
    expected: e.expected,
    completion: e.completion,
    status: e.status,
    forecast: e.forecast,
    isMet: e.isMet,
    unreportedMonths: e.unreportedMonths,
  }
}

function plainEvaluation(e: ProjectEvaluation) {
  const { spend } = e
  return {
    code: e.project.code,
    month: e.month,
    spend: {
      budget: spend.budget,
      executed: spend.executed,
      executionRate: spend.executionRate,
      planned: spend.planned,
      planSource: spend.planSource,
      timeProgress: spend.timeProgress,
      deviation: spend.deviation,
      status: spend.status,
      isOverBudget: spend.isOverBudget,
      unreportedMonths: spend.unreportedMonths,
      forecastRate: spend.forecastRate,
      forecastAmount: spend.forecastAmount,
    },
    indicators: e.indicators.map(plainIndicator),
    status: e.status,
    missing: e.missing,
    averageCompletion: e.averageCompletion,
    isMismatch: e.isMismatch,
    suggestedLikelihood: e.suggestedLikelihood,
    likelihood: e.likelihood,
  }
}

/** The department figures the overview, meeting and form show (DepartmentSummary's fields). */
function plainSummary(evaluations: readonly ProjectEvaluation[]) {
  const s = summarizeProjects(evaluations)
  return {
    budget: s.budget,
    executed: s.executed,
    executionRate: s.executionRate,
    planned: s.planned,
    timeProgress: s.timeProgress,
    deviation: s.deviation,
    reportedProjects: s.reportedProjects,
    counts: { ...s.counts },
    unreportedIndicators: s.unreportedIndicators,
    unreportedSpending: s.unreportedSpending,
    overBudget: s.overBudget,
    mismatches: s.mismatches,
  }
}

function plainCurve(curve: SpendCurve) {
  return {
    month: curve.month,
    budget: curve.budget,
    planned: curve.planned,
    planSource: curve.planSource,
    checkpoints: curve.checkpoints.map((c) => [c.month, c.value]),
    timeProgress: curve.timeProgress,
    actual: curve.actual,
    monthly: curve.monthly,
    forecast: curve.forecast,
    reportedProjects: curve.reportedProjects,
    projectCount: curve.projectCount,
  }
}

/** What each grid row shows: every item's text (figures) or value and aside (inputs). */
function plainGrid(grid: EntryGrid) {
  return {
    columns: grid.columns.map((c) => `${c.title} | ${c.subtitle}${c.isFigure ? ' | figure' : ''}`),
    rows: grid.rows.map((row) => ({
      title: row.title,
      subtitle: row.subtitle,
      items: row.items.map((item) => {
        if (item === null) return null
        if (item.kind === 'figure') return [item.testId, item.text, item.isWarning, item.isUnreported, item.title]
        return [item.kind, item.key, item.value, item.label, item.name, item.aside]
      }),
    })),
  }
}

describe.each(AS_OF_MONTHS)('demo figures at as-of month %i', (month) => {
  const evaluations = evaluationsAt(month)

  it('evaluates every project the same', () => {
    expect(evaluations.map(plainEvaluation)).toMatchSnapshot()
  })

  it('sums up the department the same', () => {
    expect(plainSummary(evaluations)).toMatchSnapshot()
  })

  it('draws the same spend curves', () => {
    const projects = DEMO_ITEMS.map((item) => plainCurve(buildProjectSpendCurve(item.project, item.spending, month)))
    const department = plainCurve(buildDepartmentSpendCurve(DEMO_ITEMS, month))
    expect({ projects, department }).toMatchSnapshot()
  })

  it('shows the same month grid (万元 and 元) and note suggestions', () => {
    const data = DEMO_ITEMS.map((item) => ({ ...item, notes: item.notes }))
    expect({
      wan: plainGrid(buildMonthGrid(data, 2020, month, 'wan', new Set())),
      yuan: plainGrid(buildMonthGrid(data, 2020, month, 'yuan', new Set([month]))),
      suggestions: data.map((d) => evaluateProjectData(d, month).suggestedLikelihood),
    }).toMatchSnapshot()
  })

  it('puts the same projects on the meeting agenda', () => {
    const agenda = buildAgenda({ evaluations, flags: [], decisions: new Map(), actions: [], month, referenceDate: '2020-09-01' })
    expect(agenda.entries.map((e) => [e.evaluation.project.code, e.reasons.join(',')])).toMatchSnapshot()
  })
})

describe('demo with 8月 spending that reaches and exceeds the budget', () => {
  // The demo itself stays under budget; here the first project spends exactly its budget by
  // 8月 and the second spends 1 分 more, so 超预算 and its boundary are recorded too.
  const items = DEMO_ITEMS.map((item, i) => {
    const spent = item.spending.reduce((total, s) => total + s.amount, 0)
    const extra = i === 0 ? item.project.budget.total - spent : i === 1 ? item.project.budget.total - spent + 1 : null
    return extra === null ? item : { ...item, spending: [...item.spending, { projectId: item.project.id, month: 8 as Month, amount: extra }] }
  })
  const evaluations = items.map((item) => evaluateProject({ ...item, note: null }, 8))

  it('evaluates, sums up, draws and shows the same figures', () => {
    expect({
      evaluations: evaluations.map(plainEvaluation),
      summary: plainSummary(evaluations),
      department: plainCurve(buildDepartmentSpendCurve(items, 8)),
      projects: items.slice(0, 2).map((item) => plainCurve(buildProjectSpendCurve(item.project, item.spending, 8))),
      grid: plainGrid(buildMonthGrid(items, 2020, 8, 'wan', new Set())),
    }).toMatchSnapshot()
  })
})

describe('demo with a 调减 dated in 5月 on its first project', () => {
  // Not a snapshot: the demo itself has no adjustments, so the figures above stay as they are;
  // here 法律援助经费's budget is cut by 1.00 万元 on 2020-05-20 (3.00 → 2.00 万元).
  const [first] = DEMO_ITEMS
  const cut = { projectId: first!.project.id, date: '2020-05-20', fiscal: -1_000_000, other: 0, documentNo: '北财预〔2020〕12号', reason: '', transferGroup: null }
  const items = DEMO_ITEMS.map((item, i) => (i === 0 ? { ...item, budgetAdjustments: [cut] } : item))
  const rateAt = (list: typeof DEMO_ITEMS, month: Month) => evaluateProjectData(list[0]!, month).spend.executionRate

  it('changes 6月 执行率 (over 调整后预算数) and leaves 4月 as it was', () => {
    expect(rateAt(items, 4)).toBe(rateAt(DEMO_ITEMS, 4))
    const executed = evaluateProjectData(items[0]!, 6).spend.executed
    expect(rateAt(DEMO_ITEMS, 6)).toBeCloseTo((executed * 100) / 3_000_000, 9)
    expect(rateAt(items, 6)).toBeCloseTo((executed * 100) / 2_000_000, 9)
  })

  it('changes the department totals and the curve from 5月 on', () => {
    const summary = (list: typeof DEMO_ITEMS, month: Month) => summarizeProjects(list.map((item) => evaluateProjectData(item, month)))
    expect(summary(items, 4)).toEqual(summary(DEMO_ITEMS, 4))
    expect(summary(items, 6).budget).toBe(summary(DEMO_ITEMS, 6).budget - 1_000_000)
    const curve = buildDepartmentSpendCurve(items, 6)
    expect(curve.actual.slice(0, 5)).toEqual(buildDepartmentSpendCurve(DEMO_ITEMS, 6).actual.slice(0, 5))
    expect(curve.actual[6]).not.toBe(buildDepartmentSpendCurve(DEMO_ITEMS, 6).actual[6])
  })

  it('prints 年初 3.00, 调整 −1.00, 调整后 2.00 万元 on the 7月 form', () => {
    const form = buildMonitoringForm(evaluateProjectData(items[0]!, 7), null, '司法局')
    expect(form.funding.map((row) => [row.label, row.initialBudget, row.adjustment, row.budget])).toEqual([
      ['年度资金总额', 3_000_000, -1_000_000, 2_000_000],
      ['其中：财政拨款', 3_000_000, -1_000_000, 2_000_000],
      ['其他资金', null, null, null],
    ])
  })
})

describe('demo entry grids per project', () => {
  it.each(DEMO_ITEMS.map((item) => [item.project.code, item] as const))('shows the same project grid of %s', (_, item) => {
    expect({
      wan: plainGrid(buildProjectGrid(item, 'wan', new Set<Month>([1, 2]))),
    }).toMatchSnapshot()
  })
})

describe('demo monitoring form at 7月', () => {
  const demo = demoAt(7)
  const forms = demo.evaluations.map((e) =>
    buildMonitoringForm(e, demo.notes.find((n) => n.projectId === e.project.id && n.month === 7) ?? null, demo.departmentName),
  )
  const totals = [buildFormTotal('议程项目合计', demo.evaluations.slice(1)), buildFormTotal('部门合计', demo.evaluations)]

  it('builds the same form values for every project', () => {
    expect(forms.map((form) => JSON.parse(JSON.stringify(form)))).toMatchSnapshot()
    expect(totals.map((total) => ({ ...total }))).toMatchSnapshot()
  })

  it('writes the same cells into every sheet of the workbook', async () => {
    const { departmentCode, departmentName, year } = demo
    const bytes = await writeMonitoringWorkbook({ departmentCode, departmentName, year, month: 7, date: '2020-08-10', forms, totals })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes)
    const sheets = wb.worksheets.map((ws) => {
      const cells: string[] = []
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.isMerged && cell.master.address !== cell.address) return
          cells.push(`${cell.address} = ${JSON.stringify(cell.value)}`)
        }),
      )
      return { name: ws.name, cells }
    })
    expect(sheets).toMatchSnapshot()
  })
})
