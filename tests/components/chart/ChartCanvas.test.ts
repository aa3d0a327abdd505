import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'

// ECharts itself does not draw in happy-dom: a stand-in that says when it was mounted.
const drawn: string[] = []
vi.mock('@/charts/setup', () => ({}))
vi.mock('vue-echarts', () => ({
  default: defineComponent({
    props: { option: { type: Object, required: true } },
    setup(props) {
      drawn.push(String((props.option as { title?: { text?: string } }).title?.text))
      return () => h('div', { class: 'stand-in-chart' })
    },
  }),
}))

const { default: ChartCanvas } = await import('@/components/chart/ChartCanvas.vue')
// ECharts' chunk once loaded (ChartCanvasLoading.test.ts: before it is).
await (await import('@/charts/loadChart')).loadChartComponent()

/** Runs the next task (one timer) and what it leaves for the microtask queue. */
async function nextTask(): Promise<void> {
  await flushPromises()
  vi.advanceTimersToNextTimer()
  await flushPromises()
}

describe('ChartCanvas', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    drawn.length = 0
  })
  afterEach(async () => {
    // Every turn given out comes (the next test starts with none waiting).
    await vi.runAllTimersAsync()
    vi.useRealTimers()
  })

  it('draws the first chart of a page with it, and each other one in a task of its own', async () => {
    const Page = defineComponent(() => () =>
      h('div', ['一', '二', '三'].map((text) => h(ChartCanvas, { option: { title: { text } }, label: text, height: '300px' }))),
    )
    const wrapper = mount(Page, { attachTo: document.body })
    await flushPromises()
    // The figures hold their place, each at its height, before their charts draw.
    expect(wrapper.findAll('figure').map((f) => f.attributes('style'))).toEqual(Array(3).fill('height: 300px;'))
    expect(drawn).toEqual(['一'])
    await nextTask()
    expect(drawn).toEqual(['一', '二'])
    await nextTask()
    expect(drawn).toEqual(['一', '二', '三'])
    expect(wrapper.findAll('.stand-in-chart')).toHaveLength(3)
    wrapper.unmount()
  })

  it('does not draw a chart whose page has gone before its turn, nor holds up the next one', async () => {
    const first = mount(ChartCanvas, { props: { option: { title: { text: '首页' } }, label: '首页' } })
    const gone = mount(ChartCanvas, { props: { option: { title: { text: '离开' } }, label: '离开' } })
    gone.unmount()
    const next = mount(ChartCanvas, { props: { option: { title: { text: '下一页' } }, label: '下一页' } })
    await flushPromises()
    expect(drawn).toEqual(['首页'])
    await nextTask()
    await nextTask()
    await nextTask()
    expect(drawn).toEqual(['首页', '下一页'])
    first.unmount()
    next.unmount()
  })

  it('draws a chart at once when no other is waiting', async () => {
    const one = mount(ChartCanvas, { props: { option: { title: { text: '一' } }, label: '一' } })
    await flushPromises()
    await nextTask()
    await nextTask()
    const later = mount(ChartCanvas, { props: { option: { title: { text: '稍后' } }, label: '稍后' } })
    await flushPromises()
    expect(drawn).toEqual(['一', '稍后'])
    one.unmount()
    later.unmount()
  })
})
