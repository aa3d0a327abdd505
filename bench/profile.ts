/**
 * Profiling aid (not a benchmark): the CPU profile of one in-app navigation in a built app.
 *   npx tsx bench/profile.ts <dist> <profileDir> <backup.json|-> '<#/route>' <condition> [arg]
 * Serves <dist> on 127.0.0.1:4791 (fixed: IndexedDB belongs to the origin, so the profile's data
 * stays), opens the on-disk <profileDir>, restores the backup file through 导入导出 unless '-',
 * visits the hashes in PRE (comma-separated, PRE_WAIT ms each, default 4000), then navigates to
 * the route and waits for the benchmark's condition (browserInPage.ts: overview, entry <rows>,
 * agenda, charts; `changed <selector>`: its text changes). Prints the time, the longest task and self and inclusive CPU time per
 * function (build with `--minify false` for names); writes <profileDir>.cpuprofile for DevTools.
 */
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { chromium, selectors } from 'playwright-core'
import { preview } from 'vite'
import { IN_PAGE_SCRIPT } from './browserInPage'

selectors.setTestIdAttribute('data-test')
const [dist, profileDir, backup, hash, condition, arg] = process.argv.slice(2)
const server = await preview({ build: { outDir: resolve(dist!) }, preview: { host: '127.0.0.1', port: 4791, strictPort: true }, logLevel: 'warn' })
const origin = server.resolvedUrls?.local[0] ?? ''
const context = await chromium.launchPersistentContext(profileDir!, {
  executablePath: '/usr/bin/chromium', headless: true,
  // A kept profile's service worker would serve the previous build's files.
  serviceWorkers: 'block', viewport: { width: 1366, height: 768 }, locale: 'zh-CN',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
await context.addInitScript(IN_PAGE_SCRIPT)
const page = await context.newPage()
page.on('dialog', (d) => void d.accept())
page.on('pageerror', (e) => console.error('page error', e.message))
await page.goto(`${origin}#/settings`)
await page.getByRole('heading', { name: '设置' }).first().waitFor({ timeout: 300000 })
if (backup !== '-') {
  await page.evaluate(() => (location.hash = '#/data'))
  await page.getByTestId('restore-file-input').setInputFiles(backup!)
  await page.getByTestId('restore-review').waitFor({ timeout: 300000 })
  await page.getByTestId('restore-understood').click()
  await page.getByTestId('restore-confirm').click()
  await page.getByTestId('backup-message').filter({ hasText: '已从' }).waitFor({ timeout: 600000 })
  console.log('restored')
  // RESTORE_WAIT ms on the data page after the restore (the benchmark navigates at once).
  await page.waitForTimeout(Number(process.env.RESTORE_WAIT ?? 3000))
}
if (process.env.PRE) {
  for (const pre of process.env.PRE.split(',')) {
    await page.evaluate((h) => (location.hash = h), pre)
    await page.waitForTimeout(Number(process.env.PRE_WAIT ?? 4000))
  }
}
const cdp = await context.newCDPSession(page)
await cdp.send('Profiler.enable')
await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
// 'changed <selector>': until the selector's text differs from what it shows now.
const armed = condition === 'changed' ? JSON.stringify([arg, await page.locator(arg!).first().textContent()]) : arg
await page.evaluate(([c, a]) => window.__bench.arm(c ?? '', a === undefined ? null : JSON.parse(a), 120_000), [condition, armed] as const)
await cdp.send('Profiler.start')
const start = await page.evaluate((h) => { const s = performance.now(); location.hash = h; return s }, hash!)
const end = await page.evaluate(() => window.__bench.pending).catch(async (error: unknown) => {
  await page.screenshot({ path: `${resolve(profileDir!)}-failed.png` })
  throw error
})
const { profile } = await cdp.send('Profiler.stop')
const longest = await page.evaluate(([a, b]) => window.__bench.longest(a, b), [start, end] as const)
console.log(`elapsed ${(end - start).toFixed(0)} ms, longest task ${longest.toFixed(0)} ms`)
await writeFile(`${resolve(profileDir!)}.cpuprofile`, JSON.stringify(profile))
// Self time per function.
const self = new Map<number, number>()
const dt = profile.timeDeltas ?? []
profile.samples?.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)))
const byFn = new Map<string, number>()
for (const node of profile.nodes) {
  const f = node.callFrame
  const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
  byFn.set(key, (byFn.get(key) ?? 0) + (self.get(node.id) ?? 0))
}
// Total (inclusive) time per function.
const children = new Map(profile.nodes.map((n) => [n.id, n.children ?? []]))
const total = new Map<number, number>()
const totalOf = (id: number): number => { if (total.has(id)) return total.get(id)!; const t = (self.get(id) ?? 0) + (children.get(id) ?? []).reduce((s, c) => s + totalOf(c), 0); total.set(id, t); return t }
const incl = new Map<string, number>()
for (const node of profile.nodes) {
  const f = node.callFrame
  const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
  incl.set(key, Math.max(incl.get(key) ?? 0, totalOf(node.id)))
}
console.log('--- self ms')
for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((v / 1000).toFixed(1).padStart(8), k)
console.log('--- inclusive ms (max per node)')
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log((v / 1000).toFixed(1).padStart(8), k)
await context.close()
await server.close()
