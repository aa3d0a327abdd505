/**
 * The .xlsx export of the 项目支出绩效目标执行监控表 (src/exporters/monitoringFormXlsx.ts), read
 * back with exceljs: every filled cell of every sheet of the demo department at 7月 (all five
 * projects, per indicator) is compared with what the domain functions give. Runs in the node
 * project: exceljs works there as in the browser.
 */
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildReportedRound, evaluateProjectData, type ProjectEvaluation } from '@/domain'
import { actionsAtMonth, buildAgenda, describeMismatch, DECISION_LABELS } from '@/domain/agenda'
import { ACTION_PROGRESS_LABELS, isCompletedLate } from '@/domain/actionProgress'
import { formatFormTarget } from '@/domain/formIndicatorRow'
import { suggestIndicatorLikelihood } from '@/domain/likelihood'
import { formatChineseDate } from '@/domain/meetingRecord'
import { fenToWan, sumFen } from '@/domain/money'
import { buildMonitoringForm, describeProgress } from '@/domain/monitoringForm'
import { buildMonitoringWorkbookInput, type MonitoringWorkbookInput } from '@/domain/monitoringWorkbook'
import { noteOfMonth } from '@/domain/projectEvaluation'
import { summarizeProjects } from '@/domain'
import { DEVIATION_REASONS, DEVIATION_REASON_LABELS, LIKELIHOOD_LABELS, STATUS_LABELS, type Likelihood } from '@/domain/types'
import { monitoringWorkbookFileName, sheetNameFor, writeMonitoringWorkbook } from '@/exporters/monitoringFormXlsx'
import { ACTIONS, DECISIONS, demo, demoSource, INDICATOR_NOTES, RECORD, SIGN_OFF, TODAY } from './demoWorkbook'

type Cells = Map<string, unknown>

/** Every filled cell of a sheet by address (a merged range at its master only); blanks left out. */
function cellsOf(ws: ExcelJS.Worksheet): Cells {
  const cells: Cells = new Map()
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return
      if (cell.value === null || cell.value === '') return
      cells.set(cell.address, cell.value)
    }),
  )
  return cells
}

/** Compares the whole sheet: the same addresses filled, each with the expected value. */
function expectCells(ws: ExcelJS.Worksheet, expected: Cells): void {
  const actual = cellsOf(ws)
  expect([...actual.keys()].sort(), ws.name).toEqual([...expected.keys()].sort())
  for (const [address, value] of expected) expect(actual.get(address), `${ws.name}!${address}`).toEqual(value)
}

async function readBack(input: MonitoringWorkbookInput): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(await writeMonitoringWorkbook(input))
  return wb
}

const wan = (fen: number | null) => (fen === null ? null : fenToWan(fen))
const rate = (percent: number | null) => (percent === null ? null : percent / 100)
const MARK = '√'
const LIKELIHOODS: readonly Likelihood[] = ['certain', 'possible', 'impossible']
const COLUMNS = 'ABCDEFGHIJKLMNOPQ'
const col = (index: number) => COLUMNS[index - 1]!
const set = (cells: Cells, address: string, value: unknown) => {
  if (value !== null && value !== '') cells.set(address, value)
}
const SIGN_OFF_CELLS = (cells: Cells, top: number, [a, b, c]: readonly [string, string, string]) => {
  set(cells, `${a}${top}`, `填报人：${SIGN_OFF.preparer}`)
  set(cells, `${b}${top}`, `联系电话：${SIGN_OFF.phone}`)
  set(cells, `${c}${top}`, `填报日期：${TODAY}`)
  set(cells, `${a}${top + 1}`, `单位负责人：${SIGN_OFF.unitHead}`)
  set(cells, `${b}${top + 1}`, `财务负责人：${SIGN_OFF.financeHead}`)
}

