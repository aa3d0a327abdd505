import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { computed, defineComponent, h, nextTick } from 'vue'
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router'
import { SEARCH_DEBOUNCE_MS, useScope, type Scope } from '@/composables/useScope'
import { DEFAULT_TABLE_QUERY } from '@/domain/projectTable'
import type { Month } from '@/domain/types'

let scope: Scope
const Page = defineComponent({
  setup() {
    scope = useScope()
    return () => h('div')
  },
})

let router: Router
let wrapper: ReturnType<typeof mount> | null = null

/** Mounts the app shell at `path` with a real router on an in-memory history. */
async function open(path: string): Promise<void> {
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Page },
      { path: '/project/:projectId', component: Page },
    ],
  })
  await router.push(path)
  await router.isReady()
  wrapper = mount(RouterView, { global: { plugins: [router] } })
}

/** Resolves after the router finished its next navigation (pushes, replaces and Back alike). */
function nextNavigation(): Promise<void> {
  return new Promise((resolve) => {
    const stop = router.afterEach(() => {
      stop()
      resolve()
    })
  })
}

async function back(): Promise<void> {
  const done = nextNavigation()
  router.back()
  await done
  await nextTick()
}

/** The current URL's query as a plain record. */
const query = () => ({ ...router.currentRoute.value.query })

/** Scope-bar models with fixed defaults, as a view builds them from its data. */
function bar(defaults: { year?: number; month?: Month } = {}) {
  return scope.models({ year: computed(() => defaults.year ?? 2020), month: computed(() => defaults.month ?? 7) })
}

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.useRealTimers()
})

describe('useScope reads the route', () => {
  it('reads year, department, month, sort, statuses, text and page from the query', async () => {
    await open('/?y=2021&d=201001&m=8&sort=deviation.desc&st=red,yellow&q=%E6%B3%95%E5%BE%8B&p=2')
    expect(scope.year.value).toBe(2021)
    expect(scope.departmentCode.value).toBe('201001')
    expect(scope.month.value).toBe(8)
    expect(scope.table.value).toEqual({ sortKey: 'deviation', direction: 'desc', statuses: ['red', 'yellow'], text: '法律' })
    expect(scope.page.value).toBe(2)
  })

  it.each([
    ['nothing chosen', '/'],
    ['values out of range or malformed', '/?y=20x1&m=13&d=&sort=nonsense.desc&st=purple&p=0'],
    ['a month of 0 and a negative page', '/?m=0&p=-3'],
  ])('falls back to the defaults for %s', async (_label, path) => {
    await open(path)
    expect(scope.year.value).toBeNull()
    expect(scope.departmentCode.value).toBeNull()
    expect(scope.month.value).toBeNull()
    expect(scope.table.value).toEqual(DEFAULT_TABLE_QUERY)
    expect(scope.page.value).toBe(1)
  })

  it('follows the route when the URL changes (a link, Back)', async () => {
    await open('/?m=3')
    await router.push('/?m=5&d=315002')
    expect(scope.month.value).toBe(5)
    expect(scope.departmentCode.value).toBe('315002')
  })

  it('shows the effective values (defaults) in the scope bar until the user chooses', async () => {
    await open('/')
    const models = bar({ year: 2020, month: 7 })
    expect(models.year.value).toBe(2020)
    expect(models.month.value).toBe(7)
    expect(models.departmentCode.value).toBeNull()
  })
})

