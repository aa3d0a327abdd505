import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, it } from 'node:test'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import type { Locator, Page } from 'playwright-core'
import { openPage, pageErrors, startAppForSuite } from './support'

/** 依法治区及普法宣传经费: 红 at 7月 (35.0 % of 56.3 %), its 普法宣传资料印制 (90 % of ≥95 %) off target. */
const PROJECT = '315-0401-JBN-GH9H'
const PROJECT_NAME = '依法治区及普法宣传经费'
const WORKBOOK = (month: number) => `项目支出绩效目标执行监控表_2020年1-${month}月_315002.xlsx`
const REPORT = (month: number) => `部门预算绩效运行监控情况报告_2020年1-${month}月_315002.docx`

async function openRecord(page: Page): Promise<Locator> {
  const item = page.locator(`[data-test="agenda-item"][data-project="${PROJECT}"]`)
  await item.waitFor()
  // The panel stays open when only the month changes (the same page, another query).
  if (!(await item.getByTestId('record-panel').isVisible())) await item.getByTestId('agenda-record').click()
  await item.getByTestId('record-panel').waitFor()
  return item
}

async function addAction(item: Locator, text: string, owner: string, due: string): Promise<void> {
  const before = await item.getByTestId('action-row').count()
  await item.getByTestId('action-text').fill(text)
  await item.getByTestId('action-owner').fill(owner)
  await item.getByTestId('action-due').fill(due)
  await item.getByTestId('action-add').click()
  await item.getByTestId('action-row').nth(before).waitFor()
}

interface Pack {
  readonly name: string
  readonly files: readonly string[]
  readonly sheets: readonly string[]
  /** The texts of the project's sheet, cell by cell, joined by |. */
  readonly projectSheet: string
  /** The texts of every sheet, joined by |. */
  readonly workbookText: string
  /** The numbers of the project's sheet. */
  readonly projectNumbers: readonly number[]
  readonly report: string
}

/** Clicks the pack button, waits for the .zip and opens both files inside it. */
async function downloadPack(page: Page): Promise<Pack> {
  const button = page.getByTestId('meeting-export-pack')
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
  const zip = await JSZip.loadAsync(await readFile((await download.path())!))
  const files = Object.keys(zip.files)
  const month = Number(/1-(\d+)月/.exec(download.suggestedFilename())?.[1])
  const workbook = zip.file(WORKBOOK(month))
  const report = zip.file(REPORT(month))
  assert.ok(workbook && report, `the pack holds ${files.join(', ')}`)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(await workbook.async('arraybuffer'))
  const sheet = wb.getWorksheet(PROJECT_NAME)
  const texts: string[] = []
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'string' && texts.push(cell.value))))
  const cells: string[] = []
  const numbers: number[] = []
  sheet?.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return
      if (typeof cell.value === 'number') numbers.push(cell.value)
      else if (typeof cell.value === 'string') cells.push(cell.value)
    }),
  )
  const { value } = await mammoth.extractRawText({ buffer: await report.async('nodebuffer') })
  // Ready again once the download is offered: the button is not left spinning, its label is back.
  await page.locator('[data-test="meeting-export-pack"]:not(.is-loading):not([disabled])').filter({ hasText: '下载会议材料包' }).waitFor({ timeout: 5000 })
  return { name: download.suggestedFilename(), files, sheets: wb.worksheets.map((ws) => ws.name), projectSheet: cells.join('|'), projectNumbers: numbers, workbookText: texts.join('|'), report: value }
}

