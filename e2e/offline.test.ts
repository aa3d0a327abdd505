import assert from 'node:assert/strict'
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser } from 'playwright-core'
import { builtAppDir, launchChromium, startPreview, waitForExpression, type PreviewUnderTest } from './support'

/**
 * Offline: the service worker precaches the built app on the first visit. page.setOffline does
 * not cut the service worker's own fetches, so the server itself is stopped.
 */
describe('offline: the app opens with its data after the server is gone', () => {
  let browser: Browser
  let server: PreviewUnderTest | null = null
  before(async () => {
    browser = await launchChromium()
    server = await startPreview()
  })
  after(async () => {
    await server?.close()
    await browser?.close()
  })

  it('visit once, service worker in control, server stopped, reload: the demo is there', async () => {
    assert.ok(server)
    const url = server.url
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))

    await page.goto(url)
    await page.locator('[data-test="project-table"] tbody tr').nth(4).waitFor()
    // Installed and activated (everything precached), then in control of this page after a reload.
    const scriptUrl = await page.evaluate(`navigator.serviceWorker.ready.then((r) => r.active.scriptURL)`)
    assert.equal(scriptUrl, new URL('sw.js', url).href)
    await page.reload()
    await waitForExpression(page, `navigator.serviceWorker.controller !== null`)
    const manifest = await page.evaluate<{ name: string; icons: unknown[] }>(`fetch('/manifest.webmanifest').then((r) => r.json())`)
    assert.equal(manifest.name, '预算绩效监控')
    assert.ok(manifest.icons.length > 0)

    await server.close()
    server = null
    await assert.rejects(fetch(url), 'the server is really down')

    await page.reload()
    await page.locator('[data-test="project-table"] tbody tr').nth(4).waitFor()
    assert.equal(await page.getByTestId('total-budget').textContent(), '21.05')
    assert.match((await page.locator('tr[data-project="315-0404-JBN-FLC6"]').textContent()) ?? '', /法律援助经费/)

    // Lazily loaded pages come from the precache too: the entry grid and the data page.
    await page.goto(new URL('#/entry?m=7', url).href)
    await page.getByText('法律援助经费').first().waitFor()
    await page.goto(new URL('#/data', url).href)
    await page.getByTestId('backup-download').waitFor()
    assert.deepEqual(errors, [])
    await context.close()
  })
})

describe('a new version: 有新版本 · 刷新', () => {
  let browser: Browser
  let server: PreviewUnderTest
  // A copy of the build, so a "new version" can be deployed over it.
  const dir = mkdtempSync(join(tmpdir(), 'bpm-update-'))
  before(async () => {
    cpSync(builtAppDir(), dir, { recursive: true })
    browser = await launchChromium()
    server = await startPreview(dir)
  })
  after(async () => {
    await server?.close()
    await browser?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('waits for the user, then 刷新 switches to the new version', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(server.url)
    await page.locator('[data-test="project-table"] tbody tr').nth(4).waitFor()
    await page.evaluate(`navigator.serviceWorker.ready`)
    assert.equal(await page.getByTestId('update-prompt').count(), 0, 'no prompt on the first visit')

    // Deploy: a service worker that differs by one byte is a new version to the browser.
    appendFileSync(join(dir, 'sw.js'), '\n// next release\n')
    await page.reload()
    const prompt = page.getByTestId('update-prompt')
    await prompt.waitFor()
    assert.match((await prompt.textContent()) ?? '', /有新版本 ·\s*刷新/)
    const before = await page.evaluate<string>(`navigator.serviceWorker.controller.scriptURL`)

    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: '刷新' }).click()])
    await page.locator('[data-test="project-table"] tbody tr').nth(4).waitFor()
    assert.equal(await page.getByTestId('update-prompt').count(), 0)
    const waiting = await page.evaluate<boolean>(`navigator.serviceWorker.getRegistration().then((r) => r.waiting !== null)`)
    assert.equal(waiting, false, 'the new version is the one in control')
    assert.equal(await page.evaluate<string>(`navigator.serviceWorker.controller.scriptURL`), before)
    await context.close()
  })
})
