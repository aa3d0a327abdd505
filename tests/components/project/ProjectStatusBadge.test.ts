import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ProjectStatusBadge from '@/components/project/ProjectStatusBadge.vue'
import type { Status } from '@/domain/types'

describe('ProjectStatusBadge', () => {
  it.each<[Status, string]>([
    ['red', '红·滞后'],
    ['yellow', '黄·关注'],
    ['green', '绿·正常'],
    ['unreported', '未填报'],
  ])('writes %s out in words and exposes it for styling and tests', (status, text) => {
    const wrapper = mount(ProjectStatusBadge, { props: { status } })
    expect(wrapper.text()).toContain(text)
    expect(wrapper.attributes('data-status')).toBe(status)
    // The shape is decorative; the words carry the meaning for screen readers.
    expect(wrapper.find('[aria-hidden="true"]').exists()).toBe(true)
  })

  it('updates when the status changes', async () => {
    const wrapper = mount(ProjectStatusBadge, { props: { status: 'green' as Status } })
    await wrapper.setProps({ status: 'red' })
    expect(wrapper.text()).toContain('红·滞后')
    expect(wrapper.classes()).toContain('is-red')
  })
})
