import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { openPage, pageErrors, startAppForSuite, waitForExpression } from './support'

// The journey: a project created by hand, 1–6月 entered, 6月 已报送; then a 调减 dated in
// 5月 and a 口径 switch change 6月's figures, yet the 6月 round stays as reported.
const NAME = '社区普法宣传项目'
const SCOPE = 'y=2020&d=315002'
const LECTURES = '普法讲座场次' // ≥12 场, 1 场 a month: 6 场 累计 at 6月, 1 场 as 时点
const SHOTS = process.env.SHOT_DIR ?? '/tmp'

const go = (page: Page, base: string, path: string) => page.goto(new URL(`#${path}`, base).href)
const clean = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim()
const field = (page: Page, testId: string) => page.locator(`input[data-test="${testId}"], [data-test="${testId}"] input`).first()

/** Types a value into the project entry grid's cell `row:col` and waits until it is saved. */
async function enter(page: Page, pos: string, value: string): Promise<void> {
  await page.locator(`input[data-pos="${pos}"]`).click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type(value)
  await page.keyboard.press('Enter')
  await page.locator('[data-test="save-status"][data-phase="saved"]').waitFor()
}

/** One 报送后有变动 line of the notice: the reported and today's values. */
async function difference(page: Page, label: RegExp): Promise<[string, string]> {
  const line = page.getByTestId('reported-notice').getByTestId('reported-difference').filter({ hasText: label })
  return [clean(await line.getByTestId('reported-value').textContent()), clean(await line.getByTestId('current-value').textContent())]
}

