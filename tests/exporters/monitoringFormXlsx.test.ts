/**
 * The .xlsx export of the 项目支出绩效目标执行监控表 (src/exporters/monitoringFormXlsx.ts), read
 * back with exceljs: every number in every sheet must be the domain's figure for the demo at 7月.
 * Runs in the node project: exceljs works there as in the browser.
 */
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildAgenda } from '@/domain/agenda'
import { summarizeProjects } from '@/domain'
import { sumFen } from '@/domain/money'
import { buildFormTotal, buildMonitoringForm, type MonitoringForm } from '@/domain/monitoringForm'
import { monitoringWorkbookFileName, sheetNameFor, writeMonitoringWorkbook } from '@/exporters/monitoringFormXlsx'
import { demoAt } from './demoEvaluations'

const demo = demoAt(7)
const agenda = buildAgenda({ evaluations: demo.evaluations, flags: [], decisions: new Map(), actions: [], month: 7, referenceDate: '2020-08-01' })
const forms: MonitoringForm[] = agenda.entries.map((entry) => {
  const note = demo.notes.find((n) => n.projectId === entry.evaluation.project.id && n.month === 7) ?? null
  return buildMonitoringForm(entry.evaluation, note, demo.departmentName)
})
const wan = (fen: number) => fen / 1_000_000
const agendaEvaluations = agenda.entries.map((e) => e.evaluation)
const totals = [buildFormTotal('议程项目合计', agendaEvaluations), buildFormTotal('部门合计', demo.evaluations)]

/** Every numeric cell of a sheet, by address (merged cells only at their master). */
function numbersOf(ws: ExcelJS.Worksheet): Map<string, number> {
  const numbers = new Map<string, number>()
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === 'number' && (!cell.isMerged || cell.master.address === cell.address)) numbers.set(cell.address, cell.value)
    }),
  )
  return numbers
}

function expectNumbers(ws: ExcelJS.Worksheet, expected: Record<string, number>): void {
  const actual = numbersOf(ws)
  expect([...actual.keys()].sort()).toEqual(Object.keys(expected).sort())
  for (const [address, value] of Object.entries(expected)) expect(actual.get(address), address).toBeCloseTo(value, 9)
}

