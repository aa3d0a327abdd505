import { describe, expect, it } from 'vitest'
import { buildSubmissionPackage, parseSubmission, readSubmissionPackage, sha256Hex, type SubmissionDocument } from '../../src/schema/submission'
import { ENGINES, roundDocument, useLoggedInServer, type Harness } from './support'

function documentFor(code: string, month = 7): SubmissionDocument {
  const parsed = parseSubmission(roundDocument(code, 2026, month))
  if (!parsed.ok) throw new Error('fixture invalid')
  return parsed.value
}

describe('offline package format', () => {
  it('carries the document text and the SHA-256 of its bytes, and reads back the same document', async () => {
    const document = documentFor('315002')
    const file = await buildSubmissionPackage(document)
    const header = JSON.parse(file)
    expect(header).toMatchObject({ kind: '预算绩效监控报送文件', packageVersion: 1, formatVersion: 1, department: document.department, year: 2026, month: 7 })
    expect(header.sha256).toBe(await sha256Hex(header.submission))
    expect(await readSubmissionPackage(file)).toEqual({ ok: true, submission: document, sha256: header.sha256 })
  })

  it('refuses the file when any single byte is changed', async () => {
    const file = Buffer.from(await buildSubmissionPackage(documentFor('315002')), 'utf8')
    const accepted: number[] = []
    for (let position = 0; position < file.length; position++) {
      const changed = Buffer.from(file)
      changed[position] = changed[position]! ^ 0x01
      const read = await readSubmissionPackage(changed.toString('utf8'))
      if (read.ok) accepted.push(position)
    }
    expect(accepted).toEqual([])
  })

  it.each([
    ['not JSON', (file: string) => file.slice(0, -10), '报送文件已损坏：不是完整的 JSON 文件。请让部门重新导出报送文件。'],
    ['a changed figure', (file: string) => file.replace('150000', '150001'), '报送文件校验失败：内容与 SHA-256 校验值不一致，文件在传递中被改动或损坏。请让部门重新导出报送文件，不要手工修改。'],
    ['another file kind', (file: string) => file.replace('预算绩效监控报送文件', '别的文件'), '报送文件格式不正确。'],
    ['a changed cover', (file: string) => file.replace('"month":7', '"month":8'), '报送文件的封面信息（部门、年度、月份或版本）与报送内容不一致，文件可能被改动。'],
  ])('explains %s in Chinese', async (_name, change, message) => {
    const read = await readSubmissionPackage(change(await buildSubmissionPackage(documentFor('315002'))))
    expect(read).toMatchObject({ ok: false, message })
  })
})

describe.each(ENGINES)('uploading offline packages on %s', (engine) => {
  let h: Harness
  let bureau: string
  let department: string
  useLoggedInServer(engine, {}, (server) => ({ h, bureau, department } = server))

  const upload = (cookie: string, file: string) =>
    h.app.inject({ method: 'POST', url: '/api/packages', headers: { cookie, 'content-type': 'application/octet-stream' }, payload: file })

  it('records an uploaded package as the department\'s next revision with its checksum', async () => {
    const file = await buildSubmissionPackage(documentFor('315002'))
    const response = await upload(bureau, file)
    expect(response.statusCode).toBe(201)
    const { sha256 } = JSON.parse(file)
    expect(response.json().submission).toMatchObject({ department: { code: '315002' }, revision: 1, state: 'submitted', source: 'package', sha256, submittedBy: 'admin' })
    const round = await h.call('GET', '/api/departments/315002/rounds/2026/7', { cookie: department })
    expect(round.json().actions).toMatchObject([{ label: '上传报送文件', actor: 'admin', note: `SHA-256 ${sha256}` }])
    const read = await h.call('GET', `/api/submissions/${response.json().submission.id}`, { cookie: department })
    expect(read.json().submission.content).toEqual(documentFor('315002').content)
  })

  it('accepts the package sent as application/json too', async () => {
    const file = await buildSubmissionPackage(documentFor('315002'))
    const response = await h.app.inject({ method: 'POST', url: '/api/packages', headers: { cookie: bureau, 'content-type': 'application/json' }, payload: file })
    expect(response.statusCode).toBe(201)
  })

  it('refuses a package with a changed byte, saying so in Chinese, and stores nothing', async () => {
    const file = (await buildSubmissionPackage(documentFor('315002'))).replace('法律援助经费', '法律援助经费X')
    const response = await upload(bureau, file)
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ error: 'PACKAGE_INVALID', message: expect.stringContaining('SHA-256 校验值不一致') })
    const listed = await h.call('GET', '/api/submissions', { cookie: bureau })
    expect(listed.json().submissions).toEqual([])
  })

  it('refuses a package of an unregistered department', async () => {
    const response = await upload(bureau, await buildSubmissionPackage(documentFor('999001')))
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toBe('报送文件的部门编码“999001”（部门999001）尚未在本系统登记，请先添加该部门。')
  })

  it('follows the same rules as online submission: approved rounds are final', async () => {
    const file = await buildSubmissionPackage(documentFor('315002'))
    const id = (await upload(bureau, file)).json().submission.id
    await h.call('POST', `/api/submissions/${id}/approve`, { cookie: bureau })
    const again = await upload(bureau, file)
    expect(again.statusCode).toBe(409)
    expect(again.json().error).toBe('ROUND_APPROVED')
  })

  it('is for the bureau only', async () => {
    const response = await upload(department, await buildSubmissionPackage(documentFor('315002')))
    expect(response.statusCode).toBe(403)
  })
})
