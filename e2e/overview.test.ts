import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DEMO_SPENDING } from '../mock-data/demoActuals'
import { openPage, pageErrors, startAppForSuite } from './support'

/** 执行率 in % with one decimal, computed here in integer 分 from the demo's own figures. */
function expectedRate(code: string, budgetWan: string, month: number): string {
  const toFen = (wan: string) => Math.round(Number(wan) * 1_000_000)
  const row = DEMO_SPENDING.find((spending) => spending.projectCode === code)
  assert.ok(row, code)
  const spent = row.monthly.slice(0, month).reduce((sum, text) => sum + (text === null ? 0 : toFen(text)), 0)
  return `${((spent / toFen(budgetWan)) * 100).toFixed(1)}%`
}

describe('first visit: the demo department on the overview', () => {
  const app = startAppForSuite()

  it('shows five projects, 21.05 万元, switches months and keeps the data across a reload', async () => {
    const page = await openPage(app)
    await page.getByTestId('demo-banner').waitFor()
    const rows = page.locator('[data-test="project-table"] tbody tr')
    await rows.nth(4).waitFor()
    assert.equal(await rows.count(), 5)
    assert.equal(await page.getByTestId('total-budget').textContent(), '21.05')

    // Default as-of month is the latest with data: July.
    const legalAid = page.locator('tr[data-project="315-0404-JBN-FLC6"]')
    assert.equal((await legalAid.getByTestId('rate').textContent())?.trim(), expectedRate('315-0404-JBN-FLC6', '3.00', 7))
    const rule = page.locator('tr[data-project="315-0403-JBN-QFV8"]')
    assert.match((await rule.textContent()) ?? '', /红·滞后/)

    await page.getByTestId('month-select').click()
    await page.getByRole('option', { name: '3月底', exact: true }).click()
    await page.waitForURL(/m=3/)
    assert.equal((await legalAid.getByTestId('rate').textContent())?.trim(), expectedRate('315-0404-JBN-FLC6', '3.00', 3))
    assert.equal((await legalAid.getByTestId('planned').textContent())?.trim(), '20.0%')

    await page.reload()
    await rows.nth(4).waitFor()
    assert.equal(await rows.count(), 5, 'the demo is not loaded twice')
    assert.equal((await legalAid.getByTestId('rate').textContent())?.trim(), expectedRate('315-0404-JBN-FLC6', '3.00', 3))
    assert.deepEqual(pageErrors(page), [])
  })
})
