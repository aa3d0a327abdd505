/**
 * First-route JS: every script the browser requests for `/` until the network is idle, on a
 * fresh profile (first visit, the demo being loaded) and again in the same profile (returning),
 * summed as gzip bytes (zlib level 9, as a static server would precompress them).
 * Only the page's own requests are counted (a script the service worker answers from its cache
 * counts too); the service worker's background precache is its own traffic, not the page's.
 *
 * Usage: `npm run build` (or `npx vite build`), then `npx tsx bench/firstRoute.ts [runs]`.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium, type BrowserContext } from 'playwright-core'
import { preview } from 'vite'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']

interface Visit {
  readonly scripts: number
  readonly gzipBytes: number
  readonly names: readonly string[]
}

async function visit(context: BrowserContext, url: string): Promise<Visit> {
  const page = await context.newPage()
  const pending: Promise<{ name: string; bytes: number } | null>[] = []
  page.on('response', (response) => {
    const request = response.request()
    if (request.resourceType() !== 'script') return
    pending.push(
      response
        .body()
        .then((body) => ({ name: new URL(response.url()).pathname, bytes: gzipSync(body, { level: 9 }).length }))
        .catch(() => null),
    )
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  // A chunk requested after a short quiet period (e.g. a chart after first paint) still counts.
  await page.waitForTimeout(1500)
  await page.waitForLoadState('networkidle')
  const results = (await Promise.all(pending)).filter((r): r is { name: string; bytes: number } => r !== null)
  await page.close()
  return {
    scripts: results.length,
    gzipBytes: results.reduce((sum, r) => sum + r.bytes, 0),
    names: results.map((r) => r.name),
  }
}

export interface FirstRoute {
  /** gzip bytes per run, first visit (fresh profile) and returning (same profile). */
  readonly first: readonly number[]
  readonly returning: readonly number[]
  /** Scripts of the last first visit. */
  readonly names: readonly string[]
}

/** Measures first-route JS of the app served at `origin` over `runs` fresh on-disk profiles. */
export async function measureFirstRoute(origin: string, runs: number): Promise<FirstRoute> {
  const url = `${origin}#/`
  const first: number[] = []
  const returning: number[] = []
  let names: readonly string[] = []
  for (let i = 0; i < runs; i += 1) {
    const profile = await mkdtemp(join(tmpdir(), 'bpm-first-route-'))
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS })
    const a = await visit(context, url)
    const b = await visit(context, url)
    first.push(a.gzipBytes)
    returning.push(b.gzipBytes)
    names = a.names
    await context.close()
    await rm(profile, { recursive: true, force: true })
  }
  return { first, returning, names }
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 3)
  const outDir = resolve(process.env.DIST_DIR ?? 'dist')
  const server = await preview({ build: { outDir }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' })
  const { first, returning, names } = await measureFirstRoute(server.resolvedUrls?.local[0] ?? '', runs)
  await server.close()
  const median = (xs: readonly number[]): number => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)] ?? 0
  const kb = (n: number): string => (n / 1000).toFixed(1)
  console.log(`scripts on first visit: ${names.join(', ')}`)
  console.log(`first-route JS (gzip, median of ${runs} runs): first visit ${kb(median(first))} kB, returning ${kb(median(returning))} kB`)
}

// Run as a script (`tsx bench/firstRoute.ts`); imported by bench/browser.ts, it only exports.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
