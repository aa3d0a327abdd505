// The 报送 journey in real Chromium against the real server (PGlite in a temp folder, serving the
// built app): the department reports 7月 and submits; the bureau returns it with a reason; the
// department sees the reason, corrects and resubmits; the bureau asks a 问询, the department
// answers, the bureau closes it and approves.
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { pageErrors, waitForExpression } from './support'
import { BUREAU, DEPARTMENT, field, go, logIn, openProfile, startServer, stopServer, text, waitForText, type Running } from './serverSupport'

const SHOTS = process.env.SUBMISSION_SHOTS === '1'
async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return
  for (const width of [390, 1366, 1920]) {
    await page.setViewportSize({ width, height: 900 })
    await page.waitForTimeout(150)
    await page.screenshot({ path: `e2e/artifacts/submission-${name}-${width}.png`, fullPage: true })
  }
  await page.setViewportSize({ width: 1366, height: 900 })
}

describe('报送 to the finance bureau, review and resubmission', () => {
  let running: Running
  before(async () => {
    running = await startServer()
  })
  after(() => stopServer(running))

  it('department submits 7月; bureau returns, asks, approves; the department sees each step', async () => {
    // Department: log in, mark 7月 已报送, 报送到财政局.
    const department = await openProfile(running, '/login', [401, 409])
    await logIn(department, DEPARTMENT.login, DEPARTMENT.password)
    assert.match(await text(department, 'account-name'), /秦皇岛市北戴河区司法局 · sfj/)
    await go(department, running, '/entry?y=2020&d=315002&m=7')
    await department.getByTestId('actor-input').fill('王会计')
    await department.getByTestId('actor-save').click()
    await department.getByTestId('lock-month').click()
    await department.getByRole('dialog').getByRole('button', { name: '标记已报送' }).click()
    await department.getByTestId('lock-tag').waitFor()
    await shot(department, 'entry-locked')
    await department.getByTestId('submit-round').click()
    await waitForText(department, 'submission-state', /已送达 · 第 1 版/)
    await shot(department, 'entry-delivered')

    // Bureau: 报送情况 shows it 待审核; return it with a reason.
    const bureau = await openProfile(running, '/login', [401, 409])
    await logIn(bureau, BUREAU.login, BUREAU.password)
    await go(bureau, running, '/bureau?y=2020')
    await waitForText(bureau, 'status-315002-7', /待审核/)
    assert.match(await text(bureau, 'status-315002-8'), /—/)
    await shot(bureau, 'bureau-status')
    await bureau.getByTestId('status-315002-7').locator('a').click()
    await bureau.getByTestId('submission-projects').waitFor()
    assert.equal(await bureau.locator('[data-test^="submission-project-"]').count(), 5)
    await shot(bureau, 'bureau-review')
    await field(bureau, 'return-reason').fill('依法治区及普法宣传经费7月支出漏报，请补报后重新报送。')
    await bureau.getByTestId('return').click()
    await waitForText(bureau, 'review-state', /已退回/)

    // Department: sees the reason, corrects 7月 (reopen, enter, mark again) and resubmits.
    await go(department, running, '/submissions')
    await waitForText(department, 'round-state', /已退回/)
    assert.match(await text(department, 'round-log'), /退回原因：依法治区及普法宣传经费7月支出漏报/)
    assert.match(await text(department, 'round-log'), /财政局 czj-admin/)
    await shot(department, 'department-returned')
    await go(department, running, '/entry?y=2020&d=315002&m=7')
    await waitForText(department, 'submission-state', /已退回/)
    await department.getByTestId('reopen-month').click()
    const reopen = department.getByRole('dialog', { name: '重新打开7月？' })
    await reopen.locator('input').fill('补报7月支出（财政局退回）')
    await reopen.getByRole('button', { name: '重新打开' }).click()
    await department.getByTestId('lock-month').click()
    await department.getByRole('dialog').getByRole('button', { name: '标记已报送' }).click()
    await department.getByTestId('lock-tag').waitFor()
    await department.getByTestId('submit-round').click()
    await waitForText(department, 'submission-state', /已送达 · 第 2 版/)

    // Bureau: the second revision waits; ask a 问询 on a project.
    await go(bureau, running, '/bureau?y=2020')
    await waitForText(bureau, 'status-315002-7', /待审核\s*第2版/)
    await bureau.getByTestId('status-315002-7').locator('a').click()
    await bureau.getByTestId('submission-projects').waitFor()
    await bureau.getByTestId('ask-project').first().click()
    await field(bureau, 'ask-question').fill('执行率偏低的原因是什么？<script>alert(1)</script>')
    await bureau.getByTestId('ask-send').click()
    await waitForText(bureau, 'inquiry-state', /待答复/)
    // Approval waits for the 问询 to be closed.
    await bureau.getByTestId('approve').click()
    await waitForText(bureau, 'review-error', /问询未关闭/)

    // Department: answers the 问询 in the app.
    await go(department, running, '/submissions')
    await waitForText(department, 'inquiry-question', /执行率偏低的原因是什么？<script>alert\(1\)<\/script>/)
    await field(department, 'inquiry-answer-input').fill('宣传活动集中在下半年，9月前完成。')
    await department.getByTestId('inquiry-answer-send').click()
    await waitForText(department, 'inquiry-state', /已答复/)
    await shot(department, 'department-inquiry')

    // Bureau: reads the answer, closes the 问询, approves.
    await bureau.reload()
    await waitForText(bureau, 'inquiry-answer', /宣传活动集中在下半年/)
    await bureau.getByTestId('inquiry-close').click()
    await waitForText(bureau, 'inquiry-state', /已关闭/)
    await bureau.getByTestId('approve').click()
    await waitForText(bureau, 'review-state', /已审核/)
    assert.match(await text(bureau, 'round-log'), /审核通过 · 第 2 版 · 财政局 czj-admin/)
    await shot(bureau, 'bureau-approved')

    // Department: 已审核 on the list and on the entry page; no second 报送 is offered.
    await go(department, running, '/submissions')
    await waitForText(department, 'round-state', /已审核/)
    await go(department, running, '/entry?y=2020&d=315002&m=7')
    await waitForText(department, 'submission-state', /已审核/)
    assert.equal(await department.getByTestId('submit-round').count(), 0)
    await waitForExpression(department, 'document.title.includes("录入")')
    // The meeting page shows the same state.
    await go(department, running, '/meeting?y=2020&d=315002&m=7')
    await waitForText(department, 'submission-state', /已审核 · 第 2 版/)
    await shot(department, 'meeting-approved')

    assert.deepEqual(pageErrors(department), [])
    assert.deepEqual(pageErrors(bureau), [])

    // Offline package: the department exports 8月 as a file; the bureau's upload refuses a copy
    // with one changed byte and takes the file as exported.
    await go(department, running, '/entry?y=2020&d=315002&m=8')
    await department.getByTestId('lock-month').click()
    await department.getByRole('dialog').getByRole('button', { name: '标记已报送' }).click()
    await department.getByTestId('lock-tag').waitFor()
    const [download] = await Promise.all([department.waitForEvent('download'), department.getByTestId('export-package').click()])
    assert.match(download.suggestedFilename(), /^报送文件_秦皇岛市北戴河区司法局_2020年8月\.json$/)
    const packagePath = join(running.dataDir, 'package.json')
    await download.saveAs(packagePath)
    const packageText = await readFile(packagePath, 'utf8')
    const tamperedPath = join(running.dataDir, 'tampered.json')
    await writeFile(tamperedPath, packageText.replace('\\"executed\\":', '\\"executed\\":9'))

    await go(bureau, running, '/bureau?y=2020')
    await bureau.getByTestId('package-file').setInputFiles(tamperedPath)
    await waitForText(bureau, 'package-message', /tampered\.json：报送文件校验失败：内容与 SHA-256 校验值不一致/)
    await bureau.getByTestId('package-file').setInputFiles(packagePath)
    await waitForText(bureau, 'package-message', /已接收 秦皇岛市北戴河区司法局 2020年8月报送（第 1 版）/)
    await waitForText(bureau, 'status-315002-8', /待审核/)
    assert.deepEqual(pageErrors(department), [])
    assert.deepEqual(pageErrors(bureau), [])
  })
})
