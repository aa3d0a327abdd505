import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { writeBureauBackup } from '../mock-data/bureauBackup'
import { openPage, pageErrors, startAppForSuite } from './support'

/** A bureau of 10 departments × 50 projects in 2024, through 7月, restored through 导入导出. */
async function restoreBureau(page: Page): Promise<void> {
  const chunks: string[] = []
  await writeBureauBackup({ seed: 5, departments: 10, projectsPerDepartment: 50, years: [2024], throughMonth: 7 }, (chunk) => void chunks.push(chunk))
  await page.getByRole('link', { name: '导入导出' }).click()
  await page.getByTestId('restore-file-input').setInputFiles({ name: 'bureau.json', mimeType: 'application/json', buffer: Buffer.from(chunks.join('')) })
  await page.getByTestId('restore-review').waitFor({ timeout: 60_000 })
  await page.getByTestId('restore-understood').click()
  await page.getByTestId('restore-confirm').click()
  await page.locator('[data-test="backup-message"]', { hasText: '已从 bureau.json 恢复：500 个项目' }).waitFor({ timeout: 60_000 })
}

const itemCount = (page: Page) => page.getByTestId('agenda-item').count()

describe('会议 for a bureau: hundreds of lagging projects stay navigable', () => {
  const app = startAppForSuite()

  it('shows one page of the agenda grouped by department, filters by status, department and name, and pages on', async () => {
    const page = await openPage(app, '/')
    await page.locator('[data-test="project-table"] tbody tr').first().waitFor()
    await restoreBureau(page)
    await page.goto(new URL('#/meeting?y=2024&m=7', app.url).href)
    await page.getByTestId('agenda-item').first().waitFor({ timeout: 60_000 })

    const countText = (await page.getByTestId('agenda-count').textContent()) ?? ''
    const total = Number(/议程 (\d+) 个项目/.exec(countText)?.[1])
    assert.ok(total > 40, `a bureau's agenda is long (${countText})`)
    // Only one page of items is in the DOM, under department headings (the first screenful is
    // drawn first, the rest of the page right after).
    await page.getByTestId('agenda-item').nth(19).waitFor()
    assert.equal(await itemCount(page), 20)
    assert.ok((await page.locator('[data-test="agenda-group"] h3').count()) >= 1)
    assert.match((await page.getByTestId('pager').textContent()) ?? '', new RegExp(`共 ${total} 项`))

    const codes = () => page.getByTestId('agenda-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-project')))
    const firstPage = await codes()
    await page.getByTestId('pager-next').click()
    await page.locator('[data-test="pager"]', { hasText: '第 2 /' }).waitFor()
    const secondPage = await codes()
    assert.equal(secondPage.length, 20)
    assert.equal(secondPage.filter((code) => firstPage.includes(code)).length, 0, 'page 2 shows other projects')

    // Only 红: the filter goes back to page 1 and every item shown is red.
    await page.getByTestId('agenda-filter-red').click()
    await page.locator('[data-test="agenda-filters"]', { hasText: '显示' }).waitFor()
    assert.equal(await page.locator('[data-test="agenda-item"]:not(.is-red)').count(), 0)
    // The filter is in the URL (as the overview's), on page 1 again.
    assert.match(page.url(), /[?&]st=red(&|$)/)
    assert.doesNotMatch(page.url(), /[?&]p=/)

    // One department, then a name typed: the list narrows to what matches.
    const select = page.getByTestId('agenda-filter-department')
    const option = (await select.locator('option').nth(1).getAttribute('value')) ?? ''
    await select.selectOption(option)
    const projects = page.locator(`[data-test="agenda-item"]`)
    const first = ((await projects.first().getByTestId('agenda-name').textContent()) ?? '').trim()
    await page.getByTestId('agenda-filter-text').fill(first)
    await page.locator('[data-test="agenda-filters"]', { hasText: /显示 \d+ \/ \d+ 个议程项目/ }).waitFor()
    for (const name of await page.getByTestId('agenda-name').allTextContents()) assert.ok(name.includes(first), name)

    // The record panel opens on demand for one item only.
    await projects.first().getByTestId('agenda-record').click()
    assert.equal(await page.getByTestId('decision-form').count(), 1)
    assert.deepEqual(pageErrors(page), [])
  })
})
