import type { Component } from 'vue'

let loading: Promise<Component> | null = null

/** The chart component (vue-echarts with ECharts registered), loaded once; a failed load is tried again next time. */
export function loadChartComponent(): Promise<Component> {
  loading ??= import('./echarts').then(
    (module) => module.default as Component,
    (error: unknown) => {
      loading = null
      throw error
    },
  )
  return loading
}