describe('monitoring form workbook of the demo at 7月', () => {
  let wb: ExcelJS.Workbook
  beforeAll(async () => {
    const bytes = await writeMonitoringWorkbook({
      departmentCode: demo.departmentCode,
      departmentName: demo.departmentName,
      year: 2020,
      month: 7,
      date: '2020-08-10',
      forms,
      totals,
      outcomes: new Map([[forms[0]!.projectId, { decision: 'adjustBudget', openActions: 2 }]]),
    })
    wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes)
  })

  it('has a summary sheet, then one sheet per agenda project in agenda order', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['汇总', '法制工作专项经费', '依法治区及普法宣传经费', '人民调解员补贴', '社区矫正经费'])
  })

  it('fills every number of the summary sheet from the domain', () => {
    const ws = wb.getWorksheet('汇总')!
    const expected: Record<string, number> = {}
    forms.forEach((form, i) => {
      const r = 4 + i
      const [total] = form.funding
      expected[`A${r}`] = i + 1
      expected[`E${r}`] = wan(total.initialBudget!)
      expected[`F${r}`] = wan(total.adjustment!)
      expected[`G${r}`] = wan(total.budget!)
      expected[`H${r}`] = wan(total.executed!)
      expected[`I${r}`] = total.executionRate! / 100
      expected[`J${r}`] = form.planned / 100
      expected[`K${r}`] = form.deviation!
      expected[`L${r}`] = wan(total.forecast!)
    })
    expected.P4 = 2
    // Row 8 the agenda's projects, row 9 the whole department, as the meeting page sums them up.
    for (const [r, evaluations] of [[8, agendaEvaluations], [9, demo.evaluations]] as const) {
      const summary = summarizeProjects(evaluations)
      // The demo has no adjustments: 年初 = 调整后, 年度预算调整 0.
      expected[`E${r}`] = wan(summary.budget)
      expected[`F${r}`] = 0
      expected[`G${r}`] = wan(summary.budget)
      expected[`H${r}`] = wan(summary.executed)
      expected[`I${r}`] = summary.executionRate! / 100
      expected[`J${r}`] = summary.planned / 100
      expected[`K${r}`] = summary.deviation!
      expected[`L${r}`] = wan(sumFen(evaluations.map((e) => e.spend.forecastAmount!)))
    }
    expectNumbers(ws, expected)
    expect(ws.getCell('A8').value).toBe('议程项目合计')
    expect(ws.getCell('A9').value).toBe('部门合计')
    expect(ws.getCell('O4').value).toBe('调整预算')
    expect(ws.getCell('C4').value).toBe('法制工作专项经费')
    expect(ws.getCell('D4').value).toBe('红·滞后')
    expect(ws.getCell('N4').value).toBe('制度保障')
    expect(['E3', 'F3', 'G3'].map((a) => ws.getCell(a).value)).toEqual(['年初预算数（万元）', '年度预算调整（万元）', '调整后预算数（万元）'])
    // The demo's own totals: 4.00 + 2.00 + 6.30 + 5.75 万元 budget, 0.80 + 0.70 + 3.15 + 3.45 spent.
    expect(ws.getCell('E8').value).toBeCloseTo(18.05, 9)
    expect(ws.getCell('H8').value).toBeCloseTo(8.1, 9)
    // The department: all five projects, 21.05 万元.
    expect(ws.getCell('E9').value).toBeCloseTo(21.05, 9)
  })

  it('ticks the confirmed 完成目标可能性 for every indicator of 法制工作专项经费, marked in 备注', () => {
    const ws = wb.getWorksheet('法制工作专项经费')!
    for (const r of [13, 14, 15]) {
      expect(['M', 'N', 'O'].map((c) => ws.getCell(`${c}${r}`).value)).toEqual(['', '√', ''])
      expect(String(ws.getCell(`Q${r}`).value)).toContain('按项目确认')
    }
    const other = wb.getWorksheet('社区矫正经费')!
    expect(String(other.getCell('Q13').value)).toContain('系统测算')
  })

  it('writes 年度指标值 with its operator, as the project page does', () => {
    const ws = wb.getWorksheet('法制工作专项经费')!
    expect([13, 14, 15].map((r) => ws.getCell(`E${r}`).value)).toEqual(['=100%', '=100%', '=100%'])
  })

  it.each(forms.map((form, i) => [form.projectName, i] as const))('fills every number of the %s sheet from the domain', (name, i) => {
    const form = forms[i]!
    const ws = wb.getWorksheet(name)!
    const expected: Record<string, number> = {}
    form.funding.forEach((row, j) => {
      const r = 6 + j
      if (row.initialBudget !== null) expected[`E${r}`] = wan(row.initialBudget)
      if (row.adjustment !== null) expected[`F${r}`] = wan(row.adjustment)
      if (row.budget !== null) expected[`G${r}`] = wan(row.budget)
      if (row.executed !== null) expected[`H${r}`] = wan(row.executed)
      if (row.executionRate !== null) expected[`K${r}`] = row.executionRate / 100
      if (row.forecast !== null) expected[`M${r}`] = wan(row.forecast)
    })
    form.indicators.forEach((row, j) => {
      const r = 13 + j
      if (row.actual) expected[`F${r}`] = row.actual.value
      if (row.forecast) expected[`G${r}`] = row.forecast.value
    })
    expectNumbers(ws, expected)
    // Cells that are not numbers: the indicator names, 未填报, and the marks.
    form.indicators.forEach((row, j) => {
      const r = 13 + j
      expect(ws.getCell(`D${r}`).value).toBe(row.name)
      expect(ws.getCell(`E${r}`).value).toBe(row.target)
      if (!row.actual) expect(ws.getCell(`F${r}`).value).toBe(row.actualText)
      const marks = ['M', 'N', 'O'].map((c) => ws.getCell(`${c}${r}`).value)
      expect(marks).toEqual(['certain', 'possible', 'impossible'].map((l) => (row.likelihood === l ? '√' : '')))
    })
    const reasonMarks = ['H', 'I', 'J', 'K', 'L'].map((c) => ws.getCell(`${c}13`).value)
    expect(reasonMarks).toEqual(['funding', 'institution', 'staffing', 'facilities', 'other'].map((r) => (form.reasons.includes(r as never) ? '√' : '')))
  })

  it('lays the form out as the official table: title, merged headers, formats', () => {
    const ws = wb.getWorksheet('法制工作专项经费')!
    expect(ws.getCell('A1').value).toBe('项目支出绩效目标执行监控表')
    expect(ws.getCell('Q1').master.address).toBe('A1')
    expect(ws.getCell('A8').master.address).toBe('A5')
    expect(ws.getCell('A5').value).toBe('项目资金（万元）')
    expect(['E5', 'F5', 'G5'].map((a) => ws.getCell(a).value)).toEqual(['年初预算数', '年度预算调整', '调整后预算数'])
    expect(ws.getCell('H5').value).toBe('1–7月执行数')
    expect(ws.getCell('L11').master.address).toBe('H11')
    expect(ws.getCell('H11').value).toBe('偏差原因分析')
    expect(['H12', 'I12', 'J12', 'K12', 'L12'].map((a) => ws.getCell(a).value)).toEqual(['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'])
    expect(['M12', 'N12', 'O12'].map((a) => ws.getCell(a).value)).toEqual(['确定能', '有可能', '完全不可能'])
    expect(ws.getCell('E6').numFmt).toBe('#,##0.00')
    expect(ws.getCell('K6').numFmt).toBe('0.00%')
    expect(ws.getCell('G6').border.top?.style).toBe('thin')
    expect(ws.getCell('P13').value).toContain('第三方评估')
    expect(ws.pageSetup.orientation).toBe('landscape')
    expect(ws.pageSetup.paperSize).toBe(9)
  })

  it('shows the unit of an indicator value in its number format', () => {
    const ws = wb.getWorksheet('社区矫正经费')!
    expect(ws.getCell('F13').value).toBe(7)
    expect(ws.getCell('F13').numFmt).toBe('0"次"')
    expect(ws.getCell('F15').value).toBe(0.8)
    expect(ws.getCell('F15').numFmt).toBe('0.0#"%"')
  })
})

