import { chromium } from 'playwright-core'
import { preview } from 'vite'
const server = await preview({ build: { outDir: '/work/prof/dist' }, preview: { host: '127.0.0.1', port: 4791, strictPort: true }, logLevel: 'warn' })
const context = await chromium.launchPersistentContext('/work/prof/p10k', { executablePath: '/usr/bin/chromium', headless: true, serviceWorkers: 'block',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
const page = await context.newPage()
await page.goto('http://127.0.0.1:4791/#/settings')
await page.waitForTimeout(2000)
const r = await page.evaluate(async (code) => { return await (new Function('return (async () => {' + code + '})()'))() }, process.argv[2]!)
console.log(JSON.stringify(r, null, 1))
await context.close(); await server.close()
