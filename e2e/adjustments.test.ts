import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPage, pageErrors, startAppForSuite } from './support'

const LEGAL_AID = '2020/315002/315-0404-JBN-FLC6' // 法律援助经费, 3.00 万元, all 财政资金
const CODE = '315-0404-JBN-FLC6'
const CASES = '法律案件受理数' // ≥100 件

/** The input of a form field: Element Plus puts data-test on the input itself or on its wrapper. */
const field = (page: Page, testId: string) => page.locator(`input[data-test="${testId}"], [data-test="${testId}"] input`).first()
const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s+/g, ' ').trim()

describe('调整预算 and 调整目标 on the demo', () => {
  const app = startAppForSuite()

  it('a 调减 dated in 5月 changes 6月 执行率 on the project page and in 总览, not 4月; a target version shows 原目标 → 调整后目标', async () => {
    const page = await openPage(app, `/project/${encodeURIComponent(LEGAL_AID)}?m=6`)
    await page.getByTestId('budget-panel').waitFor()
    const rateAt = async (month: number) => {
      await page.goto(new URL(`#/project/${encodeURIComponent(LEGAL_AID)}?m=${month}`, app.url).href)
      await page.getByTestId('budget-summary').filter({ hasText: `${month}月底调整后预算数` }).waitFor()
      return ((await page.locator('[data-test="rate"]').first().textContent()) ?? '').trim()
    }
    const before6 = await rateAt(6)
    const before4 = await rateAt(4)
    await page.goto(new URL(`#/?m=6`, app.url).href)
    const overviewRate = page.locator(`tr[data-project="${CODE}"] [data-test="rate"]`)
    await overviewRate.waitFor()
    const overviewBefore = ((await overviewRate.textContent()) ?? '').trim()
    assert.equal(overviewBefore, before6)

    // Record the 调减: 1.00 万元 of 财政资金 on 2020-05-20, first with a date outside the year.
    await rateAt(6)
    await page.getByTestId('budget-add').click()
    const form = page.getByTestId('budget-form')
    await form.waitFor()
    await page.getByTestId('direction-cut').click()
    await page.locator('input[aria-label="调整日期"]').fill('2019-05-20')
    await page.locator('input[aria-label="调整日期"]').press('Enter')
    await field(page, 'budget-fiscal').fill('1')
    await field(page, 'budget-document').fill('北财预〔2020〕12号')
    await page.getByTestId('budget-save').click()
    await form.getByText('不在 2020 年度内').waitFor()
    // A 调减 larger than the budget is refused at its field too.
    await page.locator('input[aria-label="调整日期"]').fill('2020-05-20')
    await page.locator('input[aria-label="调整日期"]').press('Enter')
    await field(page, 'budget-fiscal').fill('5')
    await page.getByTestId('budget-save').click()
    await form.getByText('调整后预算数变为 -2.00 万元').waitFor()
    await field(page, 'budget-fiscal').fill('1')
    await page.getByTestId('budget-save').click()
    await form.waitFor({ state: 'hidden' })

    await page.getByTestId('budget-summary').filter({ hasText: '调整后预算数 2.00 万元' }).waitFor()
    assert.match(await text(page, 'header-budget'), /3\.00 → 2\.00 万元/)
    assert.match(await text(page, 'budget-history'), /2020-05-20\s*调减\s*-1\.00 万元\s*北财预〔2020〕12号/)
    await page.setViewportSize({ width: 1366, height: 900 })
    await page.screenshot({ path: '/tmp/adjust-project-1366.png', fullPage: true })
    const after6 = await rateAt(6)
    assert.notEqual(after6, before6)
    assert.equal(await rateAt(4), before4)

    await page.goto(new URL(`#/?m=6`, app.url).href)
    await overviewRate.waitFor()
    assert.equal(((await overviewRate.textContent()) ?? '').trim(), after6)

    // A new target version for 法律案件受理数 from 6月: ≥80件.
    await rateAt(6)
    const row = page.getByTestId('indicator-table').locator('tbody tr', { hasText: CASES })
    await row.getByText('调整目标').click()
    const targetForm = page.getByTestId('target-form')
    await targetForm.waitFor()
    await field(page, 'target-raw').fill('尽量多')
    await field(page, 'target-reason').fill('6月监控会议决定调整目标')
    await page.getByTestId('target-save').click()
    await targetForm.getByText('读不出数值目标').waitFor()
    await field(page, 'target-raw').fill('大于等于80件')
    await targetForm.getByTestId('target-preview').filter({ hasText: '≥80 件' }).waitFor()
    await page.getByTestId('target-save').click()
    await targetForm.waitFor({ state: 'hidden' })
    await row.getByTestId('indicator-target').filter({ hasText: '调整后目标 ≥80 件' }).waitFor()
    assert.match(((await row.getByTestId('indicator-target').textContent()) ?? '').replace(/\s+/g, ' '), /原目标 ≥100 件 →\s*调整后目标 ≥80 件/)

    for (const width of [390, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 })
      await page.screenshot({ path: `/tmp/adjust-project-${width}.png`, fullPage: true })
    }
    assert.deepEqual(pageErrors(page), [])
  })
})
