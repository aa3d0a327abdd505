// What the journeys against the real server share: the server on PGlite in a temp folder
// (serving the built app) with a bureau and one department account, browser profiles of their
// own, and the small page helpers those journeys use.
import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { buildApp } from '../server/app'
import { createBureauAccount, createDepartment } from '../server/auth/accounts'
import type { Database } from '../server/db/database'
import { openPglite } from '../server/db/pglite'
import { migrate } from '../server/db/migrate'
import { builtAppDir, launchChromium } from './support'

const COST = 4
export const BUREAU = { login: 'czj-admin', password: 'bureau-pass-2020' }
export const DEPARTMENT = { code: '315002', name: '秦皇岛市北戴河区司法局', login: 'sfj', password: 'sfj-pass-2020' }

export interface Running { url: string; browser: Browser; db: Database; app: FastifyInstance; dataDir: string }

/** The server on a fresh PGlite folder with the bureau and the department account, and a browser. */
export async function startServer(): Promise<Running> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bpm-e2e-'))
  const db = await openPglite(dataDir)
  await migrate(db)
  await createBureauAccount(db, BUREAU.login, BUREAU.password, COST)
  await createDepartment(db, DEPARTMENT, COST)
  const app = await buildApp({ db, staticDir: builtAppDir(), passwordCost: COST })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/`, browser: await launchChromium(), db, app, dataDir }
}

/** Closes the browser and the server and removes its data folder. */
export async function stopServer(running: Running | undefined): Promise<void> {
  await running?.browser.close()
  await running?.app.close()
  await running?.db.close()
  if (running) await rm(running.dataDir, { recursive: true, force: true })
}

/**
 * A fresh browser profile (its own IndexedDB and cookies) at 1366 wide. Chromium logs every 4xx
 * answer as a console error: those of `expectedStatuses` (the logged-out session check's 401, and
 * any refusal a journey provokes on purpose) are not collected as page errors.
 */
export async function openProfile(running: Running, path: string, expectedStatuses: readonly number[] = [401]): Promise<Page> {
  const context = await running.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true })
  const page = await context.newPage()
  const errors: string[] = []
  const expected = new RegExp(`status of (${expectedStatuses.join('|')}) `)
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected.test(message.text())) errors.push(message.text())
  })
  Object.defineProperty(page, 'collectedErrors', { value: errors })
  await page.goto(new URL(`#${path}`, running.url).href)
  return page
}

/** Opens an app page; the page it is on already is loaded again (a same-hash goto does nothing). */
export async function go(page: Page, running: Running, path: string): Promise<void> {
  const target = new URL(`#${path}`, running.url).href
  if (page.url() === target) await page.reload()
  else await page.goto(target)
}

/** The text box of an Element Plus input marked data-test (the mark lands on the input itself). */
export const field = (page: Page, testId: string) =>
  page.locator(`input[data-test="${testId}"], textarea[data-test="${testId}"], [data-test="${testId}"] input, [data-test="${testId}"] textarea`).first()

export async function logIn(page: Page, login: string, password: string): Promise<void> {
  await field(page, 'login-name').fill(login)
  await field(page, 'login-password').fill(password)
  await page.getByTestId('login-submit').click()
  await page.getByTestId('account-name').waitFor()
}

export const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim()

/** Waits (up to 20 s) until the first element marked `testId` reads `pattern`. */
export async function waitForText(page: Page, testId: string, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 20_000
  while (!pattern.test(await text(page, testId).catch(() => ''))) {
    if (Date.now() > deadline) throw new Error(`${testId} never matched ${pattern}: “${await text(page, testId).catch(() => '')}”`)
    await page.waitForTimeout(100)
  }
}
