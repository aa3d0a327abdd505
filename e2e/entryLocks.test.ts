import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPage, pageErrors, startAppForSuite, waitForExpression } from './support'

const cell = (page: Page, pos: string) => page.locator(`input[data-pos="${pos}"]`)
const firstRow = (page: Page) => page.locator('[data-test="entry-grid"] tbody tr').first()

async function openHistory(page: Page): Promise<void> {
  // At 1366 wide the side panel starts collapsed (so every grid column fits): open it first.
  if (await page.getByTestId('side-open').isVisible()) await page.getByTestId('side-open').click()
  await page.getByRole('tab', { name: '修改记录' }).click()
  await page.getByTestId('history-panel').waitFor()
}

describe('已报送 months speak: typing, paste, 修改记录 and restore', () => {
  const app = startAppForSuite()

  it('says why a locked 7月 takes no input, logs lock and reopen (with the reason) in 修改记录, and asks before restoring', async () => {
    const page = await openPage(app, '/entry')
    await page.getByTestId('actor-input').fill('王会计')
    await page.getByTestId('actor-save').click()
    await waitForExpression(page, 'document.activeElement?.dataset?.pos === "0:0"')
    await page.keyboard.type('0.35')
    await page.keyboard.press('Enter')
    await page.locator('[data-test="save-status"][data-phase="saved"]').waitFor()

    await page.getByTestId('lock-month').click()
    await page.getByRole('dialog').getByRole('button', { name: '标记已报送' }).click()
    await page.getByTestId('lock-tag').waitFor()

    // Typing into a locked cell says why and how to reopen; the value stays.
    await cell(page, '0:0').click()
    await page.keyboard.type('9')
    const message = firstRow(page).getByTestId('cell-message')
    await message.waitFor()
    assert.match((await message.textContent()) ?? '', /7月已报送并锁定，不能修改。.*「重新打开」并填写原因/)
    assert.equal(await cell(page, '0:0').inputValue(), '0.35')

    // So does a paste.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.evaluate(`navigator.clipboard.writeText("0.50\\t9")`)
    await cell(page, '1:0').click()
    await page.keyboard.press('Control+v')
    const pasteMessage = page.locator('[data-test="entry-grid"] tbody tr').nth(1).getByTestId('cell-message')
    await pasteMessage.waitFor()
    assert.match((await pasteMessage.textContent()) ?? '', /7月已报送并锁定，不能粘贴/)

    // Back on the first project (selecting a row selects its project for the side panel).
    await cell(page, '0:0').click()
    // 修改记录 names the project, shows the lock, and offers no restore in the locked month.
    await openHistory(page)
    const title = (await page.getByTestId('history-title').textContent()) ?? ''
    const projectName = ((await firstRow(page).locator('th a').textContent()) ?? '').trim()
    assert.ok(projectName !== '' && title.includes(projectName), `${title} names ${projectName}`)
    const historyRows = page.getByTestId('history-row')
    await historyRows.filter({ hasText: '7月标记已报送' }).waitFor()
    assert.match((await historyRows.first().textContent()) ?? '', /王会计[\s\S]*7月标记已报送[\s\S]*未报送 → 已报送（锁定）/)
    assert.equal(await page.getByTestId('history-restore').count(), 0)

    // Reopen with a reason: the history shows it, with the reason, and restore comes back.
    await page.getByTestId('reopen-month').click()
    const reopen = page.getByRole('dialog', { name: '重新打开7月？' })
    await reopen.locator('input').fill('更正7月支出')
    await reopen.getByRole('button', { name: '重新打开' }).click()
    await page.getByTestId('lock-month').waitFor()
    await historyRows.filter({ hasText: '原因：更正7月支出' }).waitFor()
    assert.match((await historyRows.first().textContent()) ?? '', /7月重新打开.*原因：更正7月支出[\s\S]*已报送（锁定） → 已重新打开/)
    assert.equal(await firstRow(page).getByTestId('cell-message').count(), 0, 'the lock message is gone')

    // 恢复为修改前 asks first, naming the month and the value; 取消 keeps 0.35.
    const restore = page.getByTestId('history-restore').first()
    await restore.waitFor()
    await restore.click()
    const confirm = page.getByRole('dialog', { name: '恢复7月的值？' })
    await confirm.waitFor()
    assert.match((await confirm.textContent()) ?? '', /恢复为修改前的值：.*（现在是 0\.35 万元）/)
    await confirm.getByRole('button', { name: '取消' }).click()
    await confirm.waitFor({ state: 'hidden' })
    assert.equal(await cell(page, '0:0').inputValue(), '0.35')
    assert.deepEqual(pageErrors(page), [])
  })
})
