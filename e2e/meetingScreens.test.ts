/**
 * Issue 11: warning presets named on the pages, and the meeting screens at projector sizes
 * (slides with three actions and the record drawer at 1024×768, nine actions at 1920×1080).
 */
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPage, pageErrors, startAppForSuite } from './support'

const SHOTS = process.env.SCREENSHOT_DIR
const shot = async (page: Page, name: string) => {
  if (SHOTS === undefined) return
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}/${name}.png` })
}

async function addActions(page: Page, code: string, count: number): Promise<void> {
  const item = page.locator(`[data-test="agenda-item"][data-project="${code}"]`)
  await item.getByTestId('agenda-record').click()
  for (let i = 1; i <= count; i += 1) {
    await item.getByTestId('action-text').fill(`第${i}项整改：完成采购并支付款项，每月跟踪进度`)
    await item.getByTestId('action-owner').fill('李会计')
    await item.getByTestId('action-due').fill('2020-08-31')
    await item.getByTestId('action-add').click()
    await waitForCount(page, `[data-test="agenda-item"][data-project="${code}"] [data-test="action-row"]`, i)
  }
}

async function waitForCount(page: Page, selector: string, count: number): Promise<void> {
  for (let tries = 0; tries < 100; tries += 1) {
    if ((await page.locator(selector).count()) >= count) return
    await page.waitForTimeout(100)
  }
  throw new Error(`${selector} never reached ${count}`)
}

/** The 红 chip's count once it shows `expected` (the demo loads after the page), or what it shows after 10 s. */
async function redCountOnceLoaded(page: Page, expected: string): Promise<string> {
  let text = ''
  for (let tries = 0; tries < 100 && text !== expected; tries += 1) {
    text = ((await page.locator('[data-test="filter-red"] .num').textContent().catch(() => '')) ?? '').trim()
    if (text !== expected) await page.waitForTimeout(100)
  }
  return text
}

describe('meeting screens and presets (issue 11)', () => {
  const app = startAppForSuite()

  it('names 财政一体化 on 总览 once chosen in 设置, and the statuses change', async () => {
    const page = await openPage(app, '/?m=7')
    await page.getByTestId('preset-line').waitFor()
    assert.match((await page.getByTestId('preset-line').textContent()) ?? '', /本系统默认/)
    const before = await redCountOnceLoaded(page, '2')
    await page.goto(new URL('#/settings', app.url).href)
    await page.getByTestId('threshold-preset').click()
    await page.locator('.el-select-dropdown__item', { hasText: '财政一体化' }).click()
    assert.equal((await page.getByTestId('threshold-preset-name').textContent())?.trim(), '财政一体化')
    await page.getByTestId('thresholds-save').click()
    await page.goto(new URL('#/?m=7', app.url).href)
    // The settings arrive by their own live query; the page may draw before they do.
    await page.getByTestId('preset-line').filter({ hasText: '财政一体化' }).waitFor({ timeout: 15_000 })
    assert.match((await page.getByTestId('preset-line').textContent()) ?? '', /财政一体化/)
    // The demo at 7月: 本系统默认 2 红 (法制, 依法治区); 财政一体化 1 红 (法制: 20 % of 序时 58.3 %).
    assert.equal(before?.trim(), '2')
    assert.equal(await redCountOnceLoaded(page, '1'), '1')
    await shot(page, 'overview-fasp-1366')
    assert.deepEqual(pageErrors(page), [])
  })

  it('at 1024×768 a slide with three actions keeps its chart, and the record drawer fits', async () => {
    const page = await openPage(app, '/meeting?m=7')
    await addActions(page, '315-0403-JBN-QFV8', 3)
    await page.getByTestId('meeting-present').click()
    await page.getByTestId('slide-summary').waitFor()
    await page.setViewportSize({ width: 1024, height: 768 })
    await page.getByRole('button', { name: '下一页' }).click()
    await page.locator('[data-test="slide-project"][data-project="315-0403-JBN-QFV8"]').waitFor()
    await page.waitForTimeout(400)
    const chart = await page.locator('[data-test="slide-project"] [data-test="chart-spend-curve"]').boundingBox()
    assert.ok(chart !== null && chart.height >= 0.3 * 768, `chart height ${chart?.height}`)
    // 4:3: one action row beside the reasons, the others counted above the footer.
    assert.match((await page.getByTestId('slide-more-actions').textContent()) ?? '', /另有 2 项/)
    const more = await page.getByTestId('slide-more-actions').boundingBox()
    const footer = await page.locator('footer.controls').boundingBox()
    assert.ok(more !== null && footer !== null && more.y + more.height <= footer.y + 1, '另有 N 项 above the footer')
    assert.match((await page.getByTestId('slide-preset').textContent()) ?? '', /本系统默认/)
    await shot(page, 'slide-3-actions-1024x768')
    await page.getByTestId('slide-record').click()
    const drawer = page.locator('.el-drawer')
    await drawer.waitFor()
    await page.waitForTimeout(500)
    // The drawer's body scrolls (earlier decisions and indicator notes make it tall): each
    // button, scrolled to, lies wholly inside the 1024×768 screen.
    for (const button of await drawer.locator('button:visible').all()) {
      await button.scrollIntoViewIfNeeded()
      const box = await button.boundingBox()
      assert.ok(box !== null && box.x >= 0 && box.x + box.width <= 1024 && box.y + box.height <= 768, `button inside the viewport: ${JSON.stringify(box)}`)
    }
    await shot(page, 'record-drawer-1024x768')
    assert.deepEqual(pageErrors(page), [])
  })

  it('at 1920×1080 nine actions leave nothing cut by the footer and say 另有 N 项', async () => {
    const page = await openPage(app, '/meeting?m=7')
    await addActions(page, '315-0403-JBN-QFV8', 9)
    await page.getByTestId('meeting-present').click()
    await page.getByTestId('slide-summary').waitFor()
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.getByRole('button', { name: '下一页' }).click()
    await page.locator('[data-test="slide-project"][data-project="315-0403-JBN-QFV8"]').waitFor()
    await page.waitForTimeout(400)
    assert.match((await page.getByTestId('slide-more-actions').textContent()) ?? '', /另有 6 项/)
    const footer = await page.locator('footer.controls').boundingBox()
    for (const row of await page.locator('[data-test="slide-project"] [data-test="action-row"]').all()) {
      const box = await row.boundingBox()
      assert.ok(box !== null && footer !== null && box.y + box.height <= footer.y + 1, 'action row above the footer')
    }
    await shot(page, 'slide-9-actions-1920x1080')
    await page.setViewportSize({ width: 1024, height: 768 })
    await page.waitForTimeout(400)
    await shot(page, 'slide-9-actions-1024x768')
    await page.goto(new URL('#/meeting/print?m=7', app.url).href)
    await page.getByTestId('print-view').waitFor()
    await page.setViewportSize({ width: 1366, height: 900 })
    await page.waitForTimeout(500)
    assert.ok((await page.getByTestId('mismatch-flag').count()) >= 1, '双监控不一致 in the briefing')
    await shot(page, 'print-1366')
    assert.deepEqual(pageErrors(page), [])
  })
})
