import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPage, pageErrors, startAppForSuite, waitForExpression } from './support'

// Rows of the month view, in document order.
const MEDIATION = '315-0403-JBN-D7U5' // 人民调解员补贴, 预算 6.30 万元, 1–7月 3.15 万元, 56 件

const cell = (page: Page, pos: string) => page.locator(`input[data-pos="${pos}"]`)

async function chooseMonth(page: Page, month: number): Promise<void> {
  await page.getByTestId('entry-month').click()
  await page.getByRole('option', { name: `${month}月`, exact: true }).click()
  await page.waitForURL(new RegExp(`m=${month}`))
}

async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-test="save-status"][data-phase="saved"]').waitFor()
}

describe('monthly entry: keyboard, paste, validation, reload, undo and 已报送', () => {
  const app = startAppForSuite()

  it('enters August figures that move the overview, and never stores a wrong value', async () => {
    const page = await openPage(app, '/entry')
    await page.getByTestId('actor-input').fill('王会计')
    await page.getByTestId('actor-save').click()
    await page.locator('[data-test="entry-grid"] tbody tr').nth(4).waitFor()
    await chooseMonth(page, 8)

    // Keyboard only: 人民调解员补贴 (row 2) spends 0.05 万元 in August and accepts 8 cases.
    await cell(page, '2:0').click()
    await page.keyboard.type('0.05')
    await page.keyboard.press('Tab')
    await page.keyboard.type('8件')
    await page.keyboard.press('Enter')
    await waitSaved(page)
    const mediation = page.locator('[data-test="entry-grid"] tbody tr').nth(2)
    await waitForValue(page, '2:3', '8')
    // 3.15 + 0.05 = 3.20 万元 of 6.30 → 50.79 %; the case total 56 + 8 = 64.
    assert.equal((await mediation.getByTestId('executed').textContent())?.trim(), '3.20')
    assert.equal((await mediation.getByTestId('rate').textContent())?.trim(), '50.8%')
    assert.match((await mediation.textContent()) ?? '', /累计 64 \/ ≥100件/)

    // The overview follows: at 8月 the plan is the 序时进度 66.7 %, so −15.9 points is red (黄 at 7月).
    await page.getByRole('link', { name: '总览' }).click()
    const overviewRow = page.locator(`tr[data-project="${MEDIATION}"]`)
    await overviewRow.waitFor()
    // With August data entered, the overview opens at 8月底, the latest month.
    await overviewRow.getByTestId('rate').filter({ hasText: '50.8%' }).waitFor()
    assert.match((await overviewRow.textContent()) ?? '', /红·滞后/)
    await page.goBack()
    await cell(page, '0:0').waitFor()

    // Paste a 3×4 block copied from Excel laid out like the grid (spending, 执行数 and 执行率 left
    // blank, first indicator) from the first cell: the blanks are skipped, not counted as saved.
    await cell(page, '0:0').click()
    await pasteFromClipboard(page, '0.30\t\t\t10\r\n0.20\t\t\t100\r\n0.05\t\t\t8\r\n')
    await page.getByTestId('paste-report').waitFor()
    assert.match((await page.getByTestId('paste-report').textContent()) ?? '', /已保存 6 个，跳过 6 个。/)
    await waitForValue(page, '0:0', '0.30')
    await waitForValue(page, '0:3', '10')
    await waitForValue(page, '1:0', '0.20')
    await waitForValue(page, '1:3', '100')

    // An invalid value shows what is wrong and what is allowed, and is not saved.
    await cell(page, '0:4').click()
    await page.keyboard.type('120')
    await page.keyboard.press('Enter')
    const message = page.locator('tbody tr').first().getByTestId('cell-message')
    await message.waitFor()
    assert.match((await message.textContent()) ?? '', /比率应在 0 到 100 之间/)
    assert.equal(await cell(page, '0:4').inputValue(), '120', 'the cell keeps the user text')
    assert.match((await page.getByTestId('unsaved-count').textContent()) ?? '', /1 个单元格未保存/)

    // Reload: everything saved is still there; the refused value is not.
    page.once('dialog', (dialog) => void dialog.accept())
    await page.reload()
    await waitForValue(page, '0:0', '0.30')
    assert.equal(await cell(page, '2:0').inputValue(), '0.05')
    assert.equal(await cell(page, '2:3').inputValue(), '8')
    assert.equal(await cell(page, '1:3').inputValue(), '100')
    assert.equal(await cell(page, '0:4').inputValue(), '', '120 was never stored')

    // Undo (button and Ctrl+Z) restores the previous value.
    await cell(page, '0:0').click()
    await page.keyboard.type('0.45')
    await page.keyboard.press('Enter')
    await waitForValue(page, '0:0', '0.45')
    await page.getByTestId('undo').click()
    await waitForValue(page, '0:0', '0.30')
    await cell(page, '1:0').click()
    await page.keyboard.type('0.25')
    await page.keyboard.press('Enter')
    await waitForValue(page, '1:0', '0.25')
    await page.keyboard.press('Control+z')
    await waitForValue(page, '1:0', '0.20')

    // 已报送 locks August: typing and pasting change nothing until it is reopened.
    await page.getByTestId('lock-month').click()
    await page.getByRole('dialog').getByRole('button', { name: '标记已报送' }).click()
    await page.getByTestId('lock-tag').waitFor()
    assert.equal(await cell(page, '0:0').getAttribute('readonly'), '')
    await cell(page, '0:0').click()
    await page.keyboard.type('9')
    await page.keyboard.press('Enter')
    assert.equal(await cell(page, '0:0').inputValue(), '0.30')
    await page.reload()
    await page.getByTestId('lock-tag').waitFor()
    await waitForValue(page, '0:0', '0.30')

    await page.getByTestId('reopen-month').click()
    await page.locator('.el-message-box input').fill('更正8月支出')
    await page.getByRole('dialog', { name: '重新打开8月？' }).getByRole('button', { name: '重新打开' }).click()
    await page.getByTestId('lock-month').waitFor()
    assert.equal(await cell(page, '0:0').getAttribute('readonly'), null)
    assert.deepEqual(pageErrors(page), [])
  })
})

