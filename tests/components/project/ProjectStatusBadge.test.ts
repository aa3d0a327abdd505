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
  ])('writes %s out in words and as a shape, not colour alone', (status, text, symbol) => {
    const wrapper = mount(ProjectStatusBadge, { props: { status } })
    expect(wrapper.text()).toContain(text)
    expect(wrapper.classes()).toContain(`is-${status}`)
    expect(wrapper.attributes('data-status')).toBe(status)
    // The shape survives grey-scale print; it is decorative, the words carry the meaning for screen readers.
    expect(wrapper.find('[aria-hidden="true"]').text()).toBe(symbol)
  })

  it('updates when the status changes', async () => {
    const wrapper = mount(ProjectStatusBadge, { props: { status: 'green' as Status } })
    await wrapper.setProps({ status: 'red' })
    expect(wrapper.text()).toContain('红·滞后')
    expect(wrapper.classes()).toContain('is-red')
  })
})
