// Submissions and review: each operation checks the actor's rights and the workflow, then writes
// the change and its log entry in one transaction, under the department's row lock.
import { createHash } from 'node:crypto'
import type { SubmissionDocument } from '../../src/schema/submission'
import type { Database } from '../db/database'
import { conflict, forbidden, invalid, notFound } from '../http/errors'
import type { Account } from '../repositories/accounts'
import { insertAction, listRoundActions } from '../repositories/actions'
import {
  countUnclosedInquiries, findInquiry, insertInquiry, listRoundInquiries, lockInquiry, updateInquiryAnswer, updateInquiryClosed,
} from '../repositories/inquiries'
import { isUniqueViolation } from '../repositories/rows'
import {
  findSubmission, findSubmissionSummary, insertSubmission, listSubmissions, lockAndFindLatestRevision, updateSubmissionState,
  type Submission, type SubmissionSummary,
} from '../repositories/submissions'
import { findInquiryTarget } from './contentTargets'
import { decideAnswer, decideClose, decideReview, decideSubmit, type Decision } from './workflow'

function orRefuse<T>(decision: Decision<T>): T {
  if (!decision.ok) throw conflict(decision.code, decision.message)
  return decision.value
}

/** Throws 403 unless the actor is the bureau or the department that owns the data. */
export function assertCanRead(actor: Account, departmentId: number): void {
  if (actor.role === 'bureau') return
  if (actor.department?.id !== departmentId) throw forbidden()
}

export interface SubmitInput {
  readonly document: SubmissionDocument
  readonly department: { readonly id: number; readonly code: string; readonly name: string }
  readonly sha256: string | null
  readonly source: 'online' | 'package'
}

/** Stores a round document as the next revision; refuses while one waits for review or after approval. */
export async function submitRound(db: Database, actor: Account, input: SubmitInput, now: Date): Promise<SubmissionSummary> {
  const { document, department } = input
  const sha256 = input.sha256 ?? createHash('sha256').update(JSON.stringify(document)).digest('hex')
  try {
    return await db.transaction(async (tx) => {
      const latest = await lockAndFindLatestRevision(tx, department.id, document.year, document.month)
      const revision = orRefuse(decideSubmit(latest))
      const inserted = await insertSubmission(tx, {
        departmentId: department.id, year: document.year, month: document.month, revision, formatVersion: document.formatVersion,
        departmentName: document.department.name, reportedAt: document.reportedAt, contentJson: JSON.stringify(document.content), sha256,
        source: input.source, submittedBy: actor.id, submittedAt: now,
      }, { action: input.source === 'package' ? 'upload_package' : 'submit', note: input.source === 'package' ? `SHA-256 ${sha256}` : null })
      return {
        id: inserted.id, department, year: document.year, month: document.month, revision, state: 'submitted' as const,
        formatVersion: document.formatVersion, reportedAt: inserted.reportedAt, sha256, source: input.source,
        submittedBy: actor.login, submittedAt: now.toISOString(),
      }
    })
  } catch (error) {
    // Two submissions racing past the lock on different connections still meet the unique key.
    if (isUniqueViolation(error)) throw conflict('ROUND_PENDING', '本月刚刚已有一份报送，请刷新后查看。')
    throw error
  }
}

/** A revision the actor may read, or 404/403. */
export async function getSubmission(db: Database, actor: Account, id: number): Promise<Submission> {
  const submission = await findSubmission(db, id)
  if (!submission) throw notFound('没有这份报送')
  assertCanRead(actor, submission.department.id)
  return submission
}

/** 审核通过 or 退回 (with a reason) of the latest revision. */
export async function reviewSubmission(db: Database, actor: Account, id: number, action: 'approve' | 'return', reason: string | null, now: Date): Promise<SubmissionSummary> {
  const submission = await findSubmissionSummary(db, id)
  if (!submission) throw notFound('没有这份报送')
  assertCanRead(actor, submission.department.id)
  const { department, year, month } = submission
  await db.transaction(async (tx) => {
    const latest = (await lockAndFindLatestRevision(tx, department.id, year, month))!
    const current = (await findSubmissionSummary(tx, id))!
    const unclosed = await countUnclosedInquiries(tx, department.id, year, month)
    orRefuse(decideReview(action, current, latest.revision, unclosed))
    await updateSubmissionState(tx, id, action === 'approve' ? 'approved' : 'returned')
    await insertAction(tx, { departmentId: department.id, year, month, submissionId: id, inquiryId: null, action, actorId: actor.id, at: now, note: reason })
  })
  return (await findSubmissionSummary(db, id))!
}

/** 问询 on a project (or one of its indicators) of the latest revision. */
export async function askInquiry(db: Database, actor: Account, submissionId: number,
  target: { projectId: string; indicatorId: string | null }, question: string, now: Date): Promise<number> {
  const submission = await getSubmission(db, actor, submissionId)
  const found = findInquiryTarget(submission.content, target.projectId, target.indicatorId)
  if (!found) {
    throw invalid(target.indicatorId === null
      ? `本次报送中没有编号为“${target.projectId}”的项目`
      : `本次报送的项目“${target.projectId}”中没有编号为“${target.indicatorId}”的指标`)
  }
  const { department, year, month } = submission
  return db.transaction(async (tx) => {
    const latest = (await lockAndFindLatestRevision(tx, department.id, year, month))!
    const current = (await findSubmissionSummary(tx, submissionId))!
    orRefuse(decideReview('ask', current, latest.revision, 0))
    const inquiryId = await insertInquiry(tx, submissionId, target.projectId, target.indicatorId, question, actor.id, now)
    await insertAction(tx, { departmentId: department.id, year, month, submissionId, inquiryId, action: 'ask', actorId: actor.id, at: now, note: `${found.label}：${question}` })
    return inquiryId
  })
}

/** The department answers (answer) or the bureau closes (close) an inquiry. */
export async function progressInquiry(db: Database, actor: Account, inquiryId: number, step: 'answer' | 'close', text: string | null, now: Date): Promise<void> {
  const inquiry = await findInquiry(db, inquiryId)
  if (!inquiry) throw notFound('没有这条问询')
  assertCanRead(actor, inquiry.departmentId)
  await db.transaction(async (tx) => {
    await lockInquiry(tx, inquiryId)
    const current = (await findInquiry(tx, inquiryId))!
    if (step === 'answer') {
      orRefuse(decideAnswer(current.state))
      await updateInquiryAnswer(tx, inquiryId, text ?? '', actor.id, now)
    } else {
      orRefuse(decideClose(current.state))
      await updateInquiryClosed(tx, inquiryId, text, actor.id, now)
    }
    await insertAction(tx, {
      departmentId: inquiry.departmentId, year: inquiry.year, month: inquiry.month, submissionId: inquiry.submissionId,
      inquiryId, action: step === 'answer' ? 'answer' : 'close_inquiry', actorId: actor.id, at: now, note: text,
    })
  })
}

/** Everything about a department's round the actor may see: revisions, inquiries and the log. */
export async function getRound(db: Database, actor: Account, departmentId: number, year: number, month: number) {
  assertCanRead(actor, departmentId)
  const [revisions, inquiries, actions] = await Promise.all([
    listSubmissions(db, { departmentId, year, month }),
    listRoundInquiries(db, departmentId, year, month),
    listRoundActions(db, departmentId, year, month),
  ])
  return { year, month, revisions, inquiries, actions }
}
