import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import mammoth from 'mammoth'
import type { Locator, Page } from 'playwright-core'
import { openPage, pageErrors, startAppForSuite } from './support'

/** 人民调解员补贴: 黄 at 7月, its 群众矛盾降低率 (93 % of ≥95 %) off target, its other indicators on track. */
const PROJECT = '315-0403-JBN-D7U5'

async function openRecord(page: Page): Promise<Locator> {
  const item = page.locator(`[data-test="agenda-item"][data-project="${PROJECT}"]`)
  await item.waitFor()
  await item.getByTestId('agenda-record').click()
  await item.getByTestId('record-panel').waitFor()
  return item
}

async function addAction(item: Locator, text: string, owner: string, due: string): Promise<void> {
  const before = await item.getByTestId('action-row').count()
  await item.getByTestId('action-text').fill(text)
  await item.getByTestId('action-owner').fill(owner)
  await item.getByTestId('action-due').fill(due)
  await item.getByTestId('action-add').click()
  await item.getByTestId('action-row').nth(before).waitFor()
}

async function downloadReport(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('meeting-export-report').click()])
  const { value } = await mammoth.extractRawText({ path: (await download.path())! })
  return { name: download.suggestedFilename(), text: value }
}

describe('a monitoring round: meeting record, per-indicator reasons, 整改 through to its result', () => {
  const app = startAppForSuite()

  it('records the 7月 meeting, carries its open item to 8月, closes the other late, and writes the report', async () => {
    const page = await openPage(app, '/meeting?m=7')
    const minutes = page.getByTestId('meeting-minutes')
    await minutes.waitFor()
    await minutes.getByTestId('minutes-date').fill('2020-08-06')
    await minutes.getByTestId('minutes-place').fill('局三楼会议室')
    await minutes.getByTestId('minutes-host').fill('张局长')
    await minutes.getByTestId('minutes-attendees').fill('李会计、王科长')
    await minutes.getByTestId('minutes-attendees').press('Tab')

    const item = await openRecord(page)
    // Only the indicator off target asks for a note; the others read 正常.
    const lagging = item.locator('[data-test="indicator-note"][data-indicator="群众矛盾降低率"]')
    await lagging.getByTestId('indicator-reasons').waitFor()
    const onTrack = await item.getByTestId('indicator-note-ok').allTextContents()
    assert.ok(onTrack.length >= 1 && onTrack.every((t) => t === '正常'), onTrack.join())
    assert.equal(await item.getByTestId('indicator-reasons').count(), 1)
    await lagging.getByText('人员保障').click()
    await lagging.getByText('其他').click()
    await lagging.getByTestId('indicator-explanation').fill('两个调解委员会人员调整，回访滞后')
    await lagging.getByTestId('indicator-explanation').press('Tab')
    await lagging.getByTestId('indicator-likelihood').getByText('有可能').click()

    await item.getByTestId('decision-continue').click()
    await item.getByTestId('decision-save').click()
    await item.getByTestId('decision-saved').waitFor()
    await addAction(item, '8月15日前完成全部回访', '王科长', '2020-08-15')
    await addAction(item, '9月底前完成调解员培训', '李会计', '2020-09-30')
    await page.getByTestId('minutes-agreed').getByText('人民调解员补贴：继续执行').waitFor()

    // The 7月 report: the indicator's reasons come from its note.
    const july = await downloadReport(page)
    assert.equal(july.name, '部门预算绩效运行监控情况报告_2020年1-7月_315002.docx')
    assert.match(july.text, /部门预算绩效运行监控情况报告/)
    assert.match(july.text, /预算数合计 21\.05万元/)
    assert.match(july.text, /指标「群众矛盾降低率」：年度指标值 ≥95%，1–7月 93%（黄·关注）。偏差原因：人员保障、其他；两个调解委员会人员调整，回访滞后。/)
    assert.match(july.text, /8月15日前完成全部回访\s*王科长\s*2020-08-15\s*未开始/)

    // The 7月 briefing's cover names the meeting's date, place and people.
    await page.goto(new URL('#/meeting/print?m=7', app.url).href)
    const cover = page.getByTestId('print-cover')
    await cover.waitFor()
    await cover.getByTestId('print-cover-date').filter({ hasText: '会议日期：2020年8月6日' }).waitFor()
    assert.match((await cover.getByTestId('print-cover-meeting').textContent()) ?? '', /局三楼会议室.*张局长.*李会计、王科长/)

    // 8月: both items carried over, the 7月 decision shown; one is completed late.
    await page.goto(new URL('#/meeting?m=8', app.url).href)
    const august = await openRecord(page)
    const earlier = august.getByTestId('earlier-decision')
    await earlier.first().waitFor()
    assert.match((await earlier.first().textContent()) ?? '', /7月会议：继续执行.*8月15日前完成全部回访.*未开始.*9月底前完成调解员培训.*未开始/s)
    const rows = august.getByTestId('action-row')
    assert.equal(await rows.count(), 2)
    const late = rows.filter({ hasText: '8月15日前完成全部回访' })
    assert.match((await late.textContent()) ?? '', /7月结转.*2020-08-15\s*逾期/)
    await late.getByTestId('action-record-result').click()
    const form = august.getByTestId('action-result-form')
    await form.getByTestId('progress-done').click()
    await form.getByTestId('action-completed-on').fill('2020-08-20')
    await form.getByTestId('action-late-hint').waitFor()
    await form.getByTestId('action-completion-note').fill('已完成全部 36 户回访')
    await form.getByTestId('action-evidence').fill('回访记录表.pdf')
    await form.getByTestId('action-result-save').click()
    await late.getByTestId('completed-late').waitFor()
    assert.match((await late.textContent()) ?? '', /已完成\s*逾期完成.*2020-08-20 完成：已完成全部 36 户回访.*证明材料：回访记录表\.pdf/)
    const open = rows.filter({ hasText: '9月底前完成调解员培训' })
    assert.equal(await open.getAttribute('data-state'), 'open')
    assert.match((await open.textContent()) ?? '', /7月结转.*未开始/)

    // The 8月 report lists both items with their state; the briefing's list keeps 逾期完成.
    const aug = await downloadReport(page)
    assert.equal(aug.name, '部门预算绩效运行监控情况报告_2020年1-8月_315002.docx')
    assert.match(aug.text, /8月15日前完成全部回访\s*王科长\s*2020-08-15\s*已完成（逾期完成，2020-08-20）/)
    assert.match(aug.text, /9月底前完成调解员培训（7月结转）\s*李会计\s*2020-09-30\s*未开始/)
    await page.goto(new URL('#/meeting/print?m=8', app.url).href)
    await page.getByTestId('print-cover').waitFor()
    // No record for the 8月 meeting: the cover falls back to the print date.
    assert.doesNotMatch((await page.getByTestId('print-cover-date').textContent()) ?? '', /会议日期/)
    const printed = page.getByTestId('all-print-actions').or(page.locator('[data-test="print-page"] [data-test="action-row"]'))
    await printed.first().waitFor()
    assert.match((await page.locator('[data-test="print-page"]').last().textContent()) ?? '', /逾期完成/)

    // At 9月 the completed item is gone; the open one still carries over.
    await page.goto(new URL('#/meeting?m=9', app.url).href)
    const september = await openRecord(page)
    assert.equal(await september.getByTestId('action-row').count(), 1)
    assert.match((await september.getByTestId('action-row').textContent()) ?? '', /9月底前完成调解员培训.*7月结转/)
    assert.match((await september.getByTestId('earlier-decision').first().textContent()) ?? '', /已完成（逾期完成，2020-08-20）/)
    assert.deepEqual(pageErrors(page), [])
  })
})
