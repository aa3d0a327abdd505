import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { account, presence } from '@/api/session'
import type { Account, Inquiry } from '@/api/types'
import SubmissionAccountMenu from '@/components/submission/SubmissionAccountMenu.vue'
import SubmissionInquiryItem from '@/components/submission/SubmissionInquiryItem.vue'
import SubmissionRoundControl from '@/components/submission/SubmissionRoundControl.vue'
import { db } from '@/db/database'
import { markDelivered, enqueueSubmission } from '@/db/outboxRepository'

const global = { stubs: { RouterLink: RouterLinkStub } }
const DEPARTMENT: Account = { id: 2, login: 'sfj', role: 'department', department: { id: 1, code: '315002', name: '司法局' } }
const BUREAU: Account = { id: 1, login: 'admin', role: 'bureau', department: null }

describe('SubmissionAccountMenu', () => {
  it.each([
    ['no server: nothing in the header', 'absent', null, ''],
    ['a server, nobody logged in: the login link', 'present', null, '登录财政局服务器'],
    ['a department: its name, its 报送 page and 退出', 'present', DEPARTMENT, '报送与审核意见司法局 · sfj退出'],
    ['the bureau: 报送情况', 'present', BUREAU, '报送情况财政局 · admin退出'],
  ] as const)('%s', (_, serverPresence, who, shown) => {
    const wrapper = mount(SubmissionAccountMenu, { props: { presence: serverPresence, account: who }, global })
    expect(wrapper.text().replace(/\s+/g, '')).toBe(shown.replace(/\s+/g, ''))
  })

  it('asks to log out', async () => {
    const wrapper = mount(SubmissionAccountMenu, { props: { presence: 'present', account: DEPARTMENT }, global })
    await wrapper.get('[data-test="logout"]').trigger('click')
    expect(wrapper.emitted('logout')).toHaveLength(1)
  })
})

const INQUIRY: Inquiry = {
  id: 7, submissionId: 3, revision: 2, year: 2020, month: 7, target: { projectId: 'p', indicatorId: null },
  question: '执行率偏低的原因？', state: 'open', askedBy: 'admin', askedAt: '2020-08-06T01:00:00Z',
  answer: null, answeredBy: null, answeredAt: null, closeNote: null, closedBy: null, closedAt: null,
}

describe('SubmissionInquiryItem', () => {
  it('lets the department answer an open 问询, sending the trimmed text', async () => {
    const wrapper = mount(SubmissionInquiryItem, { props: { inquiry: INQUIRY, targetLabel: '法律援助经费', canAnswer: true, canClose: false, isBusy: false } })
    expect(wrapper.text()).toContain('待答复')
    expect(wrapper.text()).toContain('问询 · 法律援助经费')
    expect(wrapper.find('[data-test="inquiry-close"]').exists()).toBe(false)
    await wrapper.get('textarea').setValue('  下半年集中开展。 ')
    await wrapper.get('[data-test="inquiry-answer-send"]').trigger('click')
    expect(wrapper.emitted('answer')).toEqual([[7, '下半年集中开展。']])
  })

  it('shows the answer with who and when, and offers the bureau to close it', async () => {
    const answered: Inquiry = { ...INQUIRY, state: 'answered', answer: '下半年集中开展。', answeredBy: 'sfj', answeredAt: '2020-08-07T01:00:00Z' }
    const wrapper = mount(SubmissionInquiryItem, { props: { inquiry: answered, targetLabel: '法律援助经费', canAnswer: true, canClose: true, isBusy: false } })
    expect(wrapper.get('[data-test="inquiry-answer"]').text()).toMatch(/答复：下半年集中开展。 sfj · 2020\/8\/7/)
    expect(wrapper.find('textarea').exists()).toBe(false)
    await wrapper.get('[data-test="inquiry-close"]').trigger('click')
    expect(wrapper.emitted('close')).toEqual([[7]])
  })
})

describe('SubmissionRoundControl', () => {
  afterEach(async () => {
    await db.outbox.clear()
    await db.monthLocks.clear()
    presence.value = 'checking'
    account.value = null
  })
  const mountControl = async () => {
    const wrapper = mount(SubmissionRoundControl, { props: { year: 2020, departmentCode: '315002', month: 7 }, global })
    // liveQuery answers after IndexedDB does.
    for (let i = 0; i < 10; i++) await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 50))
    return wrapper
  }
  const lock = () => db.monthLocks.add({ year: 2020, departmentCode: '315002', month: 7, lockedAt: '2020-08-05T00:00:00Z', lockedBy: '王会计' })

  it('shows nothing on a month not 已报送', async () => {
    presence.value = 'present'
    account.value = DEPARTMENT
    expect((await mountControl()).find('[data-test="submission-control"]').exists()).toBe(false)
  })

  it.each([
    ['no server: says so calmly, offers the package file', 'absent', null, '未连接财政局服务器', false],
    ['not logged in: offers to log in', 'present', null, '登录后可报送到财政局', false],
    ['another department logged in: refuses', 'present', { ...DEPARTMENT, department: { id: 9, code: '999', name: '教育局' } }, '当前登录的是“教育局”，不是本部门', false],
    ['this department logged in: 报送到财政局', 'present', DEPARTMENT, '', true],
  ] as const)('on a 已报送 month with %s', async (_, serverPresence, who, blocker, canSubmit) => {
    await lock()
    presence.value = serverPresence
    account.value = who
    const wrapper = await mountControl()
    expect(wrapper.find('[data-test="submission-blocker"]').exists() ? wrapper.get('[data-test="submission-blocker"]').text() : '').toBe(blocker)
    expect(wrapper.find('[data-test="submit-round"]').exists()).toBe(canSubmit)
    expect(wrapper.find('[data-test="export-package"]').exists()).toBe(true)
  })

  it('shows the outbox state, and no second 报送 while it awaits review', async () => {
    await lock()
    presence.value = 'absent'
    const id = await enqueueSubmission({ formatVersion: 1, department: { code: '315002', name: '司法局' }, year: 2020, month: 7, reportedAt: '2020-08-05T00:00:00Z', content: {} }, new Date())
    let wrapper = await mountControl()
    expect(wrapper.get('[data-test="submission-state"]').text()).toBe('财政局：待发送')
    await markDelivered(id, { id: 5, revision: 1 }, new Date())
    wrapper = await mountControl()
    expect(wrapper.get('[data-test="submission-state"]').text()).toBe('财政局：已送达 · 第 1 版')
    expect(wrapper.find('[data-test="submit-round"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="submission-blocker"]').exists()).toBe(false)
  })
})
