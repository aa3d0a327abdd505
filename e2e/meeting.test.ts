import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { openPage, pageErrors, startAppForSuite } from './support'

/** The demo's lagging projects at 7月: 红 by deviation (−30, −21.25), then 黄 (−8.33, 0). */
const AGENDA_AT_JULY = ['法制工作专项经费', '依法治区及普法宣传经费', '人民调解员补贴', '社区矫正经费']
const CODES_AT_JULY = ['315-0403-JBN-QFV8', '315-0401-JBN-GH9H', '315-0403-JBN-D7U5', '315-0403-JBN-RY3P']

async function agendaNames(page: Page): Promise<string[]> {
  const items = page.getByTestId('agenda-name')
  await items.first().waitFor()
  return (await items.allTextContents()).map((t) => t.trim())
}

/**
 * What does not fit on the current slide (empty when it all fits): a box that scrolls or is cut
 * in either direction, a box reaching outside the slide, or a page that scrolls.
 */
async function slideMisfits(page: Page): Promise<string[]> {
  // A string, so this browser-side code needs no DOM types in the node-side tsconfig.
  return page.evaluate<string[]>(`(() => {
    const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' «' + (el.textContent || '').trim().slice(0, 20) + '»'
    const slide = document.querySelector('[data-test="presentation"] .slide')
    const frame = slide.getBoundingClientRect()
    const found = []
    for (const el of document.querySelectorAll('[data-test="presentation"] *')) {
      const style = getComputedStyle(el)
      if (['hidden', 'auto', 'scroll'].includes(style.overflowY) && el.scrollHeight > el.clientHeight + 1) found.push('cut below: ' + name(el))
      if (['hidden', 'auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) found.push('cut right: ' + name(el))
      if (!slide.contains(el)) continue
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      if (box.right > frame.right + 1 || box.bottom > frame.bottom + 1 || box.left < frame.left - 1) found.push('outside the slide: ' + name(el))
      // A table wider than its cell runs under its neighbour even when nothing clips it.
      if (el.tagName === 'TABLE' && box.right > el.parentElement.getBoundingClientRect().right + 1) found.push('wider than its cell: ' + name(el))
    }
    const root = document.scrollingElement
    if (root.scrollHeight > root.clientHeight + 1 || root.scrollWidth > root.clientWidth + 1) found.push('the page scrolls')
    return found
  })()`)
}