const source = demoSource()
const input = buildMonitoringWorkbookInput(source)
const evaluations: readonly ProjectEvaluation[] = demo.data.map((row) => evaluateProjectData(row, 7))
const agenda = buildAgenda({
  evaluations,
  flags: [],
  decisions: new Map(DECISIONS.filter((d) => d.month === 7).map((d) => [d.projectId, d])),
  actions: ACTIONS,
  month: 7,
  referenceDate: '2020-08-01',
})

describe('the 监控表 workbook of the demo at 7月, read back', () => {
  let wb: ExcelJS.Workbook
  beforeAll(async () => {
    wb = await readBack(input)
  })

  it('has 汇总, a sheet for every project of the department in document order (法律援助经费 too), 整改清单 and 会议纪要', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['汇总', ...demo.data.map((row) => row.project.name), '整改清单', '会议纪要'])
    expect(demo.data.map((row) => row.project.name)).toContain('法律援助经费')
  })

  it('reads 草稿 on every sheet while the month is not 已报送', () => {
    for (const ws of wb.worksheets) expect(ws.getCell('A3').value, ws.name).toBe('草稿')
  })

  it('fills every cell of 汇总 from the domain', () => {
    const ws = wb.getWorksheet('汇总')!
    const cells: Cells = new Map()
    set(cells, 'A1', '2020年项目支出绩效目标执行监控汇总表')
    set(cells, 'A2', `${demo.departmentName}（${demo.departmentCode}）　截至7月底　填报日期：${TODAY}　红黄绿判定：本系统默认`)
    set(cells, 'A3', '草稿')
    const headers = ['序号', '项目编码', '项目名称', '状态', '年初预算数\n（万元）', '年度预算调整\n（万元）', '调整后预算数\n（万元）', '1–7月执行数\n（万元）', '1–7月\n执行率', '计划进度', '偏差\n（个百分点）', '全年预计执行数\n（万元）', '完成目标\n可能性', '预算执行\n偏差原因', '会议决定', '未完成整改\n措施（项）', '备注']
    headers.forEach((h, i) => set(cells, `${col(i + 1)}4`, h))
    evaluations.forEach((e, i) => {
      const r = 5 + i
      const { spend } = e
      const note = noteOfMonth(demo.data[i]!.notes, 7)
      const entry = agenda.entries.find((a) => a.evaluation.project.id === e.project.id)
      const likelihood = e.likelihood ?? e.suggestedLikelihood
      const values = [
        i + 1,
        e.project.code,
        e.project.name,
        STATUS_LABELS[e.status],
        wan(spend.budgetInForce.initial.total),
        wan(spend.budgetInForce.adjustment.total),
        wan(spend.budgetInForce.inForce.total),
        wan(spend.executed),
        rate(spend.executionRate),
        rate(spend.planned),
        spend.deviation,
        wan(spend.forecastAmount),
        likelihood === null ? '' : LIKELIHOOD_LABELS[likelihood],
        (note?.reasons ?? []).map((r) => DEVIATION_REASON_LABELS[r]).join('、'),
        entry?.decision ? DECISION_LABELS[entry.decision.decision] : '',
        entry ? entry.openActionCount : null,
      ]
      values.forEach((v, c) => set(cells, `${col(c + 1)}${r}`, v))
    })
    const totals = [
      ['议程项目合计', agenda.entries.map((a) => a.evaluation)],
      ['部门合计', evaluations],
    ] as const
    totals.forEach(([label, list], i) => {
      const r = 10 + i
      const summary = summarizeProjects(list)
      const initial = sumFen(list.map((e) => e.spend.budgetInForce.initial.total))
      set(cells, `A${r}`, label)
      ;[wan(initial), wan(summary.budget - initial), wan(summary.budget), wan(summary.executed), rate(summary.executionRate), rate(summary.planned), summary.deviation, wan(sumFen(list.map((e) => e.spend.forecastAmount!)))].forEach((v, c) =>
        set(cells, `${col(5 + c)}${r}`, v),
      )
    })
    SIGN_OFF_CELLS(cells, 13, ['A', 'F', 'K'])
    expectCells(ws, cells)
    // The demo's own figures, as a cross-check of the sums: 21.05 万元 for the department.
    expect(ws.getCell('E11').value).toBeCloseTo(21.05, 9)
  })

  it.each(demo.data.map((row, i) => [row.project.name, i] as const))('fills every cell of the %s sheet, per indicator, from the domain', (name, i) => {
    const ws = wb.getWorksheet(name)!
    const row = demo.data[i]!
    const e = evaluations[i]!
    const note = noteOfMonth(row.notes, 7)
    const cells: Cells = new Map()
    set(cells, 'A1', '项目支出绩效目标执行监控表')
    set(cells, 'A2', '（2020年度　1–7月）')
    set(cells, 'A3', '草稿')
    set(cells, 'A4', '项目名称')
    set(cells, 'B4', e.project.name)
    set(cells, 'I4', '项目编码')
    set(cells, 'L4', e.project.code)
    set(cells, 'A5', '主管部门\n及代码')
    set(cells, 'B5', `${demo.departmentName}（${demo.departmentCode}）`)
    set(cells, 'I5', '实施单位')
    set(cells, 'L5', demo.departmentName)
    // 项目资金: rows 年度资金总额 / 其中：财政拨款 / 其他资金 (all of the demo's money is 财政拨款).
    set(cells, 'A6', '项目资金\n（万元）')
    ;['年初预算数', '年度预算调整', '调整后预算数', '1–7月执行数'].forEach((h, c) => set(cells, `${col(5 + c)}6`, h))
    set(cells, 'K6', '1–7月执行率')
    set(cells, 'M6', '全年预计执行数')
    set(cells, 'P6', '备注')
    const { spend } = e
    const form = buildMonitoringForm(e, note, demo.departmentName, { indicatorNotes: INDICATOR_NOTES })
    expect(spend.budgetInForce.inForce.fiscal).toBe(spend.budgetInForce.inForce.total)
    ;(['年度资金总额', '其中：财政拨款'] as const).forEach((label, j) => {
      const r = 7 + j
      set(cells, `B${r}`, label)
      set(cells, `E${r}`, wan(spend.budgetInForce.initial.total))
      set(cells, `F${r}`, wan(spend.budgetInForce.adjustment.total))
      set(cells, `G${r}`, wan(spend.budgetInForce.inForce.total))
      set(cells, `H${r}`, wan(spend.executed))
      set(cells, `K${r}`, rate(spend.executionRate))
      set(cells, `M${r}`, wan(spend.forecastAmount))
      set(cells, `P${r}`, form.funding[j]!.remark)
    })
    set(cells, 'B9', '其他资金')
    set(cells, 'B10', '预算执行偏差原因')
    if (note) set(cells, 'E10', `偏差原因：${note.reasons.map((r) => DEVIATION_REASON_LABELS[r]).join('、')}；原因说明：${note.explanation}`)
    set(cells, 'A11', '年度总体\n目标')
    set(cells, 'B11', '全年预期目标')
    set(cells, 'I11', '1–7月执行情况')
    set(cells, 'B12', e.project.goals.map((g, j) => `${j + 1}. ${g}`).join('\n'))
    set(cells, 'I12', describeProgress(e))
    // 绩效指标: two header rows, then one row per indicator with its own note.
    set(cells, 'A13', '绩效指标')
    ;['一级指标', '二级指标', '三级指标', '年度指标值', '1–7月执行情况', '全年预计\n完成情况'].forEach((h, c) => set(cells, `${col(2 + c)}13`, h))
    set(cells, 'H13', '偏差原因分析')
    set(cells, 'M13', '完成目标可能性')
    set(cells, 'P13', '原因说明')
    set(cells, 'Q13', '备注')
    ;['经费\n保障', '制度\n保障', '人员\n保障', '硬件\n条件\n保障', '其他', '确定能', '有可能', '完全\n不可能'].forEach((h, c) => set(cells, `${col(8 + c)}14`, h))
    e.indicators.forEach((ie, j) => {
      const r = 15 + j
      const own = INDICATOR_NOTES.find((n) => n.indicatorId === ie.indicator.id && n.month === 7) ?? null
      const unit = ie.indicator.target.unit ?? ''
      const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100)
      set(cells, `B${r}`, ie.indicator.level1)
      set(cells, `C${r}`, ie.indicator.level2)
      set(cells, `D${r}`, ie.indicator.name)
      set(cells, `E${r}`, formatFormTarget(ie.indicator.target))
      set(cells, `F${r}`, round2(ie.actual) ?? '未填报')
      set(cells, `G${r}`, own?.forecast ?? round2(ie.forecast) ?? '—')
      if (ie.actual !== null) expect(ws.getCell(`F${r}`).numFmt).toBe(unit === '%' ? (Number.isInteger(round2(ie.actual)) ? '0"%"' : '0.0#"%"') : `0"${unit}"`)
      DEVIATION_REASONS.forEach((reason, c) => set(cells, `${col(8 + c)}${r}`, own?.reasons.includes(reason) ? MARK : ''))
      const likelihood = own?.likelihood ?? suggestIndicatorLikelihood(ie)
      LIKELIHOODS.forEach((l, c) => set(cells, `${col(13 + c)}${r}`, likelihood === l ? MARK : ''))
      set(cells, `P${r}`, own?.explanation ?? '')
      set(cells, `Q${r}`, form.indicators[j]!.remark)
      if (own?.remark) expect(form.indicators[j]!.remark.startsWith(own.remark)).toBe(true)
    })
    const after = 15 + e.indicators.length
    const projectLikelihood = e.likelihood ?? e.suggestedLikelihood
    const lines = [
      `项目整体完成目标可能性：${projectLikelihood === null ? '未评定' : LIKELIHOOD_LABELS[projectLikelihood]}（${e.likelihood !== null ? '已确认' : '系统按全年预计测算，待确认'}）；状态：${STATUS_LABELS[e.status]}。`,
      note?.actions ? `整改措施：${note.actions}` : '',
      describeMismatch(e) ?? '',
      '说明：偏差原因分析、完成目标可能性按指标在对应栏打“√”；未经确认的完成目标可能性为系统按全年预计测算（备注“系统测算”）。金额单位：万元。',
      `填报单位：${demo.departmentCode} ${demo.departmentName}`,
      '红黄绿判定：本系统默认',
    ].filter((l) => l !== '')
    lines.forEach((text, j) => set(cells, `A${after + 1 + j}`, text))
    SIGN_OFF_CELLS(cells, after + 2 + lines.length, ['A', 'F', 'K'])
    expectCells(ws, cells)
  })

  it('ticks 法制工作专项经费’s 制度保障 and 有可能 only on the indicator whose note has them', () => {
    const ws = wb.getWorksheet('法制工作专项经费')!
    const names = [15, 16, 17].map((r) => ws.getCell(`D${r}`).value)
    const institution = [15, 16, 17].map((r) => ws.getCell(`I${r}`).value ?? '')
    const possible = [15, 16, 17].map((r) => ws.getCell(`N${r}`).value ?? '')
    expect(names).toEqual(['依法执政，合理执政', '建设法只政府', '制度建设和实施效果'])
    expect(institution).toEqual(['', '', MARK])
    // The two indicators at 100 % keep the app's 确定能; the project's confirmed 有可能 is not copied onto them.
    expect(possible).toEqual(['', '', MARK])
    expect([15, 16].map((r) => ws.getCell(`M${r}`).value)).toEqual([MARK, MARK])
    // A June note does not show at 7月.
    const other = wb.getWorksheet('社区矫正经费')!
    expect(other.getCell('J15').value ?? '').toBe('')
  })

  it('prints 年度指标值 in one cell like ≥100件 and the user’s 全年预计 where given', () => {
    expect(wb.getWorksheet('法律援助经费')!.getCell('E15').value).toBe('≥100件')
    expect(wb.getWorksheet('社区矫正经费')!.getCell('E17').value).toBe('≤1%')
    const ws = wb.getWorksheet('依法治区及普法宣传经费')!
    expect(ws.getCell('G15').value).toBe('96%')
    expect(String(ws.getCell('Q15').value)).toContain('全年预计为填报人填写')
  })

  it('lists the meeting’s actions in 整改清单 with their 整改 result, 逾期 and 逾期完成', () => {
    const ws = wb.getWorksheet('整改清单')!
    const cells: Cells = new Map()
    set(cells, 'A1', '整改清单')
    set(cells, 'A2', `${demo.departmentName}（${demo.departmentCode}）　2020年1–7月监控会议`)
    set(cells, 'A3', '草稿')
    ;['序号', '项目名称', '提出\n月份', '整改措施', '责任人', '期限', '状态', '完成说明', '实际完成\n日期', '证明材料', '逾期\n情况', '结转'].forEach((h, c) => set(cells, `${col(c + 1)}4`, h))
    const seen = agenda.entries.flatMap((a) => a.actions.map((action) => ({ action, projectName: a.evaluation.project.name })))
    expect(seen).toHaveLength(actionsAtMonth(ACTIONS, 7, '2020-08-01').length)
    seen.forEach(({ action, projectName }, i) => {
      const r = 5 + i
      const { item } = action
      const isClosed = action.state === 'closed'
      ;[
        i + 1,
        projectName,
        `${item.month}月`,
        item.text,
        item.owner,
        item.dueDate,
        ACTION_PROGRESS_LABELS[action.progress],
        isClosed ? item.completionNote : '',
        isClosed ? item.completedOn : '',
        item.evidence ?? '',
        isClosed && isCompletedLate(item) ? '逾期完成' : action.isOverdue ? '逾期' : '',
        action.isCarriedOver ? '结转' : '',
      ].forEach((v, c) => set(cells, `${col(c + 1)}${r}`, v))
    })
    SIGN_OFF_CELLS(cells, 5 + seen.length + 1, ['A', 'E', 'I'])
    expectCells(ws, cells)
    const lateness = seen.map((_, i) => ws.getCell(`K${5 + i}`).value ?? '')
    expect(lateness.sort()).toEqual(['', '逾期', '逾期完成'])
  })

  it('writes the 会议纪要: date, place, 主持人, 参会人员, notes and the 议定事项 per project', () => {
    const ws = wb.getWorksheet('会议纪要')!
    const cells: Cells = new Map()
    set(cells, 'A1', '会议纪要')
    set(cells, 'A2', `${demo.departmentName}（${demo.departmentCode}）　2020年1–7月预算绩效运行监控会议`)
    set(cells, 'A3', '草稿')
    const fields = [['会议日期', formatChineseDate(RECORD.date)], ['会议地点', RECORD.place], ['主持人', RECORD.host], ['参会人员', RECORD.attendees], ['会议记录', RECORD.notes]]
    fields.forEach(([label, value], i) => {
      set(cells, `A${4 + i}`, label)
      set(cells, `B${4 + i}`, value)
    })
    set(cells, 'A10', '议定事项')
    set(cells, 'A11', '序号')
    set(cells, 'B11', '项目名称')
    set(cells, 'C11', '决定')
    const decided = DECISIONS.filter((d) => d.month === 7)
    decided.forEach((d, i) => {
      set(cells, `A${12 + i}`, i + 1)
      set(cells, `B${12 + i}`, demo.data.find((row) => row.project.id === d.projectId)!.project.name)
      set(cells, `C${12 + i}`, `${DECISION_LABELS[d.decision]}（${d.remark}）`)
    })
    const top = 12 + decided.length + 1
    set(cells, `A${top}`, `填报人：${SIGN_OFF.preparer}`)
    set(cells, `C${top}`, `联系电话：${SIGN_OFF.phone}`)
    set(cells, `A${top + 1}`, `单位负责人：${SIGN_OFF.unitHead}`)
    set(cells, `C${top + 1}`, `财务负责人：${SIGN_OFF.financeHead}`)
    set(cells, `A${top + 2}`, `填报日期：${TODAY}`)
    expectCells(ws, cells)
  })

  it('lays the form out as the official table: merged headers, formats, A4 landscape', () => {
    const ws = wb.getWorksheet('法制工作专项经费')!
    expect(ws.getCell('Q1').master.address).toBe('A1')
    expect(ws.getCell('A10').master.address).toBe('A6')
    expect(ws.getCell('L13').master.address).toBe('H13')
    expect(ws.getCell('E7').numFmt).toBe('#,##0.00')
    expect(ws.getCell('K7').numFmt).toBe('0.00%')
    expect(ws.getCell('G7').border.top?.style).toBe('thin')
    expect(ws.getCell('H14').alignment.wrapText).toBe(true)
    expect(ws.pageSetup.orientation).toBe('landscape')
    expect(ws.pageSetup.paperSize).toBe(9)
  })

  it('makes every header box wide enough for its longest unbroken line, merged boxes too', () => {
    // A CJK character at 10 pt takes about 1.8 width units; a header line must fit its box, or
    // LibreOffice / Excel break it between any two characters (硬件条|件保障).
    const letters = (ref: string) => ref.replace(/\d+/g, '')
    const columnOf = (ref: string) => [...letters(ref)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)
    let checked = 0
    for (const ws of wb.worksheets) {
      const merges = ((ws.model as { merges?: string[] }).merges ?? []).map((range) => range.split(':') as [string, string])
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const fill = cell.fill as ExcelJS.FillPattern | undefined
          if (fill?.fgColor?.argb !== 'FFEEF2F6' || typeof cell.value !== 'string') return
          if (cell.isMerged && cell.master.address !== cell.address) return
          const range = merges.find(([from]) => from === cell.address)
          const [first, last] = range ? [columnOf(range[0]), columnOf(range[1])] : [Number(cell.col), Number(cell.col)]
          let width = 0
          for (let c = first; c <= last; c++) width += ws.getColumn(c).width ?? 8.43
          for (const line of cell.value.split('\n')) {
            const units = [...line].reduce((sum, ch) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1.1), 0) * (10 / 11)
            expect(units, `${ws.name}!${cell.address} ${line}`).toBeLessThanOrEqual(width - 1)
            checked++
          }
        }),
      )
    }
    expect(checked).toBeGreaterThan(100)
  })
})

