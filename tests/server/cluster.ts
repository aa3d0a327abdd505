// A throwaway PostgreSQL cluster on 127.0.0.1: a temp folder owned by the postgres user (the
// server refuses to run as root), a free port, trust authentication on loopback only. Used by
// the server tests' global setup and by `npm run bench:server`.
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** PG_BIN, or the newest Debian PostgreSQL (/usr/lib/postgresql/N/bin; 15 on bookworm), or null. */
export function findPgBin(): string | null {
  const explicit = process.env['PG_BIN']
  if (explicit) return existsSync(join(explicit, 'initdb')) ? explicit : null
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).map(Number).sort((a, b) => b - a) : []
  return versions.map((v) => join(root, String(v), 'bin')).find((bin) => existsSync(join(bin, 'initdb'))) ?? null
}

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

export interface Cluster {
  /** Admin URL: postgres://postgres@127.0.0.1:PORT/postgres */
  readonly url: string
  stop(): void
}

/** Starts a new cluster with the binaries in `bin`; throws with PostgreSQL's message on failure. */
export async function startCluster(bin: string): Promise<Cluster> {
  const isRoot = process.getuid?.() === 0
  const run = (command: string, args: string[]) => isRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], { stdio: 'pipe' })
    : execFileSync(join(bin, command), args, { stdio: 'pipe' })
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
    // A throwaway cluster needs no durability; the socket lives in the temp folder too.
    const options = `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start'])
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    const detail = error instanceof Error && 'stderr' in error ? String((error as { stderr: unknown }).stderr) : String(error)
    throw new Error(`Could not start the throwaway PostgreSQL cluster: ${detail}`)
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
