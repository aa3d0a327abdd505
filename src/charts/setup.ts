/**
 * Registers the ECharts modules our charts use, once, so the bundle holds only these
 * (https://echarts.apache.org/handbook/en/basics/import#shrinking-bundle-size).
 * Import this module before rendering a chart; ./options/types.ts lists the same set.
 */
import { BarChart, LineChart, ScatterChart } from 'echarts/charts'
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
} from 'echarts/components'
import { use } from 'echarts/core'
// The SVG renderer is for print: vector output stays sharp in a PDF and is never blank.
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'

use([
  BarChart,
  LineChart,
  ScatterChart,
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
  CanvasRenderer,
  SVGRenderer,
])
