import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPage, pageErrors, startAppForSuite } from './support'

const cell = (page: Page, pos: string) => page.locator(`input[data-pos="${pos}"]`)
const rows = (page: Page) => page.locator('[data-test="project-table"] tbody tr')

async function go(page: Page, path: string): Promise<void> {
  await page.goto(new URL(`#${path}`, page.url()).href)
}

/** 万元 text with two decimals → 分 as an integer, so sums are exact. */
const toFen = (text: string) => Math.round(Number(text.trim()) * 100)

describe('one base per figure at a partly reported month', () => {
  const app = startAppForSuite()

  it('at 9月 with 3 of 5 projects reported, the card 执行数 is over the same 3 projects as 执行率', async () => {
    const page = await openPage(app, '/entry?m=9')
    await page.getByTestId('actor-input').fill('王会计')
    await page.getByTestId('actor-save').click()
    await page.locator('[data-test="entry-grid"] tbody tr').nth(4).waitFor()
    // September spending for the first three projects only.
    for (const row of [0, 1, 2]) {
      await cell(page, `${row}:0`).click()
      await page.keyboard.type('0.10')
      await page.keyboard.press('Enter')
      await page.locator('[data-test="save-status"][data-phase="saved"]').waitFor()
    }

    await go(page, '/?m=9')
    await page.getByTestId('executed-coverage').filter({ hasText: '按已填报的 3/5 个项目计算' }).waitFor()
    assert.equal(await page.getByTestId('rate-coverage').textContent(), '按已填报的 3/5 个项目计算')
    assert.equal(await page.getByTestId('deviation-coverage').textContent(), '按已填报的 3/5 个项目计算')
    await rows(page).nth(4).waitFor()

    // The card's 执行数 is the sum over the rows that have a 9月 rate, not over all five.
    const table = await rows(page).evaluateAll((trs) =>
      trs.map((tr) => ({
        executed: tr.querySelector('[data-test="executed"]')?.textContent ?? '',
        rate: tr.querySelector('[data-test="rate"]')?.textContent?.trim() ?? '',
      })),
    )
    const reported = table.filter((r) => r.rate !== '—')
    assert.equal(reported.length, 3)
    const card = toFen((await page.getByTestId('total-executed').textContent()) ?? '')
    assert.equal(card, reported.reduce((sum, r) => sum + toFen(r.executed), 0))
    assert.ok(card < table.reduce((sum, r) => sum + toFen(r.executed), 0), 'the unreported two are left out')
    // The two not reported in September still show their 1–8月 amounts, since they entered them.
    assert.ok(table.every((r) => /^\d+\.\d{2}$/.test(r.executed.trim())))
    assert.deepEqual(pageErrors(page), [])
    await page.context().close()
  })

  it('shows the demo banner on the demo department and all departments, not on another department', async () => {
    const page = await openPage(app, '/')
    await page.getByTestId('demo-banner').waitFor()
    await go(page, '/?d=999999')
    await page.getByTestId('demo-banner').waitFor({ state: 'detached' })
    await go(page, '/?d=315002&y=2020')
    await page.getByTestId('demo-banner').waitFor()
    await go(page, '/?y=2019')
    await page.getByTestId('demo-banner').waitFor({ state: 'detached' })
    assert.deepEqual(pageErrors(page), [])
    await page.context().close()
  })

  it('offers under each year only the departments with projects in it; a year choice drops a department it lacks', async () => {
    const page = await openPage(app, '/data')
    await page.locator('[data-test="import-history"] tbody tr').first().waitFor()
    // A second department, in another year: 410526 滑县交通运输局, 2022.
    await page.getByTestId('import-file-input').setInputFiles('tests/fixtures/docx-merged-2022-transport.docx')
    await page.getByTestId('import-preview').waitFor()
    await page.getByTestId('import-confirm').click()
    await page.getByTestId('import-result').waitFor()

    const offered = async () => {
      await page.getByTestId('department-select').click()
      await page.locator('.el-select-dropdown:visible [role="option"]', { hasText: '全部部门' }).waitFor()
      const names = await page.locator('.el-select-dropdown:visible [role="option"]').allTextContents()
      await page.keyboard.press('Escape')
      // A year dropdown still fading out is visible too: keep the department options.
      return names.map((n) => n.trim()).filter((n) => !/^\d{4}年$/.test(n))
    }
    await go(page, '/?y=2020&d=315002')
    await rows(page).nth(4).waitFor()
    // 410526 has no projects in 2020: it used to be offered and then said 还没有项目.
    assert.deepEqual(await offered(), ['全部部门', '315002 秦皇岛市北戴河区司法局'])
    await page.getByTestId('year-select').click()
    await page.getByRole('option', { name: '2022年', exact: true }).click()
    await page.waitForURL(/y=2022/)
    assert.ok(!page.url().includes('d=315002'), 'the demo department is dropped under 2022')
    await rows(page).nth(1).waitFor()
    assert.deepEqual(await offered(), ['全部部门', '410526 滑县交通运输局'])
    assert.deepEqual(pageErrors(page), [])
    await page.context().close()
  })
})
