import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import OverviewView from './views/OverviewView.vue'

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'overview', component: OverviewView, meta: { title: '总览' } },
  { path: '/entry', name: 'entry', component: () => import('./views/EntryView.vue'), meta: { title: '录入' } },
  { path: '/meeting', name: 'meeting', component: () => import('./views/MeetingView.vue'), meta: { title: '会议' } },
  { path: '/data', name: 'data', component: () => import('./views/DataView.vue'), meta: { title: '导入导出' } },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue'), meta: { title: '设置' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue'), meta: { title: '页面不存在' } },
]

// Hash history: the app is a static bundle that may be opened from any path or file share.
export const router = createRouter({ history: createWebHashHistory(), routes })

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? '')} · 预算绩效监控`
})
