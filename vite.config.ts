import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { defineConfig, type Plugin, type PluginOption } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

/**
 * The built app's Content-Security-Policy. Scripts only from the origin (no inline script, no
 * eval); inline styles because ECharts tooltips and Element Plus set style attributes; the app
 * talks to nothing but the origin serving it. No data:/blob: source is needed: downloads (the
 * .xlsx form, backups, ECharts' 保存为图片 PNG) are <a download> clicks on blob:/data: URLs,
 * which CSP does not govern, and the print view draws charts as inline SVG (e2e/csp.test.ts).
 * A meta policy cannot carry frame-ancestors. https://developer.mozilla.org/docs/Web/HTTP/CSP
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ')

/** Puts the policy first in the built index.html (the dev server, with its HMR client, has none). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'bpm:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  }
}

/**
 * Service worker precaching the whole built app, so it opens offline and can be installed.
 * `prompt`: a new version waits until the user clicks 刷新 (src/composables/useAppUpdate.ts);
 * registration is imported from virtual:pwa-register, so nothing is inlined into the HTML.
 * https://vite-pwa-org.netlify.app/guide/
 */
function offlineApp(): PluginOption {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    includeAssets: ['favicon.svg'],
    manifest: {
      name: '预算绩效监控',
      short_name: '绩效监控',
      description: '部门预算项目年中绩效运行监控：支出进度与绩效目标双监控',
      lang: 'zh-CN',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#12324f',
      background_color: '#ffffff',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      // Every chunk, lazy ones too (exceljs for the .xlsx export is about 0.9 MB).
      globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
    },
    devOptions: { enabled: false },
  })
}

// Unit tests run on this config: they need neither the service worker nor the policy.
const isVitest = process.env.VITEST !== undefined

// https://vite.dev/config/
export default defineConfig({
  plugins: [
    vue(),
    // Element Plus components are resolved on demand (with their CSS); our own
    // components are always imported explicitly so lint can check the layers.
    Components({
      dirs: [],
      dts: false,
      resolvers: [ElementPlusResolver()],
    }),
    ...(isVitest ? [] : [offlineApp(), contentSecurityPolicy()]),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { host: '127.0.0.1' },
})