describe('a project created by hand, reported at 6月, then adjusted', () => {
  const app = startAppForSuite()

  it('keeps the 6月 round as reported after a 调减 dated in 5月 and a 口径 switch, and 7月 uses the adjusted budget', async () => {
    // 1. Create the project by hand with two indicators: 12.00 万元, plan 25 / 50 / 75 / 100.
    const page = await openPage(app, `/projects?${SCOPE}`)
    await page.locator('[data-test="register-row"]').nth(4).waitFor()
    await page.getByTestId('register-new').click()
    await page.getByTestId('register-form').waitFor()
    await page.getByTestId('project-name').fill(NAME)
    await page.getByTestId('project-code').fill('HAND-09')
    await page.getByTestId('project-fiscal').fill('12')
    for (const [m, pct] of [[3, '25'], [6, '50'], [10, '75'], [12, '100']] as const) await page.getByTestId(`project-plan-${m}`).fill(pct)
    const first = page.getByTestId('indicator-0')
    await first.getByTestId('indicator-name').fill('普法活动满意率')
    await first.getByTestId('indicator-target').fill('≥90%')
    await page.getByTestId('indicator-add').click()
    const second = page.getByTestId('indicator-1')
    await second.getByTestId('indicator-level2').fill('数量指标')
    await second.getByTestId('indicator-name').fill(LECTURES)
    await second.getByTestId('indicator-target').fill('大于等于12场')
    await page.getByTestId('register-save').click()
    const row = page.locator('[data-test="register-row"]', { hasText: NAME })
    await row.waitFor()
    const id = (await row.getAttribute('data-project-id')) ?? ''
    assert.match(id, /^2020\/315002\//)
    const project = (month: number) => `/project/${encodeURIComponent(id)}?${SCOPE}&m=${month}`

    // 2. Enter 1–6月 in the project's entry view: 1.00 万元, 95 %, 1 场 each month.
    await go(page, app.url, `/entry/project/${encodeURIComponent(id)}?${SCOPE}`)
    await page.getByTestId('actor-input').fill('王会计')
    await page.getByTestId('actor-save').click()
    const headers = page.locator('[data-test="entry-grid"] thead th')
    await headers.filter({ hasText: LECTURES }).waitFor()
    const heads = (await headers.allTextContents()).map(clean)
    // Cell positions count every column after the month's header cell.
    const rateColumn = heads.findIndex((h) => h.includes('满意率')) - 1
    const lectureColumn = heads.findIndex((h) => h.includes(LECTURES)) - 1
    assert.ok(rateColumn > 0 && lectureColumn > rateColumn, `indicator columns in document order: ${heads.join(' | ')}`)
    for (let r = 0; r < 6; r++) {
      await enter(page, `${r}:0`, '1')
      await enter(page, `${r}:${rateColumn}`, '95')
      await enter(page, `${r}:${lectureColumn}`, '1')
    }

    // 6月 before the report: 6.00 of 12.00 万元, 50.0 %, on plan; 6 场 累计.
    await go(page, app.url, project(6))
    await page.getByTestId('budget-summary').filter({ hasText: '6月底调整后预算数 12.00 万元' }).waitFor()
    assert.equal(clean(await page.locator('[data-test="rate"]').first().textContent()), '50.0%')

    // 3. Mark 6月 已报送.
    await go(page, app.url, `/entry?${SCOPE}&m=6`)
    await page.getByTestId('lock-month').click()
    await page.getByRole('dialog').getByRole('button', { name: '标记已报送' }).click()
    await page.getByTestId('lock-tag').waitFor()

    // 4. A 调减 of 2.00 万元 dated 2020-05-20 (after the report, dated before its month).
    await go(page, app.url, project(6))
    await page.getByTestId('budget-add').click()
    const form = page.getByTestId('budget-form')
    await form.waitFor()
    await page.getByTestId('direction-cut').click()
    await page.locator('input[aria-label="调整日期"]').fill('2020-05-20')
    await page.locator('input[aria-label="调整日期"]').press('Enter')
    await field(page, 'budget-fiscal').fill('2')
    await field(page, 'budget-document').fill('北财预〔2020〕21号')
    await page.getByTestId('budget-save').click()
    await form.waitFor({ state: 'hidden' })
    await page.getByTestId('budget-history').filter({ hasText: '北财预〔2020〕21号' }).waitFor()

    // 5. Switch 普法讲座场次 to 时点: its 6月 actual becomes the latest month's 1 场.
    await go(page, app.url, `/entry/project/${encodeURIComponent(id)}?${SCOPE}`)
    const header = page.locator('[data-test="entry-grid"] thead th', { hasText: LECTURES })
    await header.locator('select').waitFor()
    await header.locator('select').selectOption('level')
    await header.getByTestId('kind-adjusted').waitFor()

    // 6. The 6月 project page shows what was reported, marked 报送后有变动 with both values.
    await go(page, app.url, project(6))
    const notice = page.getByTestId('reported-notice')
    await notice.waitFor()
    assert.match(clean(await notice.textContent()), /6月已报送.*本页显示报送时的数据（王会计 · /)
    assert.equal(clean(await page.locator('[data-test="rate"]').first().textContent()), '50.0%')
    assert.deepEqual(await difference(page, /^\s*预算数/), ['12.00 万元', '10.00 万元'])
    assert.deepEqual(await difference(page, /^\s*执行率/), ['50.0%', '60.0%'])
    assert.deepEqual(await difference(page, new RegExp(`${LECTURES} 实际`)), ['6 场', '1 场'])
    const [reportedStatus, currentStatus] = await difference(page, new RegExp(`${LECTURES} 状态`))
    assert.match(reportedStatus, /^绿/)
    assert.match(currentStatus, /^红/)
    const lectureRow = page.getByTestId('indicator-table').locator('tbody tr', { hasText: LECTURES })
    assert.match(clean(await lectureRow.locator('td').nth(3).textContent()), /^6 场 累计/)
    // The budget block and the header say the 6月 figures as reported, and where today differs.
    assert.match(clean(await page.getByTestId('budget-summary').textContent()), /6月底调整后预算数 12\.00 万元/)
    await page.getByTestId('budget-reported-note').filter({ hasText: '10.00 万元' }).waitFor()
    await page.getByTestId('chart-spend-curve').waitFor()
    await page.getByTestId('spend-reported-note').filter({ hasText: '50.0%' }).filter({ hasText: '60.0%' }).waitFor()
    for (const width of [390, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 })
      await page.screenshot({ path: `${SHOTS}/register-round-6-${width}.png`, fullPage: true })
    }
    await page.setViewportSize({ width: 1366, height: 768 })

    // 7. 7月 is not reported: the adjusted budget 10.00 万元; 7.00 万元 spent is 70.0 %.
    await go(page, app.url, `/entry/project/${encodeURIComponent(id)}?${SCOPE}`)
    await page.locator('input[data-pos="6:0"]').waitFor()
    await enter(page, '6:0', '1')
    await go(page, app.url, project(7))
    await page.getByTestId('budget-summary').filter({ hasText: '7月底调整后预算数 10.00 万元' }).waitFor()
    await waitForExpression(page, `document.querySelector('[data-test="rate"]')?.textContent.trim() === '70.0%'`)
    assert.equal(await page.getByTestId('reported-notice').count(), 0)
    assert.match(clean(await page.getByTestId('header-budget').textContent()), /12\.00 → 10\.00 万元/)
    assert.deepEqual(pageErrors(page), [])
  })

  it('lists and deletes a target version, prints the adjusted or the original target by the setting, and edits a 调剂 on both sides', async () => {
    const CORRECTION = '2020/315002/315-0403-JBN-RY3P' // 社区矫正经费, on the 7月 agenda; 社区矫正宣传场次 ≥15 次
    const LEGAL_AID = '2020/315002/315-0404-JBN-FLC6' // 法律援助经费
    const TALKS = '社区矫正宣传场次'
    const page = await openPage(app, '/settings')
    await field(page, 'settings-actor-input').fill('王处长')
    await page.getByTestId('settings-actor-save').click()
    await page.locator('.el-message', { hasText: '已保存姓名' }).waitFor()

    // 调整目标 from 7月: ≥20 次; the page lists 原目标 → 调整后目标 with month, reason and who.
    await go(page, app.url, `/project/${encodeURIComponent(CORRECTION)}?m=7`)
    const row = page.getByTestId('indicator-table').locator('tbody tr', { hasText: TALKS })
    await row.getByText('调整目标').click()
    await page.getByTestId('target-form').waitFor()
    await field(page, 'target-raw').fill('≥20次')
    await field(page, 'target-reason').fill('7月监控会议决定调整目标')
    await page.getByTestId('target-save').click()
    await page.getByTestId('target-form').waitFor({ state: 'hidden' })
    const group = page.locator('[data-test="target-version-group"]', { hasText: TALKS })
    await group.waitFor()
    assert.match(clean(await group.getByTestId('target-version-original').textContent()), /原目标\s*≥15 次/)
    assert.match(clean(await group.getByTestId('target-version').textContent()), /≥20 次\s*7月起\s*7月监控会议决定调整目标 · 王处长.*7月生效/)
    for (const width of [390, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 })
      await page.screenshot({ path: `${SHOTS}/register-target-versions-${width}.png`, fullPage: true })
    }
    await page.setViewportSize({ width: 1366, height: 768 })

    // The printed briefing: by default the adjusted target, the original noted under it.
    const printed = async () => {
      await go(page, app.url, '/meeting/print?m=7')
      const table = page.locator('[data-test="print-project"][data-project="315-0403-JBN-RY3P"] [data-test="indicator-table"] tbody tr', { hasText: TALKS })
      await table.waitFor()
      return [clean(await table.getByTestId('meeting-target').textContent()), clean(await table.getByTestId('meeting-target-note').textContent())]
    }
    assert.deepEqual(await printed(), ['≥20 次', '原目标 ≥15 次'])
    await go(page, app.url, '/settings')
    await page.locator('[data-test="target-display-original"]').click()
    await page.locator('.el-message', { hasText: '输出将打印原目标' }).waitFor()
    for (const width of [390, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 })
      await page.screenshot({ path: `${SHOTS}/register-settings-${width}.png`, fullPage: true })
    }
    await page.setViewportSize({ width: 1366, height: 768 })
    assert.deepEqual(await printed(), ['≥15 次', '调整后目标 ≥20 次'])
    // The exported monitoring form too: 年度指标值 the original, the adjusted one in 备注.
    await go(page, app.url, '/meeting?m=7')
    // The export goes through the sign-off dialog (填报人, 联系电话) first.
    await page.locator('[data-test="agenda-item"][data-project="315-0403-JBN-RY3P"]').getByTestId('agenda-export').click()
    await page.getByTestId('signoff-phone').fill('0335-4041234')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('signoff-confirm').click()])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile((await download.path())!)
    const cells: string[] = []
    workbook.getWorksheet('社区矫正经费')?.eachRow((r) => r.eachCell((c) => cells.push(String(c.value ?? ''))))
    // 年度指标值 is printed as the document typed it (≥15次); compared without spaces.
    const bare = cells.map((c) => c.replace(/\s+/g, ''))
    assert.ok(bare.includes('≥15次'), '年度指标值 is the original target')
    assert.ok(!bare.includes('≥20次'), 'the adjusted target is not the 年度指标值')
    assert.ok(cells.some((c) => c.includes('调整后目标 ≥20 次')), 'the adjusted target is noted')

    // Deleting the version asks first; the original target is in force again.
    await go(page, app.url, `/project/${encodeURIComponent(CORRECTION)}?m=7`)
    await group.getByTestId('target-version-remove').click()
    const box = page.locator('.el-message-box')
    await box.waitFor()
    assert.match(clean(await box.textContent()), /删除「社区矫正宣传场次」7月起的调整后目标 ≥20 次？.*记入修改记录/)
    await box.getByRole('button', { name: '删除' }).click()
    await group.waitFor({ state: 'detached' })
    assert.equal(clean(await row.getByTestId('indicator-target').textContent()).includes('调整后目标'), false)

    // A 调剂 of 0.50 万元 to 法律援助经费, edited to 0.80 万元: both sides change; deleted from the receiving side: both go.
    await page.getByTestId('budget-transfer').click()
    const form = page.getByTestId('budget-form')
    await form.waitFor()
    await page.getByTestId('budget-target').click()
    await page.getByRole('option', { name: '法律援助经费' }).click()
    await page.locator('input[aria-label="调整日期"]').fill('2020-06-10')
    await page.locator('input[aria-label="调整日期"]').press('Enter')
    await field(page, 'budget-fiscal').fill('0.5')
    await field(page, 'budget-document').fill('北财预〔2020〕30号')
    await page.getByTestId('budget-save').click()
    await form.waitFor({ state: 'hidden' })
    const history = page.getByTestId('budget-history')
    await history.filter({ hasText: '调剂调出' }).filter({ hasText: '-0.50 万元' }).waitFor()
    await history.getByTestId('budget-counterpart').filter({ hasText: '至「法律援助经费」' }).waitFor()
    await history.locator('li', { hasText: '北财预〔2020〕30号' }).getByTestId('budget-edit').click()
    await form.waitFor()
    assert.match(clean(await form.textContent()), /修改调剂：从「社区矫正经费」调出/)
    assert.equal(await field(page, 'budget-fiscal').inputValue(), '0.5')
    await field(page, 'budget-fiscal').fill('0.8')
    await page.getByTestId('budget-save').click()
    await form.waitFor({ state: 'hidden' })
    await history.filter({ hasText: '-0.80 万元' }).waitFor()
    await page.screenshot({ path: `${SHOTS}/register-transfer-1366.png`, fullPage: true })

    await go(page, app.url, `/project/${encodeURIComponent(LEGAL_AID)}?m=7`)
    // The page is reused for the other project: wait for its own history.
    const into = page.getByTestId('budget-history').locator('li', { hasText: '北财预〔2020〕30号' }).filter({ hasText: '调剂调入' })
    await into.waitFor()
    await into.getByTestId('budget-counterpart').filter({ hasText: '自「社区矫正经费」' }).waitFor()
    assert.match(clean(await into.textContent()), /2020-06-10\s*调剂调入\s*自「社区矫正经费」\s*\+0\.80 万元/)
    await into.getByTestId('budget-remove').click()
    await box.waitFor()
    assert.match(clean(await box.textContent()), /调剂的调出和调入两笔会一起删除/)
    await box.getByRole('button', { name: '删除' }).click()
    await into.waitFor({ state: 'detached' })
    await go(page, app.url, `/project/${encodeURIComponent(CORRECTION)}?m=7`)
    await page.getByTestId('budget-panel').waitFor()
    await page.getByTestId('budget-summary').filter({ hasText: '（未调整）' }).waitFor()
    assert.equal(await page.getByTestId('budget-history').count(), 0)
    assert.deepEqual(pageErrors(page), [])
  })
})
