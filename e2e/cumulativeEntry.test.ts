import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPage, pageErrors, startAppForSuite, waitForExpression } from './support'

const cell = (page: Page, pos: string) => page.locator(`input[data-pos="${pos}"]`)
const firstRow = (page: Page) => page.locator('[data-test="entry-grid"] tbody tr').first()

async function typeInto(page: Page, pos: string, text: string): Promise<void> {
  await cell(page, pos).click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
}

describe('cumulative entry: 1–m月累计支出 from the treasury system', () => {
  const app = startAppForSuite()

  it('derives the month amount, refuses a falling cumulative, covers blank months, and remembers the switch', async () => {
    const page = await openPage(app, '/entry')
    await page.getByTestId('actor-input').fill('王会计')
    await page.getByTestId('actor-save').click()
    await waitForExpression(page, 'document.activeElement?.dataset?.pos === "0:0"')
    const executed = await firstRow(page).getByTestId('executed').textContent()
    const monthly = await cell(page, '0:0').inputValue()

    await page.getByTestId('entry-spending-mode').getByText('1–m月累计').click()
    await page.locator('[data-test="entry-grid"] thead th', { hasText: '1–7月累计支出' }).waitFor()
    // The cell now holds 1–7月 (the 执行数) and the month's amount sits beside it.
    assert.equal(await cell(page, '0:0').inputValue(), executed)
    assert.match((await firstRow(page).locator('.entry-cell-aside').first().textContent()) ?? '', new RegExp(`本月 ${monthly}`))

    // Below 1–6月: refused with the reason, nothing stored.
    await typeInto(page, '0:0', '1.00')
    const message = firstRow(page).getByTestId('cell-message')
    await message.waitFor()
    assert.match((await message.textContent()) ?? '', /1–7月累计支出 1\.00 万元低于 1–6月累计 1\.35 万元：累计数不会减少/)

    await typeInto(page, '0:0', '1.80')
    await waitForExpression(page, `document.querySelector('[data-test="entry-grid"] tbody tr [data-test="executed"]')?.textContent.trim() === "1.80"`)
    assert.match((await firstRow(page).locator('.entry-cell-aside').first().textContent()) ?? '', /本月 0\.45/)

    // 9月 with 8月 blank: the difference since 7月 goes to 9月, marked as covering 8–9月. The switch survived the reload.
    await page.goto(new URL('#/entry?m=9', app.url).href)
    await page.reload()
    await page.locator('[data-test="entry-grid"] thead th', { hasText: '1–9月累计支出' }).waitFor()
    await typeInto(page, '0:0', '2.00')
    await waitForExpression(page, `document.querySelector('[data-test="entry-grid"] tbody tr .entry-cell-aside')?.textContent.includes("含8–9月")`)
    assert.match((await firstRow(page).locator('.entry-cell-aside').first().textContent()) ?? '', /本月 0\.20（含8–9月）/)

    // Back to monthly: 9月 holds the derived 0.20; 8月 stays 未填报.
    await page.getByTestId('entry-spending-mode').getByText('按月支出').click()
    await page.locator('[data-test="entry-grid"] thead th', { hasText: '9月支出' }).waitFor()
    assert.equal(await cell(page, '0:0').inputValue(), '0.20')
    assert.deepEqual([...pageErrors(page)].filter((e) => !e.includes('favicon')), [])
  })
})
