import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPage, startAppForSuite } from './support'

const LEGAL_AID = '2020/315002/315-0404-JBN-FLC6' // 法律援助经费, 3.00 万元
const SHOTS = process.env.SHOT_DIR ?? '/tmp'

const go = (page: Page, base: string, path: string) => page.goto(new URL(`#${path}`, base).href)
const clean = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim()
const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s+/g, ' ').trim()

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: 900 })
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${SHOTS}/reported-chart-${name}-${width}.png`, fullPage: true })
  }
  await page.setViewportSize({ width: 1366, height: 768 })
}

describe('charts of a 已报送 month with a later 调减', () => {
  const app = startAppForSuite()

  it('the department page and the meeting slides draw 7月 as reported and say what today’s figures are', async () => {
    const page = await openPage(app, '/entry?m=7')
    await page.getByTestId('actor-input').fill('王会计')
    await page.getByTestId('actor-save').click()
    await page.getByTestId('lock-month').click()
    await page.getByRole('dialog').getByRole('button', { name: '标记已报送' }).click()
    await page.getByTestId('lock-tag').waitFor()

    // A 调减 of 1.00 万元 on 法律援助经费 dated in 5月, recorded after the report.
    await go(page, app.url, `/project/${encodeURIComponent(LEGAL_AID)}?m=7`)
    await page.getByTestId('budget-add').click()
    const form = page.getByTestId('budget-form')
    await form.waitFor()
    await page.getByTestId('direction-cut').click()
    await page.locator('input[aria-label="调整日期"]').fill('2020-05-20')
    await page.locator('input[aria-label="调整日期"]').press('Enter')
    await form.locator('input[data-test="budget-fiscal"], [data-test="budget-fiscal"] input').first().fill('1')
    await form.locator('input[data-test="budget-document"], [data-test="budget-document"] input').first().fill('北财预〔2020〕12号')
    await page.getByTestId('budget-save').click()
    await form.waitFor({ state: 'hidden' })
    await page.getByTestId('spend-reported-note').waitFor()

    await go(page, app.url, '/department?m=7')
    // The project page's own note may still be on screen while the department page comes in.
    const departmentNote = page.locator('.department-view [data-test="spend-reported-note"]')
    await departmentNote.waitFor()
    const note = ((await departmentNote.textContent()) ?? '').replace(/\s+/g, ' ').trim()
    assert.match(note, /7月已报送：图中执行率为报送时的 [\d.]+%（预算数 [\d.]+ 万元）；报送后有变动，按当前数据为 [\d.]+%（预算数 [\d.]+ 万元）/)
    await shoot(page, 'department-7')

    // The overview's comparison bar of 法律援助经费 is the reported 55.0 %, marked.
    await go(page, app.url, '/?m=7')
    const bar = page.getByTestId('comparison-row').filter({ hasText: '法律援助经费' })
    await bar.getByTestId('comparison-changed').waitFor()
    assert.match(clean(await bar.textContent()), /◇法律援助经费\s*55\.0%/)
    assert.match(clean(await page.getByTestId('chart-project-comparison').textContent()), /◇报送后有变动/)
    await shoot(page, 'overview-7')

    await go(page, app.url, '/meeting/present?m=7')
    await page.getByTestId('slide-summary').waitFor()
    assert.equal(await text(page, 'spend-reported-note'), note)
    await shoot(page, 'meeting-7')
  })
})
