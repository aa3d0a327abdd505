import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import OverviewView from './views/OverviewView.vue'

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'overview', component: OverviewView, meta: { title: '总览' } },
  { path: '/project/:projectId', name: 'project', component: () => import('./views/ProjectView.vue'), meta: { title: '项目' } },
  { path: '/department', name: 'department', component: () => import('./views/DepartmentView.vue'), meta: { title: '部门整体' } },
  { path: '/entry', name: 'entry', component: () => import('./views/EntryView.vue'), meta: { title: '录入' } },
  { path: '/entry/project/:projectId', name: 'entry-project', component: () => import('./views/EntryProjectView.vue'), meta: { title: '项目全年录入' } },
  { path: '/meeting', name: 'meeting', component: () => import('./views/MeetingView.vue'), meta: { title: '会议' } },
  { path: '/meeting/present', name: 'meeting-present', component: () => import('./views/MeetingPresentView.vue'), meta: { title: '会议演示' } },
  { path: '/meeting/print', name: 'meeting-print', component: () => import('./views/MeetingPrintView.vue'), meta: { title: '会议简报' } },
  { path: '/projects', name: 'projects', component: () => import('./views/ProjectRegisterView.vue'), meta: { title: '项目管理' } },
  { path: '/data', name: 'data', component: () => import('./views/DataView.vue'), meta: { title: '导入导出' } },
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { title: '登录财政局服务器' } },
  { path: '/submissions', name: 'submissions', component: () => import('./views/SubmissionListView.vue'), meta: { title: '报送与审核意见', needsLogin: true } },
  { path: '/bureau', name: 'bureau', component: () => import('./views/BureauStatusView.vue'), meta: { title: '报送情况', needsLogin: true } },
  { path: '/bureau/submission/:id', name: 'bureau-submission', component: () => import('./views/BureauSubmissionView.vue'), meta: { title: '审核报送', needsLogin: true } },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue'), meta: { title: '设置' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue'), meta: { title: '页面不存在' } },
]

// Hash history: the app is a static bundle that may be opened from any path or file share.
export const router = createRouter({ history: createWebHashHistory(), routes })

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? '')} · 预算绩效监控`
})
