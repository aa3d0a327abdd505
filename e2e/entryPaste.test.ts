import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPage, pageErrors, startAppForSuite, waitForExpression } from './support'

const cell = (page: Page, pos: string) => page.locator(`input[data-pos="${pos}"]`)
const rows = (page: Page) => page.locator('[data-test="entry-grid"] tbody tr')

async function chooseMonth(page: Page, month: number): Promise<void> {
  await page.getByTestId('entry-month').click()
  await page.getByRole('option', { name: `${month}月`, exact: true }).click()
  await page.waitForURL(new RegExp(`m=${month}`))
}

/** The row index of a project in the month grid. */
async function rowOf(page: Page, name: string): Promise<number> {
  const titles = await rows(page).locator('th[scope="row"]').allTextContents()
  const index = titles.findIndex((title) => title.includes(name))
  assert.notEqual(index, -1, `no row for ${name}`)
  return index
}

/** Puts text on the system clipboard, as Excel does, and pastes it with Ctrl+V into the focused cell. */
async function pasteFromClipboard(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`)
  await page.keyboard.press('Control+v')
}

async function waitForValue(page: Page, pos: string, value: string): Promise<void> {
  await waitForExpression(page, `document.querySelector('input[data-pos="${pos}"]')?.value === ${JSON.stringify(value)}`)
}

describe('paste lands where the grid shows it', () => {
  const app = startAppForSuite()

  it('maps a row laid out like the entry page column by column, skips 执行数, 执行率 and blanks, and drops its report on undo', async () => {
    const page = await openPage(app, '/entry')
    await page.getByTestId('actor-skip').click()
    await rows(page).nth(4).waitFor()
    await chooseMonth(page, 9)
    const r = await rowOf(page, '法律援助经费')
    const before = await Promise.all([3, 4, 5].map((c) => cell(page, `${r}:${c}`).inputValue()))

    // The row, copied from a sheet laid out like the entry page: 支出, 执行数, 执行率, 指标 1–3.
    await cell(page, `${r}:0`).click()
    await pasteFromClipboard(page, '0.20\t1.85\t61.7%\t8\t99\t99\r\n')
    const report = page.getByTestId('paste-report')
    await report.waitFor()
    assert.equal((await report.locator('strong').textContent())?.trim(), '粘贴结果：已保存 4 个，跳过 2 个。')
    assert.match((await page.getByTestId('paste-hint-figures').textContent()) ?? '', /只读列（执行数、执行率）下的 2 个值已跳过/)
    assert.equal(await page.getByTestId('paste-rejected').count(), 0)
    await waitForValue(page, `${r}:0`, '0.20')
    await waitForValue(page, `${r}:3`, '8')
    await waitForValue(page, `${r}:4`, '99')
    await waitForValue(page, `${r}:5`, '99')
    await page.screenshot({ path: 'e2e/artifacts/entry-paste-as-shown.png' })

    // Undo takes the whole paste back, and its report with it.
    await page.getByTestId('undo').click()
    await waitForValue(page, `${r}:3`, before[0] ?? '')
    await report.waitFor({ state: 'detached' })
    assert.deepEqual(await Promise.all([3, 4, 5].map((c) => cell(page, `${r}:${c}`).inputValue())), before)
    assert.equal(await cell(page, `${r}:0`).inputValue(), '')

    // Blanks leave their cells as they are: a column of two rows, the first blank.
    await cell(page, `${r}:0`).click()
    await page.keyboard.type('0.10')
    await page.keyboard.press('Enter')
    await waitForValue(page, `${r}:0`, '0.10')
    assert.ok((await rows(page).count()) > r + 1, 'a row below 法律援助经费')
    await cell(page, `${r}:0`).click()
    await pasteFromClipboard(page, '\r\n0.05\r\n')
    await waitForValue(page, `${r + 1}:0`, '0.05')
    await report.waitFor()
    assert.equal((await report.locator('strong').textContent())?.trim(), '粘贴结果：已保存 1 个，跳过 1 个。')
    assert.match((await page.getByTestId('paste-hint-blanks').textContent()) ?? '', /1 个空白值已跳过/)
    assert.equal(await cell(page, `${r}:0`).inputValue(), '0.10', 'the blank did not clear 法律援助经费')
    assert.deepEqual(pageErrors(page), [])
  })
})
