import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { describe, it } from 'node:test'
import ExcelJS from 'exceljs'
import { openPage, pageErrors, startAppForSuite } from './support'

const SHOTS = process.env.SHOTS_DIR

describe('the 监控表 from the entry page', () => {
  const app = startAppForSuite()

  it('exports every project with the sign-off block (填报人 from 设置) and 已报送 on every sheet once 7月 is reported', async () => {
    const page = await openPage(app, '/entry?m=7')
    await page.getByTestId('actor-input').fill('王会计')
    await page.getByTestId('actor-save').click()
    await page.getByTestId('lock-month').click()
    await page.getByRole('dialog').getByRole('button', { name: '标记已报送' }).click()
    await page.getByTestId('lock-tag').waitFor()

    await page.getByTestId('entry-export').click()
    await page.getByTestId('signoff-dialog').waitFor()
    assert.equal(await page.getByTestId('signoff-preparer').inputValue(), '王会计')
    await page.getByTestId('signoff-phone').fill('电话')
    await page.getByTestId('signoff-confirm').click()
    await page.getByTestId('signoff-error-phone').waitFor()
    await page.getByTestId('signoff-phone').fill('0335-4041234')
    await page.getByTestId('signoff-unitHead').fill('赵局长')
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true })
      for (const width of [390, 1366, 1920]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 })
        await page.screenshot({ path: `${SHOTS}/signoff-${width}.png` })
      }
      await page.setViewportSize({ width: 1366, height: 900 })
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('signoff-confirm').click()])
    assert.equal(download.suggestedFilename(), '项目支出绩效目标执行监控表_2020年1-7月_315002.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile((await download.path())!)
    assert.equal(wb.worksheets.length, 6, '汇总 and the five projects, no meeting sheets')
    assert.equal(wb.worksheets[0]!.name, '汇总')
    const today = new Date().toLocaleDateString('sv-SE')
    for (const ws of wb.worksheets) assert.equal(ws.getCell('A3').value, `已报送（${today}）`, ws.name)
    const summary = wb.getWorksheet('汇总')!
    assert.equal(summary.getCell('A12').value, '填报人：王会计')
    assert.equal(summary.getCell('F12').value, '联系电话：0335-4041234')
    assert.equal(summary.getCell('A13').value, '单位负责人：赵局长')
    assert.equal(summary.getCell('K12').value, `填报日期：${today}`)

    // The block is kept for the department: the next export starts from it.
    await page.getByTestId('entry-export').click()
    await page.getByTestId('signoff-dialog').waitFor()
    assert.equal(await page.getByTestId('signoff-unitHead').inputValue(), '赵局长')
    assert.deepEqual(pageErrors(page), [])
  })
})
