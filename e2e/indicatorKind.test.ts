import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPage, pageErrors, startAppForSuite } from './support'

const LEGAL_AID = '2020/315002/315-0404-JBN-FLC6' // 法律援助经费; 法律案件受理数 1–7月: 8 9 10 8 9 10 9 件
const CASES = '法律案件受理数'

/** The 1–7月实际 cell of 法律案件受理数 on the project page. */
async function projectActual(page: Page): Promise<string> {
  const row = page.getByTestId('indicator-table').locator('tbody tr', { hasText: CASES })
  return ((await row.locator('td').nth(3).textContent()) ?? '').replace(/\s+/g, ' ').trim()
}

describe('indicator 口径: 累计 ↔ 时点 in the project entry view', () => {
  const app = startAppForSuite()

  it('switching 法律案件受理数 to 时点 makes the latest month its actual everywhere; switching back sums again', async () => {
    const page = await openPage(app, `/entry/project/${encodeURIComponent(LEGAL_AID)}`)
    await page.getByTestId('actor-input').fill('王会计')
    await page.getByTestId('actor-save').click()
    const header = page.locator('[data-test="entry-grid"] thead th', { hasText: CASES })
    const select = header.locator('select')
    await select.waitFor()
    assert.equal(await select.inputValue(), 'cumulative')
    assert.match((await header.textContent()) ?? '', /本月数/)

    await select.selectOption('level')
    await header.getByTestId('kind-adjusted').waitFor()
    // The column now asks for the month's measured value, not the month's count.
    await page.locator('[data-test="entry-grid"] thead th', { hasText: CASES, hasNotText: '本月数' }).waitFor()
    assert.match((await header.getByTestId('kind-select').getAttribute('title')) ?? '', /取最新一期.*推断为「累计」，已调整/)
    await header.screenshot({ path: '/tmp/kind-header.png' })
    await page.locator('.entry-grid-wrap').screenshot({ path: '/tmp/kind-grid.png' })

    await page.goto(new URL(`#/project/${encodeURIComponent(LEGAL_AID)}?m=7`, app.url).href)
    await page.getByTestId('indicator-table').locator('tbody tr', { hasText: CASES }).waitFor()
    assert.equal(await projectActual(page), '9 件')

    // Back in the entry view: 累计 again, the sum 63 件 returns on the project page.
    await page.goBack()
    await select.waitFor()
    assert.equal(await select.inputValue(), 'level')
    await select.selectOption('cumulative')
    await header.getByTestId('kind-adjusted').waitFor({ state: 'detached' })
    await page.goForward()
    await page.getByTestId('indicator-table').locator('tbody tr', { hasText: CASES }).waitFor()
    assert.equal(await projectActual(page), '63 件 累计')
    assert.deepEqual(pageErrors(page), [])
  })
})
