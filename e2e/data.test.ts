import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPage, pageErrors, startAppForSuite, type AppUnderTest } from './support'

const DOCX = 'tests/fixtures/docx-merged-2022-transport.docx'
const SHOTS = process.env.SCREENSHOT_DIR ?? null

/** GBK bytes of a text, from the browser-grade GB18030 decoder run backwards (Node has no GBK encoder). */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gb18030')
  const table = new Map<string, number[]>()
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(new Uint8Array([lead, trail]))
      if (trail !== 0x7f && char.length === 1 && !table.has(char)) table.set(char, [lead, trail])
    }
  }
  return Buffer.from([...text].flatMap((char) => (char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : (table.get(char) ?? []))))
}

async function shoot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })
}

async function openData(app: AppUnderTest): Promise<Page> {
  const page = await openPage(app, '/data')
  // First visit: the demo is loaded and listed as an imported document.
  await page.locator('[data-test="import-history"] tbody tr').first().waitFor()
  return page
}

describe('导入导出: import a document, back up and restore', () => {
  const app = startAppForSuite()

  it('imports a .docx after a preview with warnings; the overview shows the new department; re-import updates', async () => {
    const page = await openData(app)
    await page.getByTestId('import-file-input').setInputFiles(DOCX)
    const preview = page.getByTestId('import-preview')
    await preview.waitFor()
    assert.equal((await page.getByTestId('preview-department').textContent())?.trim(), '410526 滑县交通运输局')
    assert.equal((await page.getByTestId('preview-year').textContent())?.trim(), '2022年')
    assert.equal(await page.locator('[data-test="preview-projects"] tbody tr').count(), 2)
    assert.match((await page.getByTestId('preview-counts').textContent()) ?? '', /2 个项目，预算合计 345\.50 万元，9 个指标/)
    const warnings = (await page.getByTestId('preview-warnings').textContent()) ?? ''
    assert.match(warnings, /\d+ 条提示/)
    assert.match(warnings, /养护路段优良率/)
    assert.match(warnings, /9090/)
    await page.setViewportSize({ width: 1920, height: 1080 })
    await shoot(page, 'data-preview-1920')
    await page.setViewportSize({ width: 1366, height: 768 })
    await shoot(page, 'data-preview-1366')

    await page.getByTestId('import-confirm').click()
    const result = page.getByTestId('import-result')
    await result.waitFor()
    assert.match((await page.getByTestId('import-result-counts').textContent()) ?? '', /新增 2 个项目，更新 0 个/)
    await page.locator('[data-test="import-history"] tbody tr', { hasText: 'docx-merged-2022-transport.docx' }).waitFor()
    await shoot(page, 'data-result-1366')

    await page.getByTestId('import-result-overview').click()
    await page.waitForURL(/y=2022/)
    assert.match(page.url(), /d=410526/)
    const rows = page.locator('[data-test="project-table"] tbody tr')
    await rows.nth(1).waitFor()
    assert.equal(await rows.count(), 2)
    assert.match((await page.locator('[data-test="project-table"]').textContent()) ?? '', /农村公路养护资金/)

    // The same document again: nothing is duplicated.
    await page.goto(new URL('#/data', app.url).href)
    await page.getByTestId('import-file-input').setInputFiles(DOCX)
    await page.getByTestId('import-preview').waitFor()
    await page.getByText('2 个已导入过（将更新）').waitFor()
    await page.getByTestId('import-confirm').click()
    await page.getByTestId('import-result').waitFor()
    assert.match((await page.getByTestId('import-result-counts').textContent()) ?? '', /新增 0 个项目，更新 2 个/)
    assert.deepEqual(pageErrors(page), [])
  })

  it('reads a GBK text file without a year once a year is picked, and explains an unreadable file', async () => {
    const page = await openData(app)
    await page.getByTestId('import-file-input').setInputFiles({ name: 'legacy.doc', mimeType: 'application/msword', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]) })
    await page.getByTestId('import-error').waitFor()
    assert.match((await page.getByTestId('import-error').textContent()) ?? '', /另存为” \.docx 后导入/)
    await shoot(page, 'data-error-1366')

    const text = readFileSync('tests/fixtures/tab-excel-2022-health.tsv', 'utf8').split('\n').slice(1).join('\r\n')
    await page.getByTestId('import-file-input').setInputFiles({ name: '卫健局绩效目标.txt', mimeType: 'text/plain', buffer: encodeGbk(text) })
    await page.getByTestId('import-preview').waitFor()
    assert.match((await page.getByTestId('import-preview').textContent()) ?? '', /GBK/)
    assert.ok(await page.getByTestId('import-confirm').isDisabled(), 'no year chosen yet')
    await page.getByTestId('preview-year-select').click()
    await page.getByRole('option', { name: '2022年', exact: true }).click()
    await page.getByTestId('import-confirm').click()
    await page.getByTestId('import-result').waitFor()
    assert.match((await page.getByTestId('import-result').textContent()) ?? '', /2022年 207014 唐山市丰南区卫生健康局：新增 2 个项目/)
    assert.deepEqual(pageErrors(page), [])
  })

  it('lists every problem of a broken document at once, and previews a 元 document exactly', async () => {
    const page = await openData(app)
    // Its one complete project broken too: nothing is importable, and every problem is listed.
    const broken = readFileSync('tests/fixtures/error-many-2021-emergency.txt', 'utf8').replace('预算数 | 2.00 | 其中：财政资金 | 2.00', '预算数 | 两万 | 其中：财政资金 | 2.00')
    await page.getByTestId('import-file-input').setInputFiles({ name: 'error-many-2021-emergency.txt', mimeType: 'text/plain', buffer: Buffer.from(broken) })
    const failure = page.getByTestId('import-error')
    await failure.waitFor()
    assert.match((await failure.textContent()) ?? '', /发现 5 处问题/)
    const rows = page.locator('[data-test="import-errors"] tbody tr')
    assert.equal(await rows.count(), 5)
    assert.match((await rows.nth(0).textContent()) ?? '', /安全生产执法经费预算数第 6 行/)
    assert.match((await rows.nth(3).textContent()) ?? '', /防灾减灾宣传经费预算数第 33 行/)
    assert.match((await rows.nth(4).textContent()) ?? '', /应急值守经费项目编码第 41 行.*重复/)
    assert.match((await failure.textContent()) ?? '', /条提示/)
    await page.setViewportSize({ width: 1920, height: 1080 })
    await shoot(page, 'data-errors-1920')
    await page.setViewportSize({ width: 1366, height: 768 })
    await shoot(page, 'data-errors-1366')

    // 预算单位 and 单位：元 on one line; amounts in 元 shown to the 分.
    const text = readFileSync('tests/fixtures/pipe-yuan-2021-education.md', 'utf8')
      .replace('部门：成都市青白江区教育局（一体化系统导出，单位：元）', '预算单位：510113001 成都市青白江区教育局    单位：元')
      .replace(/\| 单位名称 \| 510113001 成都市青白江区教育局 \| 单位：元 \| \|\n/g, '')
    await page.getByTestId('import-file-input').setInputFiles({ name: '教育局.md', mimeType: 'text/markdown', buffer: Buffer.from(text) })
    await page.getByTestId('import-preview').waitFor()
    assert.equal((await page.getByTestId('preview-department').textContent())?.trim(), '510113001 成都市青白江区教育局')
    assert.match((await page.getByTestId('preview-counts').textContent()) ?? '', /预算合计 1,646,500\.50 元（164\.65 万元）/)
    assert.match((await page.getByTestId('preview-projects').textContent()) ?? '', /386,500\.50\s*38\.65 万元/)
    await shoot(page, 'data-preview-yuan-1366')
    assert.deepEqual(pageErrors(page), [])
  })

  it('fits a 390 px phone: the import history scrolls inside its panel, the page does not', async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(new URL('#/data', app.url).href)
    await page.locator('[data-test="import-history"] tbody tr').first().waitFor()
    assert.ok(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth'), 'no sideways scrolling')
    await context.close()
  })

  it('loads the backup validator (valibot and the record schemas) only when a file is restored', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    const page = await context.newPage()
    const scripts: Promise<string>[] = []
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) scripts.push(response.text())
    })
    // Markers only the validator holds: a valibot action type and a record schema message. Valibot
    // is a chunk of its own since the 报送 pages use it too, so the markers may be in two scripts.
    const validatorLoaded = async () => {
      const loaded = (await Promise.all(scripts)).join('\n')
      return loaded.includes('safe_integer') && loaded.includes('非负整数金额')
    }
    await page.goto(new URL('#/', app.url).href)
    await page.locator('[data-test="project-table"] tbody tr').first().waitFor()
    assert.equal(await validatorLoaded(), false, 'the first route loads no validator')
    await page.getByRole('link', { name: '导入导出' }).click()
    await page.getByTestId('backup-download').waitFor()
    assert.equal(await validatorLoaded(), false, 'nor does the data page before a file is chosen')
    await page.getByTestId('restore-file-input').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{}') })
    await page.getByTestId('backup-message').waitFor()
    assert.equal(await validatorLoaded(), true)
    await context.close()
  })

  it('downloads a backup and restores it after the data changed', async () => {
    const page = await openData(app)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()])
    assert.match(download.suggestedFilename(), /^预算绩效监控备份-\d{8}-\d{4}\.json$/)
    const path = await download.path()
    const backup = JSON.parse(readFileSync(path, 'utf8')) as { format: string; tables: { projects: unknown[] } }
    assert.equal(backup.format, 'budget-performance-monitor-backup')
    assert.equal(backup.tables.projects.length, 5)

    // Change the data: clear the demo.
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByTestId('demo-clear').click()
    await page.getByTestId('demo-load').waitFor()
    await page.getByText('还没有导入过文档。').waitFor()

    // A file that is not a backup is refused with a reason, and nothing changes.
    await page.getByTestId('restore-file-input').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"other"}') })
    assert.match((await page.getByTestId('backup-message').textContent()) ?? '', /不是本程序的备份文件/)
    // So is a row the entry grid would refuse: a negative month of spending, edited into the file.
    const edited = JSON.parse(readFileSync(path, 'utf8')) as { tables: { spending: { amount: number }[] } }
    edited.tables.spending[0]!.amount = -100
    await page.getByTestId('restore-file-input').setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) })
    await page.getByText('支出不能为负数').waitFor()
    assert.match((await page.getByTestId('backup-message').textContent()) ?? '', /「月度支出」表（spending）第 1 条的 amount（-100 分）：支出不能为负数.*未写入任何数据/)
    assert.equal(await page.getByTestId('restore-review').count(), 0)

    await page.getByTestId('restore-file-input').setInputFiles(path)
    const review = page.getByTestId('restore-review')
    await review.waitFor()
    assert.match((await page.getByTestId('restore-counts').textContent()) ?? '', /1 个单位、1 个年度、5 个项目/)
    assert.ok(await page.getByTestId('restore-confirm').isDisabled(), 'needs the explicit confirmation')
    await shoot(page, 'data-restore-1366')
    await page.getByTestId('restore-understood').click()
    await page.getByTestId('restore-confirm').click()
    await page.getByText('已从').waitFor()
    await page.getByTestId('demo-clear').waitFor()

    await page.goto(new URL('#/', app.url).href)
    const rows = page.locator('[data-test="project-table"] tbody tr')
    await rows.nth(4).waitFor()
    assert.equal(await rows.count(), 5)
    await page.getByTestId('demo-banner').waitFor()
    assert.deepEqual(pageErrors(page), [])
  })
})