describe('names', () => {
  it('makes sheet names Excel accepts, unique', () => {
    const taken = new Set(['汇总'])
    expect(sheetNameFor('a/b:c', taken)).toBe('a_b_c')
    expect(sheetNameFor('a/b:c', taken)).toBe('a_b_c(2)')
    expect(sheetNameFor('很长'.repeat(20), taken)).toHaveLength(28)
  })

  it('never cuts a sheet name inside an emoji', () => {
    // 27 units, then 🎉 (2 units): cutting at 28 units kept half of it.
    expect(sheetNameFor(`${'项'.repeat(27)}🎉宣传`, new Set())).toBe('项'.repeat(27))
  })

  it('names the file after the round and scope', () => {
    expect(monitoringWorkbookFileName(2020, 7, '315002')).toBe('项目支出绩效目标执行监控表_2020年1-7月_315002.xlsx')
    expect(monitoringWorkbookFileName(2020, 7, '315002', '法制/工作')).toBe('项目支出绩效目标执行监控表_2020年1-7月_315002_法制_工作.xlsx')
  })
})

describe('the warning preset in the workbook', () => {
  it('names the preset on the summary sheet and under every project form', async () => {
    const bytes = await writeMonitoringWorkbook({
      departmentCode: demo.departmentCode,
      departmentName: demo.departmentName,
      year: 2020,
      month: 7,
      date: '2020-08-10',
      forms,
      totals,
      presetName: '财政一体化',
      mismatches: new Map([[forms[0]!.projectId, '双监控不一致：示例']]),
    })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes)
    for (const ws of wb.worksheets) {
      const texts: string[] = []
      ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value))))
      expect(texts.some((t) => t.includes('红黄绿判定：财政一体化')), ws.name).toBe(true)
    }
    const first = wb.worksheets[1]!
    const firstTexts: string[] = []
    first.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && firstTexts.push(cell.value))))
    expect(firstTexts.some((t) => t.includes('双监控不一致：示例'))).toBe(true)
  })
})
