// Vitest global setup for the server tests: starts a throwaway PostgreSQL 15 cluster on
// 127.0.0.1 (a free port, a temp folder owned by the postgres user) and stops it afterwards.
// Without PostgreSQL the tests run on PGlite alone, except in CI (CI=true), where that fails.
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the throwaway cluster, or null when PostgreSQL is not installed. */
    postgresUrl: string | null
  }
}

/** PG_BIN, or the newest Debian PostgreSQL (/usr/lib/postgresql/N/bin; 15 on bookworm). */
function findPgBin(): string {
  if (process.env['PG_BIN']) return process.env['PG_BIN']
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).map(Number).sort((a, b) => b - a) : []
  const found = versions.map((v) => join(root, String(v), 'bin')).find((bin) => existsSync(join(bin, 'initdb')))
  return found ?? join(root, '15', 'bin')
}
const PG_BIN = findPgBin()

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export default async function setup(project: TestProject) {
  const isCi = process.env['CI'] === 'true'
  if (!existsSync(join(PG_BIN, 'initdb'))) {
    if (isCi) throw new Error(`CI=true but PostgreSQL is not installed (no ${PG_BIN}/initdb): the PostgreSQL server tests would be skipped.`)
    console.warn(`[server tests] PostgreSQL not found in ${PG_BIN}: running on PGlite only.`)
    project.provide('postgresUrl', null)
    return
  }
  const isRoot = process.getuid?.() === 0
  // PostgreSQL refuses to run as root: as root, run it as the postgres user.
  const run = (command: string, args: string[]) => isRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, command), ...args], { stdio: 'pipe' })
    : execFileSync(join(PG_BIN, command), args, { stdio: 'pipe' })
  const dir = mkdtempSync(join(tmpdir(), 'bpm-pg-'))
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    chownSync(dir, uid, gid)
  }
  const data = join(dir, 'data')
  const port = await freePort()
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'])
    // Durability is not needed for a throwaway cluster; speed is.
    const serverOptions = `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', serverOptions, '-w', '-t', '60', 'start'])
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    const detail = error instanceof Error && 'stderr' in error ? String((error as { stderr: unknown }).stderr) : String(error)
    throw new Error(`Could not start the throwaway PostgreSQL cluster: ${detail}`)
  }
  project.provide('postgresUrl', `postgres://postgres@127.0.0.1:${port}/postgres`)
  return () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