describe('useScope writes the route', () => {
  it('writes only the choice, keeps the rest of the query and stays on the page', async () => {
    await open('/project/2020%2F315002%2FX?y=2020&sort=code.asc&other=kept')
    const models = bar()
    models.month.value = 3
    await nextNavigation()
    expect(router.currentRoute.value.path).toBe('/project/2020%2F315002%2FX')
    expect(query()).toEqual({ y: '2020', sort: 'code.asc', other: 'kept', m: '3' })
  })

  it('removes a parameter set back to its default: all departments, default sort, no statuses', async () => {
    await open('/?d=315002&sort=name.desc&st=red&p=3')
    bar().departmentCode.value = null
    await nextNavigation()
    expect(query()).toEqual({ sort: 'name.desc', st: 'red' })
    scope.table.value = DEFAULT_TABLE_QUERY
    await nextNavigation()
    expect(query()).toEqual({})
  })

  it.each([
    ['drops a department without projects in the new year', 2021, {}],
    ['keeps a department that has projects in the new year', 2020, { d: '315002' }],
  ])('choosing a year %s', async (_label, year, kept) => {
    await open('/?d=315002&y=2019')
    const inYear: Record<number, string[]> = { 2019: ['315002'], 2020: ['315002', '315003'], 2021: ['315003'] }
    const models = scope.models({
      month: computed(() => 7 as Month),
      departmentsInYear: (y) => (inYear[y] ?? []).map((code) => ({ code })),
    })
    models.year.value = year
    await nextNavigation()
    expect(query()).toEqual({ ...kept, y: String(year) })
  })

  it('starts the table at its first page when year, department, sort or filter change, not the month', async () => {
    await open('/?p=4')
    bar().month.value = 2
    await nextNavigation()
    expect(query()).toEqual({ p: '4', m: '2' })
    bar().year.value = 2019
    await nextNavigation()
    expect(query()).toEqual({ m: '2', y: '2019' })
    scope.page.value = 3
    await nextNavigation()
    scope.table.value = { ...scope.table.value, statuses: ['red'] }
    await nextNavigation()
    expect(query()).toEqual({ m: '2', y: '2019', st: 'red' })
  })

  it('keeps both of two choices made in the same tick', async () => {
    await open('/')
    const models = bar()
    models.year.value = 2021
    models.month.value = 9
    await nextNavigation()
    await nextNavigation()
    expect(query()).toEqual({ y: '2021', m: '9' })
  })
})

describe('useScope: push for choices, replace for typing; Back undoes a choice', () => {
  it('Back undoes department, month, sort, status filter and page changes one at a time', async () => {
    await open('/?m=7')
    const models = bar()
    models.departmentCode.value = '315002'
    await nextNavigation()
    models.month.value = 3
    await nextNavigation()
    scope.table.value = { ...scope.table.value, sortKey: 'deviation', direction: 'desc' }
    await nextNavigation()
    scope.table.value = { ...scope.table.value, statuses: ['yellow'] }
    await nextNavigation()
    scope.page.value = 2
    await nextNavigation()
    expect(query()).toEqual({ m: '3', d: '315002', sort: 'deviation.desc', st: 'yellow', p: '2' })

    await back()
    expect(scope.page.value).toBe(1)
    await back()
    expect(scope.table.value.statuses).toEqual([])
    await back()
    expect(scope.table.value.sortKey).toBe('lagging')
    await back()
    expect(scope.month.value).toBe(7)
    await back()
    expect(scope.departmentCode.value).toBeNull()
    expect(query()).toEqual({ m: '7' })
  })

  it('typing shows the text at once, writes it once after a pause, and replaces the entry', async () => {
    vi.useFakeTimers()
    await open('/?m=7')
    bar().month.value = 3
    await nextNavigation()

    for (const text of ['法', '法律', '法律援']) {
      scope.table.value = { ...scope.table.value, text }
      await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS / 3)
    }
    expect(scope.table.value.text).toBe('法律援')
    expect(query()).toEqual({ m: '3' }) // still typing: nothing written yet
    expect(scope.query.value).toEqual({ m: '3', q: '法律援' }) // links from the page carry it

    const written = nextNavigation()
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS)
    await written
    expect(query()).toEqual({ m: '3', q: '法律援' })

    // The text replaced the m=3 entry instead of adding one: Back lands before the month choice.
    await back()
    expect(query()).toEqual({ m: '7' })
    expect(scope.table.value.text).toBe('')
  })

  it('a choice made while typing takes the typed text with it', async () => {
    vi.useFakeTimers()
    await open('/')
    scope.table.value = { ...scope.table.value, text: '普法' }
    scope.table.value = { ...scope.table.value, statuses: ['red'] }
    await nextNavigation()
    expect(query()).toEqual({ q: '普法', st: 'red' })
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS * 2)
    expect(query()).toEqual({ q: '普法', st: 'red' })
    await back()
    expect(query()).toEqual({})
  })

  it('Back while typing drops the unwritten text instead of writing it into the earlier entry', async () => {
    vi.useFakeTimers()
    await open('/?m=7')
    bar().month.value = 4
    await nextNavigation()
    scope.table.value = { ...scope.table.value, text: '调解' }
    await back()
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS * 2)
    expect(query()).toEqual({ m: '7' })
    expect(scope.table.value.text).toBe('')
  })

  it('leaving the page while typing does not write the text into the next page', async () => {
    vi.useFakeTimers()
    await open('/')
    scope.table.value = { ...scope.table.value, text: '矫正' }
    await router.push('/project/2020%2F315002%2FX?m=7')
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS * 2)
    expect(router.currentRoute.value.fullPath).toBe('/project/2020%2F315002%2FX?m=7')
  })
})
