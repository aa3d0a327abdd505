import { afterEach, describe, expect, it } from 'vitest'
import { effectScope, watch } from 'vue'
import { useBackup } from '@/composables/useBackup'
import { exportBackup } from '@/db/backupRepository'
import { db } from '@/db/database'
import { importDocument } from '@/db/importRepository'
import { setSpending } from '@/db/actualsRepository'
import { createBackupFile } from '@/schema/backupFile'
import { sampleDocument } from '../db/factories'

afterEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
})

const A = '2021/201001/201-01-A'

async function backupText(edit: (file: { tables: Record<string, Record<string, unknown>[]> }) => void = () => {}): Promise<string> {
  const snapshot = await exportBackup()
  const file = JSON.parse(JSON.stringify(createBackupFile(snapshot.tables, snapshot.extraTables, new Date('2021-08-02T09:30:00+08:00'))))
  edit(file)
  return JSON.stringify(file)
}

describe('useBackup: restore', () => {
  it('reviews a valid file, then replaces the data only when confirmed', async () => {
    await importDocument(sampleDocument(), { fileName: 'a.docx', actor: '测试' })
    await setSpending(A, 3, 1_000_000, '测试')
    const text = await backupText()
    await setSpending(A, 3, 2_000_000, '测试')

    const scope = effectScope()
    const backup = scope.run(() => useBackup())!
    const stages: string[] = []
    scope.run(() => watch(backup.progress, (p) => void (p && stages.push(p.stage)), { flush: 'sync' }))
    await backup.chooseRestoreFile(new File([text], 'b.json'))
    // The file is read in chunks, its progress shown in MB; the progress line goes when the review shows.
    expect(stages[0]).toMatch(/^正在读取并检查（0 \/ 0\.0 MB）…$/)
    expect(backup.progress.value).toBeNull()
    expect(backup.message.value).toBeNull()
    expect(backup.review.value).toMatchObject({ fileName: 'b.json', summary: { projectCount: 2 } })
    expect((await db.spending.get([A, 3]))?.amount).toBe(2_000_000)

    stages.length = 0
    await backup.confirmRestore()
    expect(backup.message.value).toMatchObject({ kind: 'success', text: expect.stringContaining('已从 b.json 恢复：2 个项目') })
    expect(stages[0]).toBe('正在恢复：清空当前数据…')
    expect(stages.at(-1)).toMatch(/^正在恢复：已写入 (\d+) \/ \1 条记录（100%）$/)
    expect(backup.progress.value).toBeNull()
    expect((await db.spending.get([A, 3]))?.amount).toBe(1_000_000)
    scope.stop()
  })

  it('refuses a row the entry would refuse, saying where, and writes nothing', async () => {
    await importDocument(sampleDocument(), { fileName: 'a.docx', actor: '测试' })
    await setSpending(A, 3, 1_000_000, '测试')
    const text = await backupText((file) => {
      file.tables.spending![0]!.amount = -1
    })
    const scope = effectScope()
    const backup = scope.run(() => useBackup())!
    await backup.chooseRestoreFile(new File([text], 'b.json'))
    expect(backup.review.value).toBeNull()
    expect(backup.message.value).toEqual({
      kind: 'error',
      text: expect.stringMatching(/^备份文件无效：「月度支出」表（spending）第 1 条的 amount（-1 分）：支出不能为负数.*未写入任何数据。$/),
    })
    expect((await db.spending.get([A, 3]))?.amount).toBe(1_000_000)
    scope.stop()
  })
})
