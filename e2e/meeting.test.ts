import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { openPage, pageErrors, startApp, type AppUnderTest } from './support'

/** The demo's lagging projects at 7月: 红 by deviation (−30, −21.25), then 黄 (−8.33, 0). */
const AGENDA_AT_JULY = ['法制工作专项经费', '依法治区及普法宣传经费', '人民调解员补贴', '社区矫正经费']
const CODES_AT_JULY = ['315-0403-JBN-QFV8', '315-0401-JBN-GH9H', '315-0403-JBN-D7U5', '315-0403-JBN-RY3P']

async function agendaNames(page: Page): Promise<string[]> {
  const items = page.getByTestId('agenda-name')
  await items.first().waitFor()
  return (await items.allTextContents()).map((t) => t.trim())
}

/** True when nothing inside the slide scrolls or is cut: every box fits its own height. */
async function slideFits(page: Page): Promise<boolean> {
  // A string, so this browser-side code needs no DOM types in the node-side tsconfig.
  return page.evaluate<boolean>(`(() => {
    const boxes = [...document.querySelectorAll('[data-test="presentation"] *')]
    const isCut = boxes.some((el) => {
      const clips = ['hidden', 'auto', 'scroll'].includes(getComputedStyle(el).overflowY)
      return clips && el.scrollHeight > el.clientHeight + 1
    })
    const root = document.scrollingElement
    return !isCut && root.scrollHeight <= root.clientHeight + 1
  })()`)
}

/** Presses a key and waits for the slide at `index` (0 = summary) to be shown. */
async function press(page: Page, key: string, index: number): Promise<string> {
  await page.keyboard.press(key)
  await page.locator(`[data-test="presentation"][data-slide="${index}"]`).waitFor()
  return currentSlide(page)
}

async function currentSlide(page: Page): Promise<string> {
  const project = page.getByTestId('slide-project')
  return (await project.count()) === 0 ? 'summary' : ((await project.getAttribute('data-project')) ?? '')
}

describe('meeting mode with the demo department', () => {
  let app: AppUnderTest
  before(async () => {
    app = await startApp()
  })
  after(async () => {
    await app.close()
  })

  it('lists the lagging projects at 7月 in order and presents them with the keyboard at 1366×768 and 1920×1080', async () => {
    const page = await openPage(app, '/meeting?m=7')
    assert.deepEqual(await agendaNames(page), AGENDA_AT_JULY)
    assert.deepEqual(await page.getByTestId('agenda-deviation').allTextContents(), ['−30.0', '−21.3', '−8.3', '0.0'])

    await page.getByTestId('meeting-present').click()
    await page.getByTestId('slide-summary').waitFor()
    await page.waitForURL(/\/meeting\/present\?.*m=7/)
    for (const size of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(size)
      assert.equal(await press(page, 'Home', 0), 'summary')
      await page.waitForTimeout(300)
      assert.ok(await slideFits(page), `summary slide fits at ${size.width}`)
      for (const [i, code] of CODES_AT_JULY.entries()) {
        assert.equal(await press(page, 'PageDown', i + 1), code)
        await page.waitForTimeout(300)
        assert.ok(await slideFits(page), `slide of ${code} fits at ${size.width}×${size.height}`)
      }
    }
    assert.equal(await press(page, 'PageDown', 4), CODES_AT_JULY[3], 'stays on the last slide')
    assert.equal(await press(page, 'ArrowLeft', 3), CODES_AT_JULY[2])
    assert.equal(await press(page, 'PageUp', 2), CODES_AT_JULY[1])
    assert.equal(await press(page, 'Home', 0), 'summary')
    assert.equal(await press(page, 'PageUp', 0), 'summary', 'stays on the first slide')
    assert.equal(await press(page, ' ', 1), CODES_AT_JULY[0])
    assert.equal(await press(page, 'ArrowRight', 2), CODES_AT_JULY[1])
    assert.equal(await press(page, 'End', 4), CODES_AT_JULY[3])
    assert.equal((await page.getByTestId('slide-counter').textContent())?.trim(), '5 / 5')
    await page.keyboard.press('Escape')
    await page.waitForURL(/#\/meeting\?/)
    await page.getByTestId('agenda').waitFor()
    assert.deepEqual(pageErrors(page), [])
  })

  it('records a decision and an action that carries over to 8月, prints the briefing and exports the form', async () => {
    const page = await openPage(app, '/meeting?m=7')
    await agendaNames(page)
    const first = page.locator('[data-test="agenda-item"][data-project="315-0403-JBN-QFV8"]')
    await first.getByTestId('agenda-record').click()
    await first.getByTestId('decision-adjustBudget').click()
    await first.getByTestId('decision-save').click()
    await first.getByTestId('decision-saved').waitFor()
    await first.getByTestId('action-text').fill('8月底前完成第三方评估采购并支付首期款')
    await first.getByTestId('action-owner').fill('李科长')
    await first.getByTestId('action-due').fill('2020-08-31')
    await first.getByTestId('action-add').click()
    await first.getByTestId('action-row').first().waitFor()
    assert.match((await first.getByTestId('agenda-decision').textContent()) ?? '', /调整预算/)
    assert.equal((await first.getByTestId('open-actions').textContent())?.trim(), '1')

    // Next month's meeting: the open action is carried over (and keeps its project on the agenda).
    await page.goto(new URL('#/meeting?m=8', app.url).href)
    const carried = page.locator('[data-test="agenda-item"][data-project="315-0403-JBN-QFV8"]')
    await carried.waitFor()
    assert.equal((await carried.getByTestId('open-actions').textContent())?.trim(), '1')
    const row = page.getByTestId('all-actions').getByTestId('action-row').first()
    assert.equal(await row.getAttribute('data-state'), 'open')
    assert.match((await row.textContent()) ?? '', /第三方评估.*7月结转.*李科长.*2020-08-31.*未完成/)

    // The A4 briefing of 7月: cover, summary, one page per agenda project, the action list.
    await page.goto(new URL('#/meeting/print?m=7', app.url).href)
    await page.getByTestId('print-project').nth(3).waitFor()
    await page.waitForTimeout(500)
    const pdf = await page.pdf({
      format: 'A4',
      landscape: true,
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size:7px;width:100%;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    })
    const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length
    assert.equal(pageCount, 1 + 1 + AGENDA_AT_JULY.length + 1)
    assert.equal(await page.getByTestId('print-page').count(), pageCount)
    assert.equal((await page.getByTestId('page-number').last().textContent())?.trim(), `第 ${pageCount} 页 / 共 ${pageCount} 页`)

    // The monitoring form of all agenda projects, downloaded and read back.
    await page.goto(new URL('#/meeting?m=7', app.url).href)
    await agendaNames(page)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('meeting-export-all').click()])
    assert.equal(download.suggestedFilename(), '项目支出绩效目标执行监控表_2020年1-7月_315002.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile((await download.path())!)
    assert.deepEqual(wb.worksheets.map((ws) => ws.name), ['汇总', ...AGENDA_AT_JULY])
    const sheet = wb.getWorksheet('法制工作专项经费')!
    assert.equal(sheet.getCell('E6').value, 4)
    assert.equal(sheet.getCell('G6').value, 0.8)
    assert.equal(sheet.getCell('J6').value, 0.2)
    assert.equal(wb.getWorksheet('汇总')!.getCell('M4').value, '调整预算')

    const [single] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="agenda-item"][data-project="315-0403-JBN-RY3P"]').getByTestId('agenda-export').click(),
    ])
    assert.match(single.suggestedFilename(), /_社区矫正经费\.xlsx$/)
    assert.deepEqual(pageErrors(page), [])
  })
})