describe('monthly entry: safe defaults and honest figures', () => {
  const app = startAppForSuite()

  it('starts in the first cell after the name dialog; 超预算 starts on 不保存, so Enter does not save', async () => {
    const page = await openPage(app, '/entry')
    await page.getByTestId('actor-skip').click()
    await page.locator('[data-test="entry-grid"] tbody tr').nth(4).waitFor()
    await waitForExpression(page, 'document.activeElement?.dataset?.pos === "0:0"')
    assert.match((await cell(page, '0:0').getAttribute('aria-label')) ?? '', /^\S+ · 7月支出$/)

    // 1234.5 typed as 元 while the unit is 万元: far above 预算数.
    await page.keyboard.type('1234.5')
    await page.keyboard.press('Enter')
    const box = page.getByRole('dialog', { name: '超预算，确认保存？' })
    await box.waitFor()
    await waitForExpression(page, 'document.activeElement?.textContent?.trim() === "不保存"')
    await page.keyboard.press('Enter')
    await box.waitFor({ state: 'hidden' })
    const message = page.locator('tbody tr').first().getByTestId('cell-message')
    assert.match((await message.textContent()) ?? '', /未保存/)
    await page.screenshot({ path: 'e2e/artifacts/entry-over-budget-declined.png' })
    assert.deepEqual(pageErrors(page), [])
  })

  it('asks before Back or a typed address leaves refused cells, and the address follows the answer', async () => {
    const page = await openPage(app, '/')
    await page.getByRole('link', { name: '录入' }).click()
    await page.getByTestId('actor-skip').click()
    await cell(page, '0:4').click()
    await page.keyboard.type('120')
    await page.keyboard.press('Enter')
    await page.getByTestId('cell-message').first().waitFor()

    const leave = page.getByRole('dialog', { name: '离开本页？' })
    await page.evaluate('history.back()')
    await leave.waitFor()
    await page.waitForTimeout(500) // the box used to close itself on the hashchange
    assert.equal(await leave.isVisible(), true)
    await leave.getByRole('button', { name: '留下修改' }).click()
    await leave.waitFor({ state: 'detached' })
    await page.waitForURL(/#\/entry/)
    assert.equal(await cell(page, '0:4').inputValue(), '120')

    await page.evaluate("location.hash = '#/settings'")
    await leave.waitFor()
    await page.waitForTimeout(300)
    assert.equal(await leave.count(), 1, 'one question per navigation')
    await leave.getByRole('button', { name: '留下修改' }).click()
    await leave.waitFor({ state: 'detached' })
    await page.waitForURL(/#\/entry/)
    assert.equal(await page.locator('[data-test="entry-grid"]').count(), 1)
    await page.evaluate("location.hash = '#/settings'")
    await leave.waitFor()
    await leave.getByRole('button', { name: '仍然离开' }).click()
    await page.getByTestId('settings-thresholds').waitFor()
    assert.match(page.url(), /#\/settings$/)
    assert.deepEqual(pageErrors(page), [])
  })

  it('blocks 撤销 in a 已报送 month with the reason, and reopens only with a reason', async () => {
    const page = await openPage(app, '/entry')
    await page.getByTestId('actor-skip').click()
    await waitForExpression(page, 'document.activeElement?.dataset?.pos === "0:0"')
    await page.keyboard.type('0.35')
    await page.keyboard.press('Enter')
    await waitSaved(page)
    assert.equal(await page.getByTestId('undo').isDisabled(), false)

    await page.getByTestId('lock-month').click()
    await page.getByRole('dialog').getByRole('button', { name: '标记已报送' }).click()
    await page.getByTestId('lock-tag').waitFor()
    assert.equal(await page.getByTestId('undo').isDisabled(), true)
    assert.match((await page.getByTestId('undo-blocked').textContent()) ?? '', /7月已报送并锁定，不能撤销/)

    await page.getByTestId('reopen-month').click()
    const reopen = page.getByRole('dialog', { name: '重新打开7月？' })
    await reopen.getByRole('button', { name: '重新打开' }).click()
    await reopen.getByText('请填写原因').waitFor()
    assert.equal(await page.getByTestId('lock-tag').count(), 1, 'still locked')
    await reopen.locator('input').fill('更正7月支出')
    await reopen.getByRole('button', { name: '重新打开' }).click()
    await page.getByTestId('lock-month').waitFor()
    assert.equal(await page.getByTestId('undo').isDisabled(), false)
    assert.deepEqual(pageErrors(page), [])
  })

  it('shows months after the last entry as 未填报 in the project view, 万元 with 2 decimals', async () => {
    const page = await openPage(app, `/entry/project/${encodeURIComponent('2020/315002/315-0404-JBN-FLC6')}`)
    await page.getByTestId('actor-skip').click()
    const rows = page.locator('[data-test="entry-grid"] tbody tr')
    await rows.nth(11).waitFor()
    await waitForValue(page, '6:0', '0.30')
    assert.equal((await rows.nth(6).getByTestId('executed').textContent())?.trim(), '1.65')
    assert.equal((await rows.nth(7).getByTestId('executed').textContent())?.trim(), '未填报')
    assert.equal((await rows.nth(7).getByTestId('rate').textContent())?.trim(), '—')
    assert.match((await rows.nth(7).textContent()) ?? '', /累计 —/)
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.screenshot({ path: 'e2e/artifacts/entry-project-unreported.png' })
    assert.deepEqual(pageErrors(page), [])
  })
})

/** Puts text on the system clipboard, as Excel does, and pastes it with Ctrl+V into the focused cell. */
async function pasteFromClipboard(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  // A string, as this project's e2e code is type-checked without the DOM library.
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`)
  await page.keyboard.press('Control+v')
}

async function waitForValue(page: Page, pos: string, value: string): Promise<void> {
  const input = cell(page, pos)
  for (let i = 0; i < 50; i++) {
    if ((await input.inputValue()) === value) return
    await page.waitForTimeout(100)
  }
  assert.equal(await input.inputValue(), value, `cell ${pos}`)
}