describe('the one-file meeting pack through a monitoring round', () => {
  const app = startAppForSuite()

  it('records the 7月 meeting, downloads its pack, and shows the carried item and the decision at 8月', async () => {
    const page = await openPage(app, '/meeting?m=7')
    const minutes = page.getByTestId('meeting-minutes')
    await minutes.waitFor()
    await minutes.getByTestId('minutes-date').fill('2020-08-06')
    await minutes.getByTestId('minutes-place').fill('局二楼会议室')
    await minutes.getByTestId('minutes-host').fill('赵局长')
    await minutes.getByTestId('minutes-host').press('Tab')

    // Per-indicator reasons on the indicator that is off target.
    const item = await openRecord(page)
    const lagging = item.locator('[data-test="indicator-note"][data-indicator="普法宣传资料印制"]')
    await lagging.getByTestId('indicator-reasons').waitFor()
    await lagging.getByText('经费保障').click()
    await lagging.getByTestId('indicator-explanation').fill('印制合同7月才签订，资料尚未全部交付')
    await lagging.getByTestId('indicator-explanation').press('Tab')
    await lagging.getByTestId('indicator-likelihood').getByText('有可能').click()

    await item.getByTestId('decision-continue').click()
    await item.getByTestId('decision-save').click()
    await item.getByTestId('decision-saved').waitFor()
    await addAction(item, '8月10日前交付剩余宣传资料', '孙科长', '2020-08-10')
    await addAction(item, '9月底前支付印制尾款', '周会计', '2020-09-30')
    await page.getByTestId('minutes-agreed').getByText(`${PROJECT_NAME}：继续执行`).waitFor()

    const july = await downloadPack(page)
    assert.equal(july.name, '监控会议材料_2020年1-7月_315002.zip')
    assert.deepEqual(july.files, [WORKBOOK(7), REPORT(7)])
    assert.equal(july.sheets[0], '汇总')
    assert.ok(july.sheets.includes(PROJECT_NAME), july.sheets.join())
    // The project's sheet: its indicator, 1–7月执行数 0.70 万元 of 预算 2.00 万元 (执行率 35 %).
    assert.match(july.projectSheet, /普法宣传资料印制/)
    for (const figure of [0.7, 2, 0.35]) assert.ok(july.projectNumbers.includes(figure), `${figure} in ${july.projectNumbers.join()}`)
    // The meeting's decision is in the workbook too.
    assert.match(july.workbookText, /继续执行/)
    assert.match(july.report, /部门预算绩效运行监控情况报告/)
    assert.match(july.report, /预算数合计 21\.05万元/)
    assert.match(july.report, /指标「普法宣传资料印制」：年度指标值 ≥95%，1–7月 90%（.*?）。偏差原因：经费保障；印制合同7月才签订，资料尚未全部交付。/)
    assert.match(july.report, /8月10日前交付剩余宣传资料\s*孙科长\s*2020-08-10\s*未开始/)
    assert.match(july.report, /9月底前支付印制尾款\s*周会计\s*2020-09-30\s*未开始/)

    // 8月: the 7月 decision and both items carried over; the first one is completed late.
    await page.goto(new URL('#/meeting?m=8', app.url).href)
    const august = await openRecord(page)
    const earlier = august.getByTestId('earlier-decision')
    await earlier.first().waitFor()
    assert.match((await earlier.first().textContent()) ?? '', /7月会议：继续执行.*8月10日前交付剩余宣传资料.*9月底前支付印制尾款/s)
    const rows = august.getByTestId('action-row')
    assert.equal(await rows.count(), 2)
    const late = rows.filter({ hasText: '8月10日前交付剩余宣传资料' })
    await late.getByTestId('action-record-result').click()
    const form = august.getByTestId('action-result-form')
    await form.getByTestId('progress-done').click()
    await form.getByTestId('action-completed-on').fill('2020-08-18')
    await form.getByTestId('action-late-hint').waitFor()
    await form.getByTestId('action-completion-note').fill('剩余 2000 份已交付')
    await form.getByTestId('action-evidence').fill('交付验收单.pdf')
    await form.getByTestId('action-result-save').click()
    await late.getByTestId('completed-late').waitFor()
    assert.match((await late.textContent()) ?? '', /逾期完成/)
    const carried = rows.filter({ hasText: '9月底前支付印制尾款' })
    assert.equal(await carried.getAttribute('data-state'), 'open')
    assert.match((await carried.textContent()) ?? '', /7月结转/)

    const aug = await downloadPack(page)
    assert.equal(aug.name, '监控会议材料_2020年1-8月_315002.zip')
    assert.deepEqual(aug.files, [WORKBOOK(8), REPORT(8)])
    assert.match(aug.report, /8月10日前交付剩余宣传资料\s*孙科长\s*2020-08-10\s*已完成（逾期完成，2020-08-18）/)
    assert.match(aug.report, /9月底前支付印制尾款（7月结转）\s*周会计\s*2020-09-30\s*未开始/)
    assert.equal(await page.getByRole('alert').count(), 0)
    assert.deepEqual(pageErrors(page), [])
  })
})
