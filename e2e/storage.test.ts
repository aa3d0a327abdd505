import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { openPage, startAppForSuite } from './support'

describe('browser storage: failures in Chinese, usage on 导入导出', () => {
  const app = startAppForSuite()

  it('shows a full-page Chinese message when IndexedDB is unavailable', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    // As in a browser with storage disabled: no IndexedDB at all.
    await context.addInitScript(`delete window.indexedDB; Object.defineProperty(window, 'indexedDB', { value: undefined })`)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(app.url)
    const failure = page.getByTestId('storage-failure')
    await failure.waitFor()
    assert.equal(await failure.locator('h2').textContent(), '无法使用浏览器存储')
    const text = (await failure.textContent()) ?? ''
    assert.match(text, /无痕（隐私）窗口/)
    assert.match(text, /怎么办：请在普通窗口中打开/)
    // The raw Dexie text is kept for support, folded away; none of it is in the message.
    assert.equal(await failure.locator('details').getAttribute('open'), null)
    assert.match((await failure.locator('details code').textContent()) ?? '', /MissingAPIError/)
    assert.doesNotMatch(await failure.locator('section > p').allInnerTexts().then((t) => t.join('')), /MissingAPIError|tinyurl/)
    assert.equal(await page.getByTestId('project-table').count(), 0, 'the app itself is not shown')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('shows how much is stored and whether it is persistent on 导入导出', async () => {
    const page = await openPage(app)
    await page.getByTestId('demo-banner').waitFor()
    await page.goto(new URL('#/data', app.url).href)
    const usage = page.getByTestId('storage-usage')
    await usage.waitFor()
    assert.match((await usage.textContent()) ?? '', /^已用 [\d.]+ (B|KB|MB)，浏览器允许本网站使用约 [\d.]+ (MB|GB|TB)$/)
    assert.match((await page.getByTestId('storage-persistence').textContent()) ?? '', /持久保存/)
    await page.context().close()
  })
})
