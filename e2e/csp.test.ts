import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { pageErrors, startAppForSuite } from './support'

const LEGAL_AID = '2020/315002/315-0404-JBN-FLC6' // 法律援助经费

/** The policy of the built index.html, directive → sources. */
function builtPolicy(html: string): Map<string, string[]> {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)
  assert.ok(meta, 'the built index.html has a CSP meta tag')
  const text = (meta[1] ?? '').replace(/&#39;/g, "'")
  return new Map(text.split(';').map((part) => {
    const [name = '', ...sources] = part.trim().split(/\s+/)
    return [name, sources]
  }))
}

/** Hovers the chart until ECharts shows its tooltip (a div with text inside the chart). */
async function hoverChartTooltip(page: Page): Promise<string> {
  const chart = page.locator('figure.chart-canvas').first()
  await chart.locator('canvas').first().waitFor()
  // A chart drawn before the page's last live query answered is drawn again: find it again then.
  await chart.scrollIntoViewIfNeeded().catch(async () => {
    await chart.locator('canvas').first().waitFor()
    await chart.scrollIntoViewIfNeeded()
  })
  const box = await chart.boundingBox()
  assert.ok(box)
  for (let step = 1; step < 12; step++) {
    await page.mouse.move(box.x + (box.width * step) / 12, box.y + box.height * 0.5)
    const tooltip = chart.locator('div[style*="z-index: 9999999"]').filter({ hasText: /\S/ })
    if ((await tooltip.count()) > 0 && (await tooltip.first().isVisible())) return (await tooltip.first().textContent()) ?? ''
  }
  throw new Error('no chart tooltip appeared')
}

/** Clicks the ECharts toolbox's 保存为图片 (drawn on the canvas: found where the cursor becomes a pointer). */
async function clickSaveAsImage(page: Page): Promise<void> {
  const chart = page.locator('figure.chart-canvas').first()
  await chart.scrollIntoViewIfNeeded()
  const box = await chart.boundingBox()
  assert.ok(box)
  for (let dy = 4; dy < 60; dy += 4) {
    for (let dx = 8; dx < 60; dx += 4) {
      await page.mouse.move(box.x + box.width - dx, box.y + dy)
      const isPointer = await page.evaluate<boolean>(
        `[...document.querySelectorAll('figure.chart-canvas div')].some((d) => getComputedStyle(d).cursor === 'pointer')`,
      )
      if (isPointer) return page.mouse.click(box.x + box.width - dx, box.y + dy)
    }
  }
  throw new Error('no 保存为图片 button on the chart')
}

describe('strict Content-Security-Policy', () => {
  const app = startAppForSuite()

  it('is in the built index.html, with nothing inline left', () => {
    const html = readFileSync(resolve(process.env.DIST_DIR ?? 'dist', 'index.html'), 'utf8')
    const policy = builtPolicy(html)
    assert.deepEqual(policy.get('default-src'), ["'self'"])
    assert.deepEqual(policy.get('script-src'), ["'self'"])
    assert.deepEqual(policy.get('style-src'), ["'self'", "'unsafe-inline'"])
    assert.deepEqual(policy.get('connect-src'), ["'self'"])
    assert.deepEqual(policy.get('object-src'), ["'none'"])
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy comes before any script')
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    assert.ok(scripts.length > 0)
    for (const [, attributes = '', body = ''] of scripts) {
      assert.match(attributes, /\bsrc="\/[^"]+\.js"/, 'every script is an external file')
      assert.equal(body.trim(), '', 'no inline script')
    }
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handler')
    assert.doesNotMatch(html, /javascript:/i)
  })

  it('is never violated: every route, a chart tooltip, the exports and the print view', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true })
    const violations: string[] = []
    await context.exposeBinding('reportCspViolation', (_source, text: string) => violations.push(text))
    await context.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => {
      window.reportCspViolation(e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber)
    })`)
    const page = await context.newPage()
    const refused: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text())
    })
    const visit = async (path: string) => {
      await page.goto(new URL(`#${path}`, app.url).href)
      await page.waitForLoadState('networkidle')
    }

    await visit('/')
    await page.locator('[data-test="project-table"] tbody tr').nth(4).waitFor()
    // The overview's comparison bars are HTML with their own tooltip (no chart library there).
    await page.locator('[data-test="comparison-row"]').first().hover()
    assert.match((await page.getByTestId('comparison-tooltip').textContent()) ?? '', /%/)

    await visit(`/project/${encodeURIComponent(LEGAL_AID)}?m=7`)
    await page.getByTestId('indicator-table').waitFor()
    assert.match(await hoverChartTooltip(page), /%/)
    const [image] = await Promise.all([page.waitForEvent('download'), clickSaveAsImage(page)])
    assert.match(image.suggestedFilename(), /\.png$/)

    await visit('/department?m=7')
    await page.locator('figure.chart-canvas').first().waitFor()
    await hoverChartTooltip(page)

    await visit('/entry?m=7')
    await page.getByText('法律援助经费').first().waitFor()

    await visit('/meeting?m=7')
    await page.getByTestId('meeting-export-all').click()
    const [form] = await Promise.all([page.waitForEvent('download'), page.getByTestId('signoff-confirm').click()])
    assert.match(form.suggestedFilename(), /\.xlsx$/)

    await visit('/meeting/present?m=7')
    await page.getByTestId('presentation').waitFor()
    await page.keyboard.press('ArrowRight')
    await page.waitForLoadState('networkidle')

    await visit('/meeting/print?m=7')
    await page.getByTestId('print-project').first().waitFor()
    await page.emulateMedia({ media: 'print' })
    await page.pdf({ format: 'A4' })
    await page.emulateMedia({ media: 'screen' })

    await visit('/data')
    const [backup] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()])
    assert.match(backup.suggestedFilename(), /\.json$/)

    await visit('/settings')
    await page.getByRole('heading', { name: '设置' }).first().waitFor()

    assert.deepEqual(violations, [])
    assert.deepEqual(refused, [])
    assert.deepEqual(pageErrors(page), [])

    // The listener works: an inline script is refused and reported.
    await page.evaluate(`(() => { const s = document.createElement('script'); s.textContent = 'window.inlineRan = true'; document.head.append(s) })()`)
    await new Promise((done) => setTimeout(done, 200))
    assert.equal(await page.evaluate(`window.inlineRan === true`), false)
    assert.match(violations.join('\n'), /script-src/)
    await context.close()
  })
})
