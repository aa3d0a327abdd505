import { shallowMount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ChartCanvas from '@/components/chart/ChartCanvas.vue'
import ChartIndicatorTargets from '@/components/chart/ChartIndicatorTargets.vue'
import ChartSpendCurve from '@/components/chart/ChartSpendCurve.vue'
import { buildProjectSpendCurve } from '@/domain/spendCurve'
import { demoEvaluations, demoItem } from '../../charts/demoFixture'

const { project, spending } = demoItem('315-0403-JBN-QFV8')
const curve = buildProjectSpendCurve(project, spending, 7)

describe('chart components', () => {
  it('passes the built option and a fixed height to the canvas, per variant', async () => {
    const wrapper = shallowMount(ChartSpendCurve, { props: { curve, title: project.name, variant: 'print', height: '280px' } })
    const canvas = wrapper.findComponent(ChartCanvas)
    expect(canvas.props('variant')).toBe('print')
    expect(canvas.props('height')).toBe('280px')
    expect(canvas.props('option').animation).toBe(false)
    expect(canvas.props('label')).toContain('截至7月')
    await wrapper.setProps({ variant: 'projector', height: undefined })
    expect(wrapper.findComponent(ChartCanvas).props('height')).toBe('70vh')
  })

  it('grows the indicator chart with the number of indicators', () => {
    const indicators = demoEvaluations(7)[0]!.indicators
    const wrapper = shallowMount(ChartIndicatorTargets, { props: { indicators } })
    expect(wrapper.findComponent(ChartCanvas).props('height')).toBe(`${120 + 3 * 44}px`)
  })
})
