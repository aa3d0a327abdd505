import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { after, before } from 'node:test'
import { chromium, selectors, type Browser, type Page } from 'playwright-core'
import { preview, type PreviewServer } from 'vite'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Flags for a headless Chromium on a machine without network or GPU. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export interface AppUnderTest {
  readonly url: string
  readonly browser: Browser
  close(): Promise<void>
}

// Our components mark what tests look for with data-test="…".
selectors.setTestIdAttribute('data-test')

export interface PreviewUnderTest {
  readonly url: string
  /** Stops serving: open connections are cut, so only a service worker can still answer. */
  close(): Promise<void>
}

/** Serves the built app (`dir`, else DIST_DIR, else dist/) on 127.0.0.1 with `vite preview`. */
export async function startPreview(dir?: string): Promise<PreviewUnderTest> {
  // DIST_DIR lets several builds be tested side by side (vite build --outDir …).
  const outDir = resolve(dir ?? builtAppDir())
  if (!existsSync(resolve(outDir, 'index.html'))) throw new Error(`${outDir} is missing: run \`npx vite build\` first.`)
  const server: PreviewServer = await preview({
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not report its address')
  return { url, close: () => server.close() }
}

/** The built app under test: DIST_DIR, else dist/. */
export function builtAppDir(): string {
  return resolve(process.env.DIST_DIR ?? 'dist')
}

/** Launches the system Chromium headless. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\` ` +
        '(or point CHROMIUM_PATH at a Chromium binary). 未找到 Chromium，请先安装。',
    )
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
}

/** Serves the built app (dist/) on 127.0.0.1 and launches the system Chromium. */
export async function startApp(): Promise<AppUnderTest> {
  const browser = await launchChromium()
  const server = await startPreview().catch(async (error: unknown) => {
    await browser.close()
    throw error
  })
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close()
      await server.close()
    },
  }
}

/**
 * Starts the app before the enclosing describe's tests and closes it after them. The returned
 * handle reads the running app, so it is only usable inside the tests (after `before` ran).
 */
export function startAppForSuite(): AppUnderTest {
  let app: AppUnderTest | undefined
  before(async () => {
    app = await startApp()
  })
  after(async () => {
    await app?.close()
  })
  const running = (): AppUnderTest => {
    if (!app) throw new Error('the app is not running: use it inside a test')
    return app
  }
  return {
    get url() {
      return running().url
    },
    get browser() {
      return running().browser
    },
    close: () => running().close(),
  }
}

/** Opens a page in a fresh context (its own empty IndexedDB) at 1366×768, failing on page errors. */
export async function openPage(app: AppUnderTest, path = '/'): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  Object.defineProperty(page, 'collectedErrors', { value: errors })
  await page.goto(new URL(`#${path}`, app.url).href)
  return page
}

/** Errors the page logged so far (uncaught exceptions and console.error). */
export function pageErrors(page: Page): readonly string[] {
  return (page as Page & { collectedErrors?: string[] }).collectedErrors ?? []
}

/**
 * Waits until `expression` is true in the page. page.waitForFunction evaluates its predicate
 * with eval, which the app's Content-Security-Policy refuses; page.evaluate is not affected.
 */
export async function waitForExpression(page: Page, expression: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await page.evaluate<boolean>(`Boolean(${expression})`))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`)
    await new Promise((done) => setTimeout(done, 50))
  }
}