/** Cells of the slide's action table under 责任人 or 状态 whose text breaks over more than one line. */
async function wrappedActionCells(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const wrapped = []
    for (const table of document.querySelectorAll('[data-test="presentation"] [data-test="action-table"]')) {
      const heads = [...table.querySelectorAll('th')].map((th) => th.textContent.trim())
      for (const row of table.querySelectorAll('[data-test="action-row"]')) {
        for (const column of ['责任人', '整改进度']) {
          const td = row.children[heads.indexOf(column)]
          const range = document.createRange()
          range.selectNodeContents(td)
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)))
          if (lines.size > 1) wrapped.push(column + ': ' + td.textContent.trim())
        }
      }
    }
    return wrapped
  })()`)
}

/** Texts on the slide that look like a page counter ("2 / 5"). */
async function counters(page: Page): Promise<string[]> {
  const texts = await page.locator('[data-test="presentation"] *').evaluateAll((els) =>
    els.filter((el) => el.children.length === 0).map((el) => el.textContent?.trim() ?? ''),
  )
  return texts.filter((text) => /^\d+\s*\/\s*\d+$/.test(text))
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
  const app = startAppForSuite()

  it('lists the lagging projects at 7月 in order and presents them with the keyboard at 1024×768, 1366×768 and 1920×1080', async () => {
    const page = await openPage(app, '/meeting?m=7')
    assert.deepEqual(await agendaNames(page), AGENDA_AT_JULY)
    assert.deepEqual(await page.getByTestId('agenda-deviation').allTextContents(), ['−30.0', '−21.3', '−8.3', '0.0'])
    // An action due after the 7月 meeting (held 2020-08-01) is not 逾期, whatever today's date.
    const first = page.locator('[data-test="agenda-item"][data-project="315-0403-JBN-QFV8"]')
    await first.getByTestId('agenda-record').click()
    await first.getByTestId('action-text').fill('8月底前完成第三方评估项目采购，签订合同并支付首期款，9月起每月跟踪支付进度并向局党组报告')
    await first.getByTestId('action-owner').fill('李会计')
    await first.getByTestId('action-due').fill('2020-08-20')
    await first.getByTestId('action-add').click()
    await first.getByTestId('action-row').first().waitFor()
    assert.doesNotMatch((await page.getByTestId('all-actions').textContent()) ?? '', /逾期/)

    await page.getByTestId('meeting-present').click()
    await page.getByTestId('slide-summary').waitFor()
    await page.waitForURL(/\/meeting\/present\?.*m=7/)
    for (const size of [{ width: 1024, height: 768 }, { width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(size)
      const at = `${size.width}×${size.height}`
      assert.equal(await press(page, 'Home', 0), 'summary')
      await page.waitForTimeout(300)
      assert.deepEqual(await slideMisfits(page), [], `summary slide fits at ${at}`)
      const agendaFont = await page.evaluate<number>(
        `parseFloat(getComputedStyle(document.querySelector('[data-test="summary-agenda"]')).fontSize)`,
      )
      assert.ok(agendaFont >= 20, `the summary's agenda is large at ${at} (${agendaFont}px)`)
      for (const [i, code] of CODES_AT_JULY.entries()) {
        assert.equal(await press(page, 'PageDown', i + 1), code)
        await page.waitForTimeout(300)
        assert.deepEqual(await slideMisfits(page), [], `slide of ${code} fits at ${at}`)
        assert.deepEqual(await counters(page), [`${i + 2} / 5`], `one slide counter at ${at}`)
      }
      await press(page, 'Home', 0)
      assert.equal(await press(page, 'PageDown', 1), CODES_AT_JULY[0])
      await page.waitForTimeout(300)
      assert.deepEqual(await wrappedActionCells(page), [], `责任人 and 状态 on one line at ${at}`)
      assert.doesNotMatch((await page.getByTestId('slide-project').textContent()) ?? '', /逾期/)
      await press(page, 'End', 4)
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
    assert.match((await row.textContent()) ?? '', /第三方评估.*7月结转.*李科长.*2020-08-31.*未开始/)
    // Judged at the 8月 meeting (held 2020-09-01), a 期限 of 2020-08-31 has passed.
    assert.match((await row.textContent()) ?? '', /2020-08-31\s*逾期/)

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

    // The monitoring form of every project of the department, downloaded and read back (after the sign-off dialog).
    await page.goto(new URL('#/meeting?m=7', app.url).href)
    await agendaNames(page)
    await page.getByTestId('meeting-export-all').click()
    await page.getByTestId('signoff-phone').fill('0335-4041234')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('signoff-confirm').click()])
    assert.equal(download.suggestedFilename(), '项目支出绩效目标执行监控表_2020年1-7月_315002.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile((await download.path())!)
    const names = wb.worksheets.map((ws) => ws.name)
    assert.deepEqual(names.slice(-2), ['整改清单', '会议纪要'])
    assert.deepEqual([...names.slice(1, -2)].sort(), [...AGENDA_AT_JULY, '法律援助经费'].sort())
    const sheet = wb.getWorksheet('法制工作专项经费')!
    assert.equal(sheet.getCell('A3').value, '草稿')
    // 年初预算数 E, 年度预算调整 F, 调整后预算数 G, 执行数 H, 执行率 K (the demo has no adjustments).
    assert.deepEqual(['E7', 'F7', 'G7'].map((a) => sheet.getCell(a).value), [4, 0, 4])
    assert.equal(sheet.getCell('H7').value, 0.8)
    assert.equal(sheet.getCell('K7').value, 0.2)
    // 年度指标值 in one cell; the project's confirmed 有可能 is not copied onto its indicators.
    assert.deepEqual([15, 16, 17].map((r) => sheet.getCell(`E${r}`).value), ['=100%', '=100%', '=100%'])
    assert.deepEqual([15, 16, 17].map((r) => sheet.getCell(`N${r}`).value ?? ''), ['', '', ''])
    const summary = wb.getWorksheet('汇总')!
    const summaryRow = 5 + names.slice(1).indexOf('法制工作专项经费')
    assert.equal(summary.getCell(`O${summaryRow}`).value, '调整预算')
    assert.ok(String(summary.getCell('F13').value).includes('0335-4041234'))
    assert.deepEqual([summary.getCell('A10').value, summary.getCell('E10').value], ['议程项目合计', 18.05])
    assert.deepEqual([summary.getCell('A11').value, summary.getCell('E11').value], ['部门合计', 21.05])

    await page.locator('[data-test="agenda-item"][data-project="315-0403-JBN-RY3P"]').getByTestId('agenda-export').click()
    // The block was kept for the department.
    assert.equal(await page.getByTestId('signoff-phone').inputValue(), '0335-4041234')
    const [single] = await Promise.all([page.waitForEvent('download'), page.getByTestId('signoff-confirm').click()])
    assert.match(single.suggestedFilename(), /_社区矫正经费\.xlsx$/)

    // 会议关注 is per meeting: taken off / added at 7月, it holds from 7月 on and leaves 6月 as it was.
    await page.locator('[data-test="agenda-item"][data-project="315-0403-JBN-RY3P"]').getByTestId('agenda-remove').click()
    await page.getByTestId('agenda-removed').waitFor()
    await page.getByTestId('agenda-add-select').click()
    await page.getByRole('option', { name: /法律援助经费/ }).click()
    await page.getByTestId('agenda-add').click()
    await page.locator('[data-test="agenda-item"][data-project="315-0404-JBN-FLC6"]').waitFor()
    assert.deepEqual(await agendaNames(page), ['法制工作专项经费', '依法治区及普法宣传经费', '人民调解员补贴', '法律援助经费'])
    await page.goto(new URL('#/meeting?m=6', app.url).href)
    await page.locator('[data-test="agenda-item"][data-project="315-0403-JBN-RY3P"]').waitFor()
    assert.deepEqual(await agendaNames(page), AGENDA_AT_JULY)
    await page.goto(new URL('#/meeting?m=8', app.url).href)
    await page.locator('[data-test="agenda-item"][data-project="315-0404-JBN-FLC6"]').waitFor()
    assert.ok((await agendaNames(page)).includes('法律援助经费'), '会议关注 added at 7月 follows the project to 8月')

    assert.deepEqual(pageErrors(page), [])
  })
})
