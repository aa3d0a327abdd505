import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPage, pageErrors, startAppForSuite } from './support'

const RULE = '2020/315002/315-0403-JBN-QFV8' // 法制工作专项经费: no August data in any journey here
const rows = (page: Page) => page.locator('[data-test="project-table"] tbody tr')
const projectCodes = (page: Page) => rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-project') ?? ''))

/** The month an el-select shows ("7月底（最新）" → 7), waiting until it shows one. */
async function shownMonth(page: Page, testId: string): Promise<number> {
  const select = page.getByTestId(testId)
  await select.locator('.el-select__selected-item:not(.is-hidden)', { hasText: /\d+月/ }).first().waitFor()
  const match = /(\d+)月/.exec((await select.textContent()) ?? '')
  assert.ok(match, `${testId} shows no month`)
  return Number(match[1])
}

/** Navigates inside the app (same tab, same IndexedDB) to a hash path. */
async function go(page: Page, path: string): Promise<void> {
  await page.goto(new URL(`#${path}`, page.url()).href)
}

/** The month the overview, the 录入 page and a project page open on, each with no month in the URL. */
async function defaultMonths(page: Page): Promise<{ overview: number; entry: number; project: number }> {
  await go(page, '/')
  await rows(page).nth(4).waitFor()
  const overview = await shownMonth(page, 'month-select')
  await go(page, '/entry')
  await page.locator('[data-test="entry-grid"] tbody tr').nth(4).waitFor()
  const entry = await shownMonth(page, 'entry-month')
  await go(page, `/project/${encodeURIComponent(RULE)}`)
  await page.getByTestId('project-name').waitFor()
  const project = await shownMonth(page, 'month-select')
  return { overview, entry, project }
}

async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

const query = (page: Page) => Object.fromEntries(new URLSearchParams(page.url().split('?')[1] ?? ''))

describe('scope in the URL: one default month on every page, Back undoes a choice', () => {
  const app = startAppForSuite()

  it('opens the overview, 录入 and a project on the same default month, also when only an indicator reached the latest month', async () => {
    const page = await openPage(app, '/entry')
    await page.getByTestId('actor-input').fill('王会计')
    await page.getByTestId('actor-save').click()

    // The demo: spending and indicator values through July.
    assert.deepEqual(await defaultMonths(page), { overview: 7, entry: 7, project: 7 })

    // August: one indicator value (人民调解员补贴's cases), no spending at all. The 录入 page used to
    // count spending months only and opened on 7月 while the overview opened on 8月.
    await go(page, '/entry?m=8')
    await page.locator('[data-test="entry-grid"] tbody tr').nth(4).waitFor()
    await page.locator('input[data-pos="2:3"]').click()
    await page.keyboard.type('8')
    await page.keyboard.press('Enter')
    await page.locator('[data-test="save-status"][data-phase="saved"]').waitFor()
    assert.equal(await page.locator('input[data-pos="2:0"]').inputValue(), '', 'no August spending')

    assert.deepEqual(await defaultMonths(page), { overview: 8, entry: 8, project: 8 })
    // The project page's figures are evaluated at that month too, not only its selector.
    assert.match((await page.locator('.deviation-panel h3').first().textContent()) ?? '', /截至8月底/)
    assert.deepEqual(pageErrors(page), [])
    await page.context().close()
  })

  it('Back undoes a department, month and sort change; the project page back link keeps them', async () => {
    const page = await openPage(app, '/')
    await rows(page).nth(4).waitFor()

    await choose(page, 'department-select', '315002 秦皇岛市北戴河区司法局')
    await page.waitForURL(/d=315002/)
    await choose(page, 'month-select', '3月底')
    await page.waitForURL(/m=3/)
    await page.locator('#comparison-title', { hasText: '截至3月底' }).waitFor()
    const laggingAt3 = await projectCodes(page)
    await page.getByTestId('sort-code').click()
    await page.waitForURL(/sort=code\.asc/)
    const byCode = await projectCodes(page)
    assert.deepEqual(byCode, [...byCode].sort())
    assert.notDeepEqual(byCode, laggingAt3)

    // A project and back: the overview keeps department, month and sort.
    await page.locator(`tr[data-project="315-0403-JBN-QFV8"] [data-test="project-link"]`).click()
    await page.getByTestId('project-name').waitFor()
    assert.equal(await shownMonth(page, 'month-select'), 3)
    await page.getByTestId('back-to-overview').click()
    await rows(page).nth(4).waitFor()
    assert.deepEqual(query(page), { d: '315002', m: '3', sort: 'code.asc' })
    assert.deepEqual(await projectCodes(page), byCode)

    // Browser Back: the link click and the back link, then the sort, the month, the department.
    await page.goBack()
    await page.getByTestId('project-name').waitFor()
    await page.goBack()
    await rows(page).nth(4).waitFor()
    assert.deepEqual(query(page), { d: '315002', m: '3', sort: 'code.asc' })
    await page.goBack()
    await page.waitForURL((url) => !url.href.includes('sort='))
    assert.deepEqual(await projectCodes(page), laggingAt3)
    await page.goBack()
    await page.waitForURL((url) => !url.href.includes('m='))
    assert.equal(await shownMonth(page, 'month-select'), 7)
    await page.goBack()
    await page.waitForURL((url) => !url.href.includes('d='))
    assert.match((await page.getByTestId('department-select').textContent()) ?? '', /全部部门/)
    assert.deepEqual(pageErrors(page), [])
    await page.context().close()
  })

  it('typing a search filters at once and replaces the history entry instead of adding one per key', async () => {
    const page = await openPage(app, '/')
    await rows(page).nth(4).waitFor()
    await choose(page, 'month-select', '6月底')
    await page.waitForURL(/m=6/)

    await page.getByTestId('filter-text').click()
    await page.keyboard.type('普法', { delay: 50 })
    await page.waitForURL(/q=/)
    assert.deepEqual(query(page), { m: '6', q: '普法' })
    assert.deepEqual(await projectCodes(page), ['315-0401-JBN-GH9H'])

    // One Back leaves the typed search and the month choice it replaced: the first entry.
    await page.goBack()
    await page.waitForURL((url) => !url.href.includes('m='))
    assert.deepEqual(query(page), {})
    assert.equal(await page.getByTestId('filter-text').inputValue(), '')
    assert.equal(await rows(page).count(), 5)
    assert.deepEqual(pageErrors(page), [])
    await page.context().close()
  })
})
