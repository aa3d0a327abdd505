import { mount, RouterLinkStub } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import OverviewProjectList from '@/components/overview/OverviewProjectList.vue'
import { DEFAULT_TABLE_QUERY, type ProjectTableQuery } from '@/domain/projectTable'
import { evaluateProject } from '@/domain'
import { DEMO_ITEMS, demoEvaluations } from '../../charts/demoFixture'

const JULY = demoEvaluations(7)
const COUNTS = { red: 2, yellow: 2, green: 1, unreported: 0 }

function mountList(query: ProjectTableQuery = DEFAULT_TABLE_QUERY, evaluations = JULY, pageSize = 50) {
  const wrapper = mount(OverviewProjectList, {
    props: {
      evaluations,
      counts: COUNTS,
      linkQuery: { m: '7' },
      pageSize,
      query,
      'onUpdate:query': (q: ProjectTableQuery) => wrapper.setProps({ query: q }),
    },
    global: { stubs: { RouterLink: RouterLinkStub } },
  })
  return wrapper
}

const shownNames = (wrapper: ReturnType<typeof mountList>) =>
  wrapper.findAll('tbody tr').map((tr) => tr.find('[data-test="project-link"]').text())

describe('OverviewProjectList', () => {
  it('shows 未填报, not 0.00, as 执行数 of a project with nothing entered in 1..m', () => {
    const blankCode = DEMO_ITEMS[0]!.project.code
    const evaluations = JULY.map((e) => (e.project.code === blankCode ? evaluateProject({ ...DEMO_ITEMS[0]!, spending: [], note: null }, 7) : e))
    const wrapper = mountList(DEFAULT_TABLE_QUERY, evaluations)
    const row = wrapper.find(`tr[data-project="${blankCode}"]`)
    expect(row.find('[data-test="executed"]').text()).toBe('未填报')
    expect(row.find('[data-test="rate"]').text()).toBe('—')
    // A project that did enter keeps its amount.
    const other = wrapper.find(`tr[data-project="${JULY[1]!.project.code}"]`)
    expect(other.find('[data-test="executed"]').text()).toMatch(/^\d+\.\d{2}$/)
  })

  it('lists lagging projects first with status as text and lagging rows highlighted', () => {
    const wrapper = mountList()
    expect(shownNames(wrapper)).toEqual(['法制工作专项经费', '依法治区及普法宣传经费', '人民调解员补贴', '社区矫正经费', '法律援助经费'])
    const first = wrapper.find('tbody tr')
    expect(first.classes()).toContain('row-red')
    expect(first.find('[data-test="status"]').text()).toContain('红·滞后')
    expect(first.find('[data-test="rate"]').text()).toBe('20.0%')
    expect(first.find('[data-test="deviation"]').text()).toBe('−30.0')
    expect(first.find('[data-test="indicators"]').text()).toContain('2/3 达标')
  })

  it('sorts by a column when its header is clicked, and reverses on a second click', async () => {
    const wrapper = mountList()
    await wrapper.find('[data-test="sort-executionRate"]').trigger('click')
    expect(shownNames(wrapper)).toEqual(['法制工作专项经费', '依法治区及普法宣传经费', '人民调解员补贴', '法律援助经费', '社区矫正经费'])
    expect(wrapper.find('th[aria-sort="ascending"]').text()).toContain('执行率')
    await wrapper.find('[data-test="sort-executionRate"]').trigger('click')
    expect(shownNames(wrapper)[0]).toBe('社区矫正经费')
    expect(wrapper.find('th[aria-sort="descending"]').exists()).toBe(true)
  })

  it('filters by status chips and by name, and resets to the default', async () => {
    const wrapper = mountList()
    await wrapper.find('[data-test="filter-yellow"]').trigger('click')
    expect(shownNames(wrapper)).toEqual(['人民调解员补贴', '社区矫正经费'])
    expect(wrapper.text()).toContain('显示 2 / 5 个项目')
    await wrapper.find('[data-test="filter-text"]').setValue('矫正')
    expect(shownNames(wrapper)).toEqual(['社区矫正经费'])
    await wrapper.find('[data-test="filter-reset"]').trigger('click')
    expect(shownNames(wrapper)).toHaveLength(5)
  })

  it('names the 未填报 chip after what it counts: projects whose status is 未填报', () => {
    const chip = mountList().find('[data-test="filter-unreported"]')
    expect(chip.text().replace(/\s+/g, '')).toBe('未填报项目0')
    expect(chip.attributes('title')).toContain('项目状态')
  })

  it('says so when nothing matches', async () => {
    const wrapper = mountList({ ...DEFAULT_TABLE_QUERY, text: '不存在的项目' })
    expect(wrapper.findAll('tbody tr')).toHaveLength(0)
    expect(wrapper.text()).toContain('没有符合筛选条件的项目')
  })

  it('renders one page of rows, not the whole list', () => {
    const many = Array.from({ length: 30 }, () => JULY).flat()
    const wrapper = mountList(DEFAULT_TABLE_QUERY, many, 50)
    expect(wrapper.findAll('tbody tr')).toHaveLength(50)
    expect(wrapper.find('[data-test="pager"]').exists()).toBe(true)
  })

  it('links each project to its page keeping the overview query', () => {
    const wrapper = mountList()
    const link = wrapper.findComponent(RouterLinkStub)
    expect(link.props('to')).toEqual({
      name: 'project',
      params: { projectId: '2020/315002/315-0403-JBN-QFV8' },
      query: { m: '7' },
    })
  })
})
