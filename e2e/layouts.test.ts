import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { pageErrors, startAppForSuite, waitForExpression } from './support'

/** Screenshots land here (git-ignored: e2e/artifacts/). */
const SHOTS = resolve('e2e/artifacts/layouts')
const SIZES = [
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const

/**
 * What sticks out of the viewport: the page's own scroll width, and every visible element whose
 * right edge lies beyond it without a scrolling (clipping) ancestor that ends inside it. A string,
 * as tsx would wrap a function's inner helpers in a __name the page does not have.
 */
const OVERFLOW_SCRIPT = `(() => {
  const width = window.innerWidth
  const problems = []
  const root = document.documentElement
  if (root.scrollWidth > width) problems.push('document scrollWidth ' + root.scrollWidth + ' > ' + width)
  const isClipped = (element) => {
    for (let parent = element.parentElement; parent !== null && parent !== document.body; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflowX !== 'visible' && parent.getBoundingClientRect().right <= width + 1) return true
    }
    return false
  }
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect()
    if (box.width === 0 || box.height === 0 || box.right <= width + 1) continue
    const style = getComputedStyle(element)
    if (style.visibility === 'hidden' || style.display === 'none' || isClipped(element)) continue
    const cls = typeof element.className === 'string' && element.className.trim() ? '.' + element.className.trim().split(/\\s+/).join('.') : ''
    problems.push(element.tagName.toLowerCase() + cls + ' right ' + Math.round(box.right) + ' > ' + width)
    if (problems.length > 8) break
  }
  return problems
})()`

async function settle(page: Page): Promise<void> {
  await page.locator('main').waitFor()
  // Charts animate and lazy views load: let them finish before measuring.
  await page.waitForTimeout(900)
}

describe('layouts at 390, 1024, 1366 and 1920 wide: nothing overflows the viewport', () => {
  const app = startAppForSuite()

  it('总览, 项目, 录入, 会议, 导入导出 and 设置 fit every width (screenshots in e2e/artifacts/layouts)', async () => {
    mkdirSync(SHOTS, { recursive: true })
    const context = await app.browser.newContext({ viewport: SIZES[2], locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(new URL('#/', app.url).href)
    // The demo department loads on the first visit; its first project gives the 项目 page.
    await waitForExpression(page, `document.querySelector('a[href^="#/project/"]') !== null`, 20_000)
    const projectHref = (await page.locator('a[href^="#/project/"]').first().getAttribute('href')) ?? ''
    await page.goto(new URL('#/entry', app.url).href)
    await page.getByTestId('actor-skip').click()

    const pages = [
      { name: 'overview', path: '/' },
      { name: 'project', path: projectHref.slice(1) },
      { name: 'entry', path: '/entry' },
      { name: 'meeting', path: '/meeting' },
      { name: 'data', path: '/data' },
      { name: 'settings', path: '/settings' },
    ]
    const failures: string[] = []
    for (const size of SIZES) {
      await page.setViewportSize(size)
      for (const { name, path } of pages) {
        await page.goto(new URL(`#${path}`, app.url).href)
        await settle(page)
        await page.screenshot({ path: resolve(SHOTS, `${size.width}-${name}.png`), fullPage: true })
        const problems = await page.evaluate<string[]>(OVERFLOW_SCRIPT)
        if (problems.length > 0) failures.push(`${size.width} ${name}: ${problems.join('; ')}`)
      }
    }
    assert.deepEqual(failures, [])
    assert.deepEqual([...pageErrors(page)], [])
    await context.close()
  })

  it('1366×768: every entry column is on screen with the side panel collapsed, and the panel opens and closes', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(new URL('#/entry', app.url).href)
    await page.getByTestId('actor-skip').click()
    await page.locator('[data-test="entry-grid"] tbody tr').first().waitFor()
    // Narrower than 1600 px the panel starts collapsed: the grid needs no sideways scrolling at all.
    await page.getByTestId('side-open').waitFor()
    const fits = `(() => { const wrap = document.querySelector('.entry-grid-wrap'); const heads = [...document.querySelectorAll('[data-test="entry-grid"] thead th')];
      return wrap.scrollWidth <= wrap.clientWidth && heads.every((th) => th.getBoundingClientRect().right <= window.innerWidth) })()`
    assert.equal(await page.evaluate<boolean>(fits), true, 'all columns visible, 指标 3 included')
    assert.match((await page.locator('[data-test="entry-grid"] thead th').last().textContent()) ?? '', /指标 3/)
    await page.getByTestId('side-open').click()
    await page.getByRole('tab', { name: '监控说明' }).waitFor()
    assert.deepEqual(await page.evaluate<string[]>(OVERFLOW_SCRIPT), [])
    await page.getByTestId('side-close').click()
    await page.getByTestId('side-open').waitFor()
    await context.close()
  })

  it('390×844: the navigation is a menu, entry is one card per project, the chart axis labels do not collide', async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', hasTouch: true })
    const page = await context.newPage()
    await page.goto(new URL('#/', app.url).href)
    await page.getByTestId('comparison-row').first().waitFor()
    const ticks = await page.evaluate<{ left: number; right: number }[]>(
      `[...document.querySelectorAll('.comparison .tick')].map((t) => { const b = t.getBoundingClientRect(); return { left: b.left, right: b.right } })`,
    )
    ticks.slice(1).forEach((tick, i) => assert.ok(tick.left >= ticks[i]!.right, `axis labels ${i} and ${i + 1} apart`))

    assert.equal(await page.locator('.app-nav-link').first().isVisible(), false)
    await page.getByTestId('nav-toggle').click()
    await page.getByRole('link', { name: '录入' }).click()
    await page.getByTestId('actor-skip').click()
    assert.equal(await page.locator('.app-nav-link').first().isVisible(), false, 'the menu closes once a page is chosen')
    const rows = page.locator('[data-test="entry-grid"] tbody tr')
    await rows.first().waitFor()
    const cards = await page.evaluate<number[]>(`[...document.querySelectorAll('[data-test="entry-grid"] tbody tr')].map((r) => r.getBoundingClientRect().width)`)
    assert.ok(cards.length >= 5 && cards.every((w) => w > 300 && w <= 390), `cards ${cards.join(', ')} px wide`)
    // Typing into a card saves as on the desktop grid.
    await page.locator('input[data-pos="0:0"]').fill('0.33')
    await page.locator('input[data-pos="0:0"]').press('Enter')
    await page.locator('[data-test="save-status"][data-phase="saved"]').waitFor()
    await context.close()
  })
})
