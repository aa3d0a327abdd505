import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, type Component } from 'vue'

// The chart chunk, loaded when the test says so.
let settle: { resolve: (component: Component) => void; reject: (error: Error) => void } = { resolve: () => undefined, reject: () => undefined }
vi.mock('@/charts/loadChart', () => ({
  loadChartComponent: () => new Promise<Component>((resolve, reject) => (settle = { resolve, reject })),
}))

const { default: ChartCanvas } = await import('@/components/chart/ChartCanvas.vue')
const StandIn = defineComponent(() => () => h('div', { class: 'stand-in-chart' }))

describe('ChartCanvas while ECharts loads', () => {
  it('holds the chart’s place at its height, and draws it once loaded', async () => {
    const wrapper = mount(ChartCanvas, { props: { option: {}, label: '执行进度图', height: '400px' } })
    expect(wrapper.get('figure').attributes('style')).toBe('height: 400px;')
    expect(wrapper.find('.stand-in-chart').exists()).toBe(false)
    settle.resolve(StandIn)
    await flushPromises()
    expect(wrapper.find('.stand-in-chart').exists()).toBe(true)
    expect(wrapper.get('figure').attributes('role')).toBe('img')
    wrapper.unmount()
  })

  it('says so in the chart’s place when the chunk cannot be loaded', async () => {
    const wrapper = mount(ChartCanvas, { props: { option: {}, label: '执行进度图' } })
    settle.reject(new Error('Failed to fetch dynamically imported module'))
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe('图表未能加载，请检查网络后刷新页面。')
    wrapper.unmount()
  })
})