describe('a month 已报送', () => {
  const meta = { year: 2020, departmentCode: demo.departmentCode, month: 7 as const, revision: 1, reportedAt: '2020-08-05T02:00:00.000Z', reportedBy: '王会计' }
  const round = buildReportedRound(demo.data, meta)
  // After the report, 0.10 万元 more is entered for 法律援助经费 in 7月.
  const today = demo.data.map((row) =>
    row.project.name === '法律援助经费' ? { ...row, spending: [...row.spending, { projectId: row.project.id, month: 7 as const, amount: 100_000 }] } : row,
  )
  let wb: ExcelJS.Workbook
  beforeAll(async () => {
    wb = await readBack(buildMonitoringWorkbookInput(demoSource([round], today, '2020-08-05')))
  })

  it('reads 已报送（2020-08-05） on every sheet', () => {
    for (const ws of wb.worksheets) expect(ws.getCell('A3').value, ws.name).toBe('已报送（2020-08-05）')
  })

  it('prints the reported figures and marks today’s different ones 报送后有变动 with today’s value', () => {
    const reported = round.evaluations.find((e) => e.project.name === '法律援助经费')!
    const current = evaluateProjectData(today.find((row) => row.project.name === '法律援助经费')!, 7)
    expect(current.spend.executed).not.toBe(reported.spend.executed)
    const ws = wb.getWorksheet('法律援助经费')!
    expect(ws.getCell('H7').value).toBe(fenToWan(reported.spend.executed))
    const remark = String(ws.getCell('P7').value)
    expect(remark).toContain('报送后有变动')
    expect(remark).toContain(`执行数 今日 ${fenToWan(current.spend.executed).toFixed(2)} 万元（报送时 ${fenToWan(reported.spend.executed).toFixed(2)} 万元）`)
    expect((ws.getCell('H7').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFCE8D5')
    const summary = wb.getWorksheet('汇总')!
    expect(String(summary.getCell('Q5').value)).toContain('报送后有变动：执行数')
    // The other projects did not change: no mark.
    expect(summary.getCell('Q6').value ?? '').toBe('')
    expect(String(wb.getWorksheet('法制工作专项经费')!.getCell('P7').value)).not.toContain('报送后有变动')
  })

  it('marks an indicator row changed after 报送 with today’s value in its 备注', async () => {
    const name = '法律援助经费'
    const row = demo.data.find((r) => r.project.name === name)!
    const indicator = row.indicators.find((i) => i.name === '法律案件受理数')!
    const changed = demo.data.map((r) =>
      r === row ? { ...r, values: r.values.map((v) => (v.indicatorId === indicator.id && v.month === 7 ? { ...v, value: 20 } : v)) } : r,
    )
    const book = await readBack(buildMonitoringWorkbookInput(demoSource([round], changed, '2020-08-05')))
    const ws = book.getWorksheet(name)!
    const reported = round.evaluations.find((e) => e.project.name === name)!.indicators.find((i) => i.indicator.id === indicator.id)!
    expect(ws.getCell('F15').value).toBe(reported.actual)
    expect(String(ws.getCell('Q15').value)).toContain('报送后有变动：实际 今日 74 件（报送时 63 件）')
    expect(String(ws.getCell('Q16').value)).not.toContain('报送后有变动')
  })
})

describe('the sign-off block', () => {
  it('leaves lines to sign on when a field is blank, and dates the export with the typed 填报日期', async () => {
    const signed = buildMonitoringWorkbookInput({ ...demoSource(), signOff: { ...SIGN_OFF, financeHead: '', date: '2020-08-12' } })
    const wb = await readBack(signed)
    const ws = wb.getWorksheet('汇总')!
    expect(ws.getCell('K13').value).toBe('填报日期：2020-08-12')
    expect(ws.getCell('F14').value).toBe('财务负责人：＿＿＿＿＿＿')
    expect(String(ws.getCell('A2').value)).toContain('填报日期：2020-08-12')
  })
})

describe('without a meeting', () => {
  it('has no 整改清单 or 会议纪要 and sums up the department only', async () => {
    const wb = await readBack(buildMonitoringWorkbookInput({ ...demoSource(), meeting: undefined }))
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['汇总', ...demo.data.map((row) => row.project.name)])
    expect(wb.getWorksheet('汇总')!.getCell('A10').value).toBe('部门合计')
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

  it('keeps a project named 整改清单 off the meeting sheet’s name', async () => {
    const [first, ...others] = input.forms
    const wb = await readBack({ ...input, forms: [{ ...first!, projectName: '整改清单' }, ...others] })
    expect(wb.worksheets.map((ws) => ws.name)).toContain('整改清单(2)')
  })

  it('names the file after the round and scope', () => {
    expect(monitoringWorkbookFileName(2020, 7, '315002')).toBe('项目支出绩效目标执行监控表_2020年1-7月_315002.xlsx')
    expect(monitoringWorkbookFileName(2020, 7, '315002', '法制/工作')).toBe('项目支出绩效目标执行监控表_2020年1-7月_315002_法制_工作.xlsx')
  })
})
