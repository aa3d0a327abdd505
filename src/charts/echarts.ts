/**
 * ECharts with the modules our charts use (./setup.ts) and its Vue component, in a chunk of its
 * own: loaded when the first chart mounts (loadChart.ts), so a page reads and draws its figures
 * while ECharts is fetched and compiled.
 */
import './setup'

export { default } from 'vue-echarts'
