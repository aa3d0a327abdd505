import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ProjectStatusBadge from '@/components/project/ProjectStatusBadge.vue'
import type { Status } from '@/domain/types'

describe('ProjectStatusBadge', () => {
  it.each<[Status, string, string]>([
    ['red', '红·滞后', '▼'],
    ['yellow', '黄·关注', '◆'],
    ['green', '绿·正常', '●'],
    ['unreported', '未填报', '○'],
  ])('shows %s as text and shape, not colour alone', (status, text, symbol) => {
    const wrapper = mount(ProjectStatusBadge, { props: { status } })
    expect(wrapper.text()).toContain(text)
    expect(wrapper.text()).toContain(symbol)
    expect(wrapper.classes()).toContain(`is-${status}`)
  })
})
