import { shallowRef } from 'vue'
import { exportBackup, restoreBackup } from '@/db/backupRepository'
import { reviewRestoreRounds, type RestoreRoundItem, type RestoreRoundsMode } from '@/db/restoreRounds'
import { getSettings } from '@/db/settingsRepository'
import { describeError } from '@/db/storageErrors'
import { backupFileName, createBackupFile, type BackupFile, type BackupSummary, type BackupValidation } from '@/schema/backupFile'

export type { RestoreRoundItem, RestoreRoundsMode }

/** A backup file read and validated, waiting for the user's confirmation. */
export interface RestoreReview {
  readonly fileName: string
  readonly backup: BackupFile
  readonly summary: BackupSummary
  /** The 已报送 months the restore touches and what it does to each */
  readonly rounds: readonly RestoreRoundItem[]
}

export type BackupMessage = { readonly kind: 'success' | 'error'; readonly text: string }

/** What a long read or restore is doing, for DataImportProgress. */
export interface BackupProgress {
  readonly fileName: string
  readonly stage: string
}

const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(1)

/** A file's bytes, reported read as they arrive (ReadableStream's reader: async iteration is not in every browser yet). */
async function* bytesOf(file: File, onRead: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader()
  let read = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      read += value.byteLength
      onRead(read)
      yield value
    }
  } finally {
    reader.releaseLock()
  }
}

/** Offers a file to the browser's downloads. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** 备份 (download every table as one JSON file) and 恢复 (validate, review, replace all in one transaction). */
export function useBackup() {
  const isBusy = shallowRef(false)
  const review = shallowRef<RestoreReview | null>(null)
  const message = shallowRef<BackupMessage | null>(null)
  const progress = shallowRef<BackupProgress | null>(null)

  const run = async (action: () => Promise<void>) => {
    isBusy.value = true
    message.value = null
    try {
      await action()
    } finally {
      isBusy.value = false
    }
  }

  const createBackup = () =>
    run(async () => {
      try {
        const snapshot = await exportBackup()
        const now = new Date()
        const fileName = backupFileName(now)
        download(JSON.stringify(createBackupFile(snapshot.tables, snapshot.extraTables, now)), fileName)
        const { projects, spending, indicatorValues } = snapshot.tables
        message.value = {
          kind: 'success',
          text: `已下载 ${fileName}：${projects.length} 个项目，${spending.length + indicatorValues.length} 条月度数据。请把它存到本机以外的地方（如单位网盘或 U 盘）。`,
        }
      } catch (cause) {
        message.value = { kind: 'error', text: `备份失败：${describeError(cause)}` }
      }
    })

  const chooseRestoreFile = (file: File) =>
    run(async () => {
      review.value = null
      let validation: BackupValidation
      const total = megabytes(file.size)
      progress.value = { fileName: file.name, stage: `正在读取并检查（0 / ${total} MB）…` }
      try {
        // The validator (valibot and every record schema) is loaded only when a file is restored.
        const [{ readBackupChunks }, { decodeUtf8Chunks }] = await Promise.all([import('@/schema/backup'), import('@/schema/jsonStream')])
        // Read in chunks, never as one text: a bureau's file of a million rows stays within the page's memory.
        const bytes = bytesOf(file, (read) => (progress.value = { fileName: file.name, stage: `正在读取并检查（${megabytes(read)} / ${total} MB）…` }))
        validation = await readBackupChunks(decodeUtf8Chunks(bytes))
      } catch (cause) {
        const reason = cause instanceof Error ? cause.message : String(cause)
        message.value = { kind: 'error', text: `无法读取备份文件（${reason}）。请刷新页面后重试；未写入任何数据。` }
        return
      } finally {
        progress.value = null
      }
      if (!validation.ok) {
        message.value = { kind: 'error', text: validation.error }
        return
      }
      let rounds: RestoreRoundItem[]
      try {
        rounds = reviewRestoreRounds((await exportBackup()).tables, validation.backup.tables)
      } catch (cause) {
        message.value = { kind: 'error', text: `无法读取当前的已报送月份（${describeError(cause)}），未写入任何数据。` }
        return
      }
      review.value = { fileName: file.name, backup: validation.backup, summary: validation.summary, rounds }
    })

  /** Restores the reviewed file; `mode` says whether 已报送 months stay as they are here (keep, the default). */
  const confirmRestore = (mode: RestoreRoundsMode = 'keep') =>
    run(async () => {
      const current = review.value
      if (!current) return
      try {
        const actor = (await getSettings()).actor || '恢复备份'
        const show = (written: number, count: number) => {
          const percent = count === 0 ? 100 : Math.floor((written / count) * 100)
          progress.value = { fileName: current.fileName, stage: `正在恢复：已写入 ${written.toLocaleString('zh-CN')} / ${count.toLocaleString('zh-CN')} 条记录（${percent}%）` }
        }
        progress.value = { fileName: current.fileName, stage: '正在恢复：清空当前数据…' }
        await restoreBackup({ tables: current.backup.tables, extraTables: current.backup.extraTables }, undefined, { mode, actor }, (p) => show(p.rowsWritten, p.rowCount))
        review.value = null
        message.value = {
          kind: 'success',
          text: `已从 ${current.fileName} 恢复：${current.summary.projectCount} 个项目，${current.summary.entryCount} 条月度数据。`,
        }
      } catch (cause) {
        message.value = {
          kind: 'error',
          text: `恢复失败，当前数据未作任何改动：${describeError(cause)}`,
        }
      } finally {
        progress.value = null
      }
    })

  const cancelRestore = () => {
    review.value = null
  }

  return { isBusy, review, message, progress, createBackup, chooseRestoreFile, confirmRestore, cancelRestore }
}
