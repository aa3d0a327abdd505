/**
 * The option type of our charts: only the series and components registered in ../setup.ts.
 * Type-only imports, so option builders stay pure and load no ECharts code.
 */
import type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts'
import type {
  AriaComponentOption,
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  ToolboxComponentOption,
  TooltipComponentOption,
} from 'echarts/components'
import type { ComposeOption } from 'echarts/core'

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | AriaComponentOption
  | DataZoomComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | ToolboxComponentOption
  | TooltipComponentOption
>

/** Where a chart is shown: a desk screen, a wall projector, or a printed A4 page. */
export type ChartVariant = 'screen' | 'projector' | 'print'

export type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption }
