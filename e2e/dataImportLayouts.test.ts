import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPage, pageErrors, startAppForSuite } from './support'

const XLSX = 'tests/fixtures/xlsx-sheets-2022-housing.xlsx'
const SHOTS = process.env.SCREENSHOT_DIR ?? null

async function shoot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })
}

/** Two sheets copied together from WPS: each begins with its title row, as WPS puts them on the clipboard. */
function wpsSheets(): { html: string; text: string } {
  const sheet = (name: string, budget: string, rows: ReadonlyArray<readonly [string, string, string, string]>): { html: string; text: string } => {
    const cells = [
      ['2021年度部门预算项目绩效目标表', '', '', ''],
      ['单位名称：', '320583 昆山市司法局', '单位：万元', ''],
      ['项目名称', name, '', ''],
      ['预算数', budget, '其中：财政资金', budget],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ...rows,
    ]
    const html = `<table>${cells.map((row) => `<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`
    return { html, text: cells.map((row) => row.join('\t')).join('\n') }
  }
  const first = sheet('社区矫正经费', '9.00', [['产出指标', '数量指标', '集中教育场次', '≥12场'], ['满意度指标', '服务对象满意度指标', '矫正对象满意度', '≥90%']])
  const second = sheet('人民调解工作经费', '14.50', [['产出指标', '数量指标', '调解案件数', '≥300件'], ['', '质量指标', '调解成功率', '≥95%']])
  return { html: `<html><body>${first.html}${second.html}</body></html>`, text: `${first.text}\n${second.text}` }
}

describe('导入导出: an .xlsx workbook and a multi-sheet WPS paste', () => {
  const app = startAppForSuite()

  it('previews the sheets and a 自编 code of a workbook, imports it, then imports a WPS paste of two sheets', async () => {
    const page = await openPage(app, '/data')
    await page.locator('[data-test="import-history"] tbody tr').first().waitFor()

    await page.getByTestId('import-file-input').setInputFiles(XLSX)
    const preview = page.getByTestId('import-preview')
    await preview.waitFor()
    assert.match((await preview.textContent()) ?? '', /Excel 工作簿（\.xlsx）/)
    const sheets = page.getByTestId('preview-sheets')
    assert.match((await sheets.textContent()) ?? '', /封面\s*无项目表/)
    assert.match((await sheets.textContent()) ?? '', /老旧小区改造\s*1 个项目/)
    assert.match((await sheets.textContent()) ?? '', /多个项目\s*2 个项目/)
    assert.equal((await page.getByTestId('preview-department').textContent())?.trim(), '330110 杭州市余杭区住房和城乡建设局')
    assert.equal(await page.locator('[data-test="preview-projects"] tbody tr').count(), 3)
    const generated = page.locator('input[data-test="preview-generated-code"]')
    assert.match(await generated.inputValue(), /^ZB-/)
    await page.setViewportSize({ width: 1366, height: 768 })
    await shoot(page, 'import-xlsx-preview-1366')
    await page.setViewportSize({ width: 390, height: 844 })
    await shoot(page, 'import-xlsx-preview-390')
    await page.setViewportSize({ width: 1366, height: 768 })

    // The user gives the project without 项目编码 the bureau's own code.
    await generated.fill('330110-ZJ-22-03')
    await page.getByTestId('import-confirm').click()
    await page.getByTestId('import-result').waitFor()
    assert.match((await page.getByTestId('import-result-counts').textContent()) ?? '', /新增 3 个项目/)

    await page.getByRole('button', { name: '再导入一份' }).click()
    const { html, text } = wpsSheets()
    await page.locator('textarea[data-test="import-paste"]').waitFor()
    // The paste as the browser delivers it: both clipboard flavours (the e2e code has no DOM types).
    await page.evaluate(`(() => {
      const flavours = ${JSON.stringify({ html, text })}
      const data = new DataTransfer()
      data.setData('text/html', flavours.html)
      data.setData('text/plain', flavours.text)
      const textarea = document.querySelector('textarea[data-test="import-paste"]')
      textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    })()`)
    await page.getByTestId('import-paste-submit').click()
    await preview.waitFor()
    assert.match((await preview.textContent()) ?? '', /粘贴的表格，按原表格的单元格读取/)
    assert.equal(await page.locator('[data-test="preview-projects"] tbody tr').count(), 2)
    assert.match((await page.getByTestId('preview-counts').textContent()) ?? '', /2 个项目，预算合计 23\.50 万元，4 个指标/)
    assert.equal(await page.getByTestId('preview-incomplete').count(), 0)
    await shoot(page, 'import-wps-paste-preview-1366')
    await page.setViewportSize({ width: 390, height: 844 })
    await shoot(page, 'import-wps-paste-preview-390')
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.getByTestId('import-confirm').click()
    await page.getByTestId('import-result').waitFor()
    assert.match((await page.getByTestId('import-result').textContent()) ?? '', /2021年 320583 昆山市司法局：新增 2 个项目/)

    // A document cut off in its last row: the complete project is offered, the cut one listed.
    await page.getByRole('button', { name: '再导入一份' }).click()
    await page.getByTestId('import-file-input').setInputFiles('tests/fixtures/pipe-cut-2021-water.md')
    await preview.waitFor()
    assert.match((await page.getByTestId('preview-incomplete').textContent()) ?? '', /1 个项目不完整，不会导入.*河湖长制工作经费.*第 15 行起.*指标值/)
    assert.equal((await page.getByTestId('import-confirm').textContent())?.trim(), '导入 1 个完整项目')
    await shoot(page, 'import-partial-preview-1366')
    await page.setViewportSize({ width: 390, height: 844 })
    await shoot(page, 'import-partial-preview-390')
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.getByTestId('import-confirm').click()
    await page.getByTestId('import-result').waitFor()
    assert.match((await page.getByTestId('import-result-counts').textContent()) ?? '', /新增 1 个项目/)
    assert.deepEqual(pageErrors(page), [])
  })
})
