import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPage, pageErrors, startAppForSuite } from './support'

const NAME = '社区普法新增项目'
const SCOPE = 'y=2020&d=315002'

const form = (page: Page) => page.getByTestId('register-form')
const row = (page: Page) => page.locator('[data-test="register-row"]', { hasText: NAME })

async function goto(page: Page, url: string, path: string): Promise<void> {
  await page.goto(new URL(`#${path}`, url).href)
}

describe('项目管理: a project created by hand, edited, archived and restored', () => {
  const app = startAppForSuite()

  it('creates a project with two indicators, shows it in 总览 and 录入, keeps its values after a code edit, archives and restores it', async () => {
    const page = await openPage(app, `/projects?${SCOPE}`)
    await page.locator('[data-test="register-row"]').nth(4).waitFor()
    await page.screenshot({ path: '/tmp/register-1366.png', fullPage: true })

    // Create by hand; a negative budget and a decreasing plan are refused at their fields.
    await page.getByTestId('register-new').click()
    await form(page).waitFor()
    await page.getByTestId('project-name').fill(NAME)
    await page.getByTestId('project-code').fill('HAND-01')
    await page.getByTestId('project-fiscal').fill('-2')
    await page.getByTestId('project-plan-6').fill('60')
    await page.getByTestId('project-plan-10').fill('40')
    const first = page.getByTestId('indicator-0')
    await first.getByTestId('indicator-name').fill('普法活动满意率')
    await first.getByTestId('indicator-target').fill('≥98%')
    assert.equal((await first.getByTestId('indicator-reading').textContent())?.trim(), '读作：≥ 98 %（时点）')
    await page.getByTestId('indicator-add').click()
    const second = page.getByTestId('indicator-1')
    await second.getByTestId('indicator-level2').fill('数量指标')
    await second.getByTestId('indicator-name').fill('普法讲座场次')
    await second.getByTestId('indicator-target').fill('大于等于10场')
    await page.getByTestId('register-save').click()
    const fiscalError = page.locator('[data-field="fiscal"] [data-test="field-error"]')
    await fiscalError.waitFor()
    assert.match((await fiscalError.textContent()) ?? '', /财政资金不能为负数：请填写 0 或正数/)
    assert.match((await page.locator('[data-field="plan.10"] [data-test="field-error"]').textContent()) ?? '', /不能减少/)
    await page.screenshot({ path: '/tmp/register-form-errors-1366.png', fullPage: true })
    await page.getByTestId('project-fiscal').fill('2')
    await page.getByTestId('project-plan-10').fill('80')
    await page.getByTestId('register-save').click()
    await row(page).waitFor()
    assert.match((await row(page).textContent()) ?? '', /HAND-01.*社区普法新增项目.*2\.00.*2\.00\s*2/)
    const id = (await row(page).getAttribute('data-project-id')) ?? ''
    assert.match(id, /^2020\/315002\/~/)

    // 总览 and 录入 list it.
    await goto(page, app.url, `/?${SCOPE}`)
    await page.getByTestId('project-table').locator('tr', { hasText: NAME }).waitFor()
    await goto(page, app.url, `/entry?${SCOPE}&m=3`)
    await page.getByTestId('actor-input').fill('王会计')
    await page.getByTestId('actor-save').click()
    const entryRow = page.locator('[data-test="entry-grid"] tbody tr', { hasText: NAME })
    await entryRow.waitFor()
    await entryRow.getByTestId('cell').first().click()
    await page.keyboard.type('0.5')
    await page.keyboard.press('Enter')
    await page.locator('[data-test="save-status"][data-phase="saved"]').waitFor()

    // Edit the code: the id does not change, the entered 0.50 万元 is still there.
    await goto(page, app.url, `/project/${encodeURIComponent(id)}?${SCOPE}&m=3`)
    await page.getByTestId('project-edit').click()
    await form(page).waitFor()
    assert.equal(await page.getByTestId('project-code').inputValue(), 'HAND-01')
    await page.getByTestId('project-code').fill('HAND-02')
    await page.getByTestId('register-save').click()
    // The list comes back at once; the saved code arrives with the live query.
    await row(page).filter({ hasText: 'HAND-02' }).waitFor()
    assert.equal(await row(page).getAttribute('data-project-id'), id)
    await goto(page, app.url, `/entry?${SCOPE}&m=3`)
    await entryRow.waitFor()
    assert.equal(await entryRow.getByTestId('cell').first().inputValue(), '0.50')

    // Archive with confirmation: gone from the list, listed under 已删除, then restored.
    await goto(page, app.url, `/projects?${SCOPE}`)
    await row(page).getByTestId('register-archive').click()
    const box = page.locator('.el-message-box')
    await box.waitFor()
    assert.match((await box.textContent()) ?? '', /删除项目「社区普法新增项目」？.*已录入的数据保留/)
    await box.getByRole('button', { name: '删除' }).click()
    await row(page).waitFor({ state: 'detached' })
    const archived = page.getByTestId('register-archived').locator('li', { hasText: NAME })
    await archived.waitFor()
    await page.screenshot({ path: '/tmp/register-archived-1366.png', fullPage: true })
    await archived.getByTestId('register-restore').click()
    // The list comes back at once; the saved code arrives with the live query.
    await row(page).filter({ hasText: 'HAND-02' }).waitFor()
    assert.deepEqual(pageErrors(page), [])
  })

  it('looks right at 390, 1366 and 1920 wide', async () => {
    const page = await openPage(app, `/projects?${SCOPE}`)
    await page.locator('[data-test="register-row"]').nth(4).waitFor()
    for (const width of [390, 1920]) {
      await page.setViewportSize({ width, height: 900 })
      await page.screenshot({ path: `/tmp/register-${width}.png`, fullPage: true })
    }
    await page.locator('[data-test="register-edit"]').first().click()
    await form(page).waitFor()
    for (const width of [390, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 })
      await page.screenshot({ path: `/tmp/register-form-${width}.png`, fullPage: true })
    }
    // No horizontal scrolling of the whole page on a phone.
    await page.setViewportSize({ width: 390, height: 900 })
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')
    assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px`)
    assert.deepEqual(pageErrors(page), [])
  })
})
