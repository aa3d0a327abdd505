import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPage, pageErrors, startAppForSuite } from './support'

const LEGAL_AID = '2020/315002/315-0404-JBN-FLC6' // 法律援助经费; 法律案件受理数 1–7月: 8 9 10 8 9 10 9 件
const CASES = '法律案件受理数'
const SHOTS = process.env.SHOT_DIR ?? '/tmp'

/** The 1–m月实际 cell of 法律案件受理数 on the project page. */
async function projectActual(page: Page): Promise<string> {
  const row = page.getByTestId('indicator-table').locator('tbody tr', { hasText: CASES })
  return ((await row.locator('td').nth(3).textContent()) ?? '').replace(/\s+/g, ' ').trim()
}

const go = (page: Page, base: string, path: string) => page.goto(new URL(`#${path}`, base).href)

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [390, 1366, 1920]) {
    await page.setViewportSize({ width, height: 900 })
    await page.screenshot({ path: `${SHOTS}/reported-${name}-${width}.png`, fullPage: true })
  }
  await page.setViewportSize({ width: 1366, height: 768 })
}

describe('a 已报送 round stays as reported', () => {
  const app = startAppForSuite()

  it('7月 marked 已报送, then 口径 switched: 7月 shows the reported figures marked 报送后有变动 with both values; 8月 uses today’s', async () => {
    const page = await openPage(app, '/entry?m=7')
    await page.getByTestId('actor-input').fill('王会计')
    await page.getByTestId('actor-save').click()
    await page.getByTestId('lock-month').click()
    await page.getByRole('dialog').getByRole('button', { name: '标记已报送' }).click()
    await page.getByTestId('lock-tag').waitFor()

    // Switch 法律案件受理数 to 时点 (a level indicator: the latest month stands).
    await go(page, app.url, `/entry/project/${encodeURIComponent(LEGAL_AID)}`)
    const header = page.locator('[data-test="entry-grid"] thead th', { hasText: CASES })
    await header.locator('select').waitFor()
    await header.locator('select').selectOption('level')
    await header.getByTestId('kind-adjusted').waitFor()

    // The 7月 project page: reported figures (63 件 累计, 绿), marked, with both values.
    await go(page, app.url, `/project/${encodeURIComponent(LEGAL_AID)}?m=7`)
    const notice = page.getByTestId('reported-notice')
    await notice.waitFor()
    assert.match((await notice.textContent()) ?? '', /7月已报送[\s\S]*本页显示报送时的数据（王会计 · /)
    assert.equal(await projectActual(page), '63 件 累计')
    assert.match((await page.getByTestId('project-status').textContent()) ?? '', /绿/)
    const status = notice.getByTestId('reported-difference').filter({ hasText: `${CASES} 状态` })
    assert.equal(await status.getByTestId('reported-value').textContent(), '绿·正常')
    assert.equal(await status.getByTestId('current-value').textContent(), '红·滞后')
    const actual = notice.getByTestId('reported-difference').filter({ hasText: `${CASES} 实际` })
    assert.equal(await actual.getByTestId('reported-value').textContent(), '63 件')
    assert.equal(await actual.getByTestId('current-value').textContent(), '9 件')
    await shoot(page, 'project-7')

    // The 7月 overview: the notice lists 法律援助经费 as changed, the table keeps its reported status.
    await go(page, app.url, '/?m=7')
    await page.getByTestId('reported-notice').waitFor()
    assert.equal(await page.getByTestId('reported-notice-count').textContent(), '1 个项目报送后有变动')
    const changes = page.getByTestId('reported-changes').filter({ hasText: '法律援助经费' })
    const overviewStatus = changes.getByTestId('reported-difference').filter({ hasText: `${CASES} 状态` })
    assert.equal(await overviewStatus.getByTestId('reported-value').textContent(), '绿·正常')
    assert.equal(await overviewStatus.getByTestId('current-value').textContent(), '红·滞后')
    await shoot(page, 'overview-7')

    // 8月 is not reported: today's 口径 (时点), no notice.
    await go(page, app.url, `/project/${encodeURIComponent(LEGAL_AID)}?m=8`)
    await page.getByTestId('indicator-table').locator('tbody tr', { hasText: CASES }).waitFor()
    assert.equal(await projectActual(page), '9 件')
    assert.equal(await page.getByTestId('reported-notice').count(), 0)
    await go(page, app.url, '/?m=8')
    await page.getByTestId('project-list').or(page.locator('.overview')).first().waitFor()
    assert.equal(await page.getByTestId('reported-notice').count(), 0)

    // The lock control lists the report.
    await go(page, app.url, '/entry?m=7')
    await page.getByTestId('lock-history-open').click()
    assert.match((await page.getByTestId('lock-history').textContent()) ?? '', /第 1 次报送：王会计[\s\S]*当前有效/)
    await page.screenshot({ path: `${SHOTS}/reported-entry-history-1366.png` })
    assert.deepEqual(pageErrors(page), [])
  })
})
