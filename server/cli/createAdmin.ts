// npm run server:admin -- --login NAME --password SECRET
// Creates a finance-bureau administrator account in the configured database (DATA_DIR or
// DATABASE_URL). Without the options it asks for them; the password is not echoed.
import { createInterface } from 'node:readline/promises'
import { parseArgs } from 'node:util'
import { createBureauAccount } from '../auth/accounts'
import { DEFAULT_PASSWORD_COST } from '../auth/passwords'
import { readDatabaseTarget } from '../config'
import { openDatabase } from '../db/database'
import { migrate } from '../db/migrate'
import { HttpError } from '../http/errors'

const { values } = parseArgs({ options: { login: { type: 'string' }, password: { type: 'string' } } })

async function ask(question: string, isSecret: boolean): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY })
  if (isSecret && process.stdin.isTTY) {
    // Print the question, then swallow the echo of what is typed.
    const output = rl as unknown as { _writeToOutput: (text: string) => void }
    process.stdout.write(question)
    output._writeToOutput = () => undefined
    const answer = await rl.question('')
    process.stdout.write('\n')
    rl.close()
    return answer
  }
  const answer = await rl.question(question)
  rl.close()
  return answer
}

const login = (values.login ?? (await ask('管理员登录名：', false))).trim()
const password = values.password ?? (await ask('管理员密码（至少 8 个字符）：', true))
if (!login) {
  console.error('登录名不能为空')
  process.exit(1)
}

const target = readDatabaseTarget()
const db = await openDatabase(target)
try {
  await migrate(db)
  await createBureauAccount(db, login, password, DEFAULT_PASSWORD_COST)
  console.log(`已创建财政局管理员“${login}”（数据库：${target.kind === 'pglite' ? target.dataDir : 'DATABASE_URL'}）。`)
} catch (error) {
  console.error(error instanceof HttpError ? error.message : error)
  process.exitCode = 1
} finally {
  await db.close()
}
