// The bureau's pull in real Chromium against the real server (PGlite in a temp folder, serving
// the built app): a department reports 7月 and submits it; the bureau pulls the round into its
// own browser, sees the department in 总览 marked 来自报送, and the entry page refuses edits there.
import assert from 'node:assert/strict'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { pageErrors } from './support'
import { BUREAU, DEPARTMENT, go, logIn, openProfile, startServer, stopServer, text, waitForText, type Running } from './serverSupport'

const SHOTS = process.env.PULL_SHOTS
async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return
  await mkdir(SHOTS, { recursive: true })
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: 900 })
    await page.waitForTimeout(200)
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true })
  }
  await page.setViewportSize({ width: 1366, height: 900 })
}

describe('bureau pulls a round of submissions into its browser', () => {
  let running: Running
  before(async () => {
    running = await startServer()
  })
  after(() => stopServer(running))

  it('department submits 7月; the bureau pulls it, sees it 来自报送 in 总览, and cannot edit it', async () => {
    const department = await openProfile(running, '/login')
    await logIn(department, DEPARTMENT.login, DEPARTMENT.password)
    await go(department, running, '/entry?y=2020&d=315002&m=7')
    await department.getByTestId('actor-input').fill('王会计')
    await department.getByTestId('actor-save').click()
    await department.getByTestId('lock-month').click()
    await department.getByRole('dialog').getByRole('button', { name: '标记已报送' }).click()
    await department.getByTestId('lock-tag').waitFor()
    await department.getByTestId('submit-round').click()
    await waitForText(department, 'submission-state', /已送达 · 第 1 版/)

    // Bureau: pull 7月 (the newest month anything was 报送-ed in is offered first).
    const bureau = await openProfile(running, '/login')
    await logIn(bureau, BUREAU.login, BUREAU.password)
    await go(bureau, running, '/bureau?y=2020')
    await waitForText(bureau, 'status-315002-7', /待审核/)
    // The submission's 监控表 downloads from its review page.
    await bureau.getByTestId('status-315002-7').locator('a').click()
    await bureau.getByTestId('submission-projects').waitFor()
    const [download] = await Promise.all([bureau.waitForEvent('download'), bureau.getByTestId('export-monitoring-form').click()])
    assert.equal(download.suggestedFilename(), '项目支出绩效目标执行监控表_2020年1-7月_315002_第1版.xlsx')
    const bytes = await readFile((await download.path())!)
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an .xlsx (zip) file')
    await shot(bureau, 'bureau-submission-export')
    await go(bureau, running, '/bureau?y=2020')
    await waitForText(bureau, 'status-315002-7', /待审核/)
    assert.match(await bureau.locator('[data-test="pull-month"]').first().textContent() ?? '', /7月/)
    await bureau.getByTestId('pull-round').click()
    await waitForText(bureau, 'pull-result', /已拉取 2020年7月报送：新增 1 个部门/)
    await shot(bureau, 'bureau-pull')

    // 总览 across the pulled departments: this one is marked 来自报送 · 第1版.
    await bureau.getByTestId('pull-open-overview').click()
    await waitForText(bureau, 'pulled-notice', /来自报送 · 第1版/)
    assert.match(await text(bureau, 'pulled-notice'), /秦皇岛市北戴河区司法局：2020年7月报送/)
    assert.match(await text(bureau, 'reported-notice'), /7月已报送/)
    await shot(bureau, 'overview-pulled')
    // A project page of the pulled department carries the same badge.
    await bureau.getByTestId('project-link').first().click()
    await bureau.getByTestId('back-to-overview').waitFor()
    await waitForText(bureau, 'pulled-notice', /来自报送 · 第1版/)
    assert.match(await text(bureau, 'pulled-notice'), /秦皇岛市北戴河区司法局：2020年7月报送/)
    // Read-only: no button that a save would refuse (编辑, 追加/调减, 调剂, 调整目标).
    for (const id of ['project-edit', 'budget-add', 'budget-transfer', 'adjust-target-0', 'adjust-target-1']) {
      assert.equal(await bureau.getByTestId(id).count(), 0, `${id} is not offered on a pulled project`)
    }
    await shot(bureau, 'project-pulled')

    // Pulling again finds nothing newer.
    await go(bureau, running, '/bureau?y=2020')
    await waitForText(bureau, 'status-315002-7', /待审核/)
    await bureau.getByTestId('pull-round').click()
    await waitForText(bureau, 'pull-result', /1 个部门已是最新/)

    // The entry page says the department is read-only and refuses a typed value with the reason.
    await go(bureau, running, '/entry?y=2020&d=315002&m=8')
    await bureau.getByTestId('actor-input').fill('财政局张科长')
    await bureau.getByTestId('actor-save').click()
    await waitForText(bureau, 'pulled-notice', /来自报送 · 第1版/)
    const cell = bureau.locator('input[data-pos="0:0"]')
    await cell.click()
    await bureau.keyboard.type('0.05')
    await bureau.keyboard.press('Enter')
    await waitForText(bureau, 'cell-message', /未保存：部门 315002 的数据来自报送（2020年7月第 1 版），只读，不能在本机修改/)
    await go(bureau, running, '/entry?y=2020&d=315002&m=8')
    await bureau.locator('input[data-pos="0:0"]').waitFor()
    assert.equal(await bureau.locator('input[data-pos="0:0"]').inputValue(), '', 'nothing was stored')

    assert.deepEqual(pageErrors(department), [])
    assert.deepEqual(pageErrors(bureau), [])
  })
})
