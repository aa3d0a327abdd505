/**
 * Heap while a bureau's backup file is read the way 从备份恢复 reads it (chunks through
 * readBackupChunks), in Node's V8: `node --expose-gc --import tsx bench/backupReadHeap.ts
 * [--years 3] [--projects 10000]`. Writes the generated file to a temp dir, reads it back in
 * 64 KiB chunks, samples the heap every 250 ms and prints the largest sample and the heap after
 * GC holding the checked backup (what the review keeps until the restore is confirmed).
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { readBackupChunks } from '../src/schema/backup'
import { decodeUtf8Chunks } from '../src/schema/jsonStream'
import { writeBureauBackup } from '../mock-data/bureauBackup'

const { values } = parseArgs({ options: { years: { type: 'string' }, projects: { type: 'string' } } })
const years = Number(values.years ?? 3)
const projects = Number(values.projects ?? 10_000)
const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc')

const work = await mkdtemp(join(tmpdir(), 'bpm-heap-'))
try {
  const file = join(work, 'bureau.json')
  const out = createWriteStream(file)
  const counts = await writeBureauBackup(
    { seed: 20_240_731, departments: projects / 50, projectsPerDepartment: 50, years: Array.from({ length: years }, (_, i) => 2024 - years + 1 + i), throughMonth: 7 },
    async (chunk) => {
      if (!out.write(chunk)) await once(out, 'drain')
    },
  )
  out.end()
  await once(out, 'finish')
  gc()
  const base = process.memoryUsage().heapUsed
  let peak = base
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 250)
  const started = performance.now()
  const validation = await readBackupChunks(decodeUtf8Chunks(createReadStream(file, { highWaterMark: 65_536 })))
  const seconds = (performance.now() - started) / 1000
  clearInterval(timer)
  if (!validation.ok) throw new Error(validation.error)
  gc()
  const held = process.memoryUsage().heapUsed
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`
  console.log(
    `${counts.projects} projects over ${years} years, ${counts.monthlyRows} monthly rows, file ${mb((await stat(file)).size)}: ` +
      `read and checked in ${seconds.toFixed(1)} s; heap before ${mb(base)}, largest sample ${mb(peak)}, holding the checked backup after GC ${mb(held)}`,
  )
  void validation.backup.tables.spending.length
} finally {
  await rm(work, { recursive: true, force: true })
}
