import { buildReportedRound } from '@/domain/reportedRound'
import { describe, expect, it } from 'vitest'
import { parseBackupText, validateBackup } from '@/schema/backup'
import { BACKUP_FORMAT, BACKUP_TABLE_NAMES, backupFileName, createBackupFile, type BackupTables } from '@/schema/backupFile'

function tables(): BackupTables {
  return {
    departments: [{ code: '201001', name: '某区文化和旅游局' }, { code: '315002', name: '司法局' }],
    projects: [
      {
        id: '2021/201001/A', year: 2021, departmentCode: '201001', code: 'A', name: '文化下乡', budgetTotal: 12_500_000,
        budgetFiscal: 12_500_000, budgetOther: null, purpose: '送戏', plan: { 3: 20, 6: 50, 10: null, 12: 100 }, goals: ['60 场'], order: 0,
      },
      {
        id: '2020/315002/B', year: 2020, departmentCode: '315002', code: 'B', name: '法律援助', budgetTotal: 3_000_000,
        budgetFiscal: null, budgetOther: null, purpose: '', plan: { 3: null, 6: null, 10: null, 12: null }, goals: [], order: 0,
      },
    ],
    indicators: [
      {
        id: '2021/201001/A#1', projectId: '2021/201001/A', order: 0, level1: '产出指标', level2: '数量指标', name: '场次',
        description: '', targetRaw: '≥60场', operator: '>=', targetValue: 60, unit: '场', kind: 'cumulative', basis: null,
      },
      {
        id: '2021/201001/A#2', projectId: '2021/201001/A', order: 1, level1: '满意度指标', level2: '服务对象满意度指标', name: '群众满意度',
        description: '', targetRaw: '≥90%', operator: '>=', targetValue: 90, unit: '%', kind: 'level', basis: null,
      },
    ],
    spending: [{ projectId: '2021/201001/A', month: 3, amount: 2_000_000 }, { projectId: '2021/201001/A', month: 4, amount: 10_000 }],
    indicatorValues: [
      { indicatorId: '2021/201001/A#1', projectId: '2021/201001/A', month: 3, value: 14, manualStatus: null },
      { indicatorId: '2021/201001/A#2', projectId: '2021/201001/A', month: 6, value: 92.5, manualStatus: null },
    ],
    notes: [{ projectId: '2021/201001/A', month: 7, reasons: ['funding'], explanation: '拨款晚', likelihood: 'possible', actions: '' }],
    changes: [{ id: 1, at: '2021-07-01T00:00:00.000Z', actor: '张', kind: 'spending', projectId: null, indicatorId: null, month: 3, oldValue: null, newValue: { a: 1 }, summary: 's' }],
    settings: [{ key: 'actor', value: '张' }, { key: 'demo', value: { year: 2020, departmentCode: '315002' } }],
    imports: [{ id: 1, at: '2021-01-01T00:00:00.000Z', year: 2021, departmentCode: '201001', fileName: 'a.docx', projectCount: 1, indicatorCount: 1, warningCount: 0 }],
    monthLocks: [{ year: 2021, departmentCode: '201001', month: 6, lockedAt: '2021-07-05T00:00:00.000Z', lockedBy: '张' }],
    meetingAgendaFlags: [
      { projectId: '2021/201001/A', month: 5, isOnAgenda: true },
      { projectId: '2021/201001/A', month: 7, isOnAgenda: null },
    ],
    decisions: [{ projectId: '2021/201001/A', month: 7, decision: 'continue', remark: '', decidedAt: '2021-08-01T00:00:00.000Z' }],
    actionItems: [{ id: 3, projectId: '2021/201001/A', month: 7, text: '加快拨款', owner: '李', dueDate: '2021-09-30', status: 'open', closedMonth: null }],
    reportedRounds: [
      {
        ...buildReportedRound([], { year: 2021, departmentCode: '201001', month: 7, revision: 1, reportedAt: '2021-08-05T02:00:00.000Z', reportedBy: '王会计' }),
        id: 1,
        reopenedAt: null,
        reopenedBy: null,
        reopenReason: null,
      },
    ],
  }
}

const file = (overrides: Record<string, unknown> = {}) => ({
  ...JSON.parse(JSON.stringify(createBackupFile(tables(), {}, new Date('2021-08-02T09:30:00+08:00')))),
  ...overrides,
})

/** A valid file with one row of one table replaced or patched. */
function withRow(table: keyof BackupTables, index: number, patch: Record<string, unknown> | unknown) {
  const base = file()
  const rows = [...base.tables[table]]
  rows[index] = typeof patch === 'object' && patch !== null && !Array.isArray(patch) ? { ...rows[index], ...patch } : patch
  return { ...base, tables: { ...base.tables, [table]: rows } }
}

describe('validateBackup', () => {
  it('reads a file written before 已报送 rounds were kept (no reportedRounds table) as having none', () => {
    const base = file()
    const older = { ...base.tables }
    delete older.reportedRounds
    const result = validateBackup({ ...base, tables: older })
    if (!result.ok) expect.fail(result.error)
    expect(result.backup.tables.reportedRounds).toEqual([])
  })

  it('accepts a file written by createBackupFile and summarizes it', () => {
    const result = validateBackup(file())
    if (!result.ok) expect.fail(result.error)
    expect(result.backup.tables).toEqual(tables())
    expect(result.summary).toEqual({
      exportedAt: '2021-08-02T01:30:00.000Z',
      departments: [
        { code: '201001', name: '某区文化和旅游局', years: [2021], projectCount: 1 },
        { code: '315002', name: '司法局', years: [2020], projectCount: 1 },
      ],
      years: [2021, 2020],
      projectCount: 2,
      indicatorCount: 2,
      entryCount: 4,
      noteCount: 1,
      importCount: 1,
    })
  })

  it('keeps tables of later schema versions as plain rows', () => {
    const result = validateBackup({ ...file(), tables: { ...file().tables, attachments: [{ id: 1, name: 'x' }] } })
    expect(result.ok && result.backup.extraTables).toEqual({ attachments: [{ id: 1, name: 'x' }] })
  })

  it('keeps fields a later version added to a row', () => {
    const result = validateBackup(withRow('notes', 0, { attachment: 'x.pdf' }))
    expect(result.ok && result.backup.tables.notes[0]).toMatchObject({ attachment: 'x.pdf', explanation: '拨款晚' })
  })

  it('keeps a user\'s 口径 (kindOverride) and accepts rows without one (older backups)', () => {
    const result = validateBackup(withRow('indicators', 0, { kindOverride: 'level' }))
    expect(result.ok && result.backup.tables.indicators[0]).toMatchObject({ kind: 'cumulative', kindOverride: 'level' })
    const older = validateBackup(file())
    expect(older.ok && 'kindOverride' in (older.backup.tables.indicators[0] ?? {})).toBe(false)
  })

  it.each<[string, unknown, RegExp]>([
    ['not an object', [1, 2], /不是备份/],
    ['another format', file({ format: 'something-else' }), /不是本程序的备份文件.*something-else/],
    ['no format', file({ format: undefined }), /不是本程序的备份文件/],
    ['a newer version', file({ version: 3 }), /版本为 3.*请先更新程序/],
    ['a broken version', file({ version: '1' }), /版本号无效/],
    ['no export time', file({ exportedAt: 'yesterday' }), /exportedAt 无效/],
    ['no tables', file({ tables: undefined }), /缺少数据表/],
    ['a missing table', { ...file(), tables: { ...file().tables, spending: undefined } }, /缺少「月度支出」表（spending）/],
    ['a table that is not a list', { ...file(), tables: { ...file().tables, notes: {} } }, /「监控说明」表（notes）应为列表/],
    ['a row that is not an object', withRow('projects', 0, 'x'), /「项目」表（projects）第 1 条不是一条记录/],
    ['a budget in 万元 instead of 分', withRow('projects', 1, { budgetTotal: 3.5 }), /「项目」表（projects）第 2 条的 budgetTotal 应为非负整数金额（分），实际为 3\.5/],
    ['a negative budget', withRow('projects', 0, { budgetFiscal: -1 }), /budgetFiscal 应为非负整数金额/],
    ['a broken plan', withRow('projects', 0, { plan: { 3: '20', 6: 50, 10: null, 12: 100 } }), /「项目」表（projects）第 1 条的 plan\.3 应为数字或空（3月底累计支出计划，%），实际为 "20"/],
    ['goals not text', withRow('projects', 0, { goals: [1] }), /goals\.0 应为文字，实际为 1/],
    ['an impossible year', withRow('projects', 0, { year: 20 }), /year 应为年度/],
    ['month 13', withRow('spending', 0, { month: 13 }), /「月度支出」表（spending）第 1 条的 month 应为 1–12 的月份/],
    ['an amount as text', withRow('spending', 0, { amount: '200' }), /amount 应为整数金额（分）/],
    ['an unknown operator', withRow('indicators', 0, { operator: '≥' }), /operator 应为比较符/],
    ['an unknown kind', withRow('indicators', 0, { kind: 'sum' }), /kind 应为 cumulative/],
    ['a qualitative 口径 override', withRow('indicators', 0, { kindOverride: 'qualitative' }), /kindOverride 应为 cumulative \/ level 之一或空/],
    ['an infinite value', withRow('indicatorValues', 0, { value: 'NaN' }), /value 应为数字或空/],
    ['an unknown status', withRow('indicatorValues', 0, { manualStatus: 'unreported' }), /manualStatus/],
    ['an unknown reason', withRow('notes', 0, { reasons: ['weather'] }), /reasons\.0 应为偏差原因（funding \/ institution .* 之一），实际为 "weather"/],
    ['an unknown likelihood', withRow('notes', 0, { likelihood: 'maybe' }), /likelihood/],
    ['an unknown change kind', withRow('changes', 0, { kind: 'hack' }), /修改类型/],
    ['a change id of 0', withRow('changes', 0, { id: 0 }), /id 应为正整数编号/],
    ['a reported round numbered 0', withRow('reportedRounds', 0, { revision: 0 }), /「已报送数据」表（reportedRounds）第 1 条的 revision 应为正整数（第几次报送）/],
    ['a reported round without its summary', withRow('reportedRounds', 0, { summary: undefined }), /summary/],
    ['an agenda flag as text', withRow('meetingAgendaFlags', 0, { isOnAgenda: 'yes' }), /isOnAgenda 应为 true、false 或空/],
    ['an agenda flag without its month', withRow('meetingAgendaFlags', 0, { month: undefined }), /month 应为 1–12 的月份/],
    ['a duplicate agenda flag of one month', withRow('meetingAgendaFlags', 1, { month: 5 }), /「会议关注」表.*重复/],
    ['an unknown decision', withRow('decisions', 0, { decision: 'stop' }), /会议决定/],
    ['an unknown item status', withRow('actionItems', 0, { status: 'done' }), /status 应为 open \/ closed/],
    ['a duplicate project', { ...file(), tables: { ...file().tables, projects: [tables().projects[0], tables().projects[0]] } }, /第 2 条与前面的记录重复（2021\/201001\/A）/],
    ['a duplicate month of spending', { ...file(), tables: { ...file().tables, spending: [tables().spending[0], tables().spending[0]] } }, /「月度支出」表.*重复/],
    ['a project of an unknown department', withRow('projects', 0, { departmentCode: '999' }), /「项目」表（projects）第 1 条的 departmentCode「999」：该单位不在备份中/],
    ['spending of an unknown project', withRow('spending', 0, { projectId: 'nope' }), /「月度支出」表（spending）第 1 条的 projectId「nope」：该项目不在备份中/],
    ['a value of an unknown indicator', withRow('indicatorValues', 0, { indicatorId: 'nope' }), /「指标月度值」表（indicatorValues）第 1 条的 indicatorId「nope」：该指标不在备份中/],
    ['an extra table of non-objects', { ...file(), tables: { ...file().tables, attachments: [1] } }, /数据表 attachments 应为记录列表/],
  ])('rejects %s with a Chinese reason, writing nothing', (_label, input, message) => {
    const result = validateBackup(input)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error).toMatch(message)
      expect(result.error).toMatch(/^备份文件无效：.*未写入任何数据。$/s)
    }
  })

  // Rows the app's own entry would never store, and references that do not agree.
  it.each<[string, unknown, RegExp]>([
    ['negative monthly spending', withRow('spending', 1, { amount: -10_000 }), /「月度支出」表（spending）第 2 条的 amount（-10000 分）：支出不能为负数/],
    ['spending in fractions of 分', withRow('spending', 0, { amount: 12.5 }), /「月度支出」表（spending）第 1 条的 amount 应为整数金额（分），实际为 12\.5/],
    ['a note of month 0', withRow('notes', 0, { month: 0 }), /「监控说明」表（notes）第 1 条的 month 应为 1–12 的月份，实际为 0/],
    ['a due date that does not exist', withRow('actionItems', 0, { dueDate: '2020-02-30' }), /「整改措施」表（actionItems）第 1 条的 dueDate 应为真实存在的日期（YYYY-MM-DD.*实际为 "2020-02-30"/],
    ['a due date that is no date', withRow('actionItems', 0, { dueDate: 'garbage' }), /dueDate 应为真实存在的日期.*实际为 "garbage"/],
    ['a due date not written YYYY-MM-DD', withRow('actionItems', 0, { dueDate: '2021-9-30' }), /dueDate 应为真实存在的日期/],
    ['a closed action item without its month', withRow('actionItems', 0, { status: 'closed' }), /第 1 条的 closedMonth 应为已完成时为完成的月份（1–12），未完成时为空，实际为 null/],
    ['an open action item with a closing month', withRow('actionItems', 0, { closedMonth: 8 }), /closedMonth 应为已完成时为完成的月份（1–12），未完成时为空，实际为 8/],
    ['a change logged at no time', withRow('changes', 0, { at: 'yesterday' }), /「修改记录」表（changes）第 1 条的 at 应为时间/],
    ['a decision taken at no time', withRow('decisions', 0, { decidedAt: '' }), /decidedAt 应为时间/],
    [
      'an indicator value filed under another project',
      withRow('indicatorValues', 0, { projectId: '2020/315002/B' }),
      /「指标月度值」表（indicatorValues）第 1 条的 projectId「2020\/315002\/B」与其指标所属的项目「2021\/201001\/A」不一致/,
    ],
    ['an indicator value of a missing project', withRow('indicatorValues', 0, { projectId: 'nope' }), /「指标月度值」表（indicatorValues）第 1 条的 projectId「nope」：该项目不在备份中/],
    ['a rate over 100 % (neither a whole count nor a rate)', withRow('indicatorValues', 1, { value: 100.5 }), /「指标月度值」表（indicatorValues）第 2 条的 value：比率应在 0 到 100 之间/],
    ['a negative rate', withRow('indicatorValues', 1, { value: -2 }), /第 2 条的 value：比率应在 0 到 100 之间/],
    ['an indicator of a missing project', withRow('indicators', 0, { projectId: 'nope' }), /「指标」表（indicators）第 1 条的 projectId「nope」：该项目不在备份中/],
    ['a note of a missing project', withRow('notes', 0, { projectId: 'nope' }), /「监控说明」表（notes）第 1 条的 projectId「nope」/],
    ['an agenda flag of a missing project', withRow('meetingAgendaFlags', 0, { projectId: 'nope' }), /「会议关注」表（meetingAgendaFlags）第 1 条的 projectId「nope」/],
    ['a decision of a missing project', withRow('decisions', 0, { projectId: 'nope' }), /「会议决定」表（decisions）第 1 条的 projectId「nope」/],
    ['an action item of a missing project', withRow('actionItems', 0, { projectId: 'nope' }), /「整改措施」表（actionItems）第 1 条的 projectId「nope」/],
    ['a project id that disagrees with its code', withRow('projects', 0, { code: 'Z' }), /「项目」表（projects）第 1 条的 id「2021\/201001\/A」与年度、单位编码和项目编码不符（应为「2021\/201001\/Z」）/],
    ['会议关注 under both of its names', { ...file(), tables: { ...file().tables, agendaFlags: [] } }, /「会议关注」表出现两次/],
  ])('refuses %s, naming table, row and field, and what to do', (_label, input, message) => {
    const result = validateBackup(input)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error).toMatch(message)
      expect(result.error).toMatch(/。请改正该条记录，或改用本程序导出、未经改动的备份文件。未写入任何数据。$|出现两次/)
    }
  })

  it.each<[string, unknown]>([
    ['no due date', withRow('actionItems', 0, { dueDate: '' })],
    ['a leap day', withRow('actionItems', 0, { dueDate: '2020-02-29' })],
    ['a closed action item with its month', withRow('actionItems', 0, { status: 'closed', closedMonth: 8 })],
    ['a count that is not whole (entered before the 口径 was switched to 累计)', withRow('indicatorValues', 0, { value: 2.5 })],
    ['zero spending', withRow('spending', 0, { amount: 0 })],
  ])('accepts %s', (_label, input) => {
    const result = validateBackup(input)
    if (!result.ok) expect.fail(result.error)
  })

  it('reads a version 1 file, whose 会议关注 table is agendaFlags; a flag without a month holds from 1月', () => {
    const { meetingAgendaFlags, ...rest } = tables()
    const legacy = {
      ...file({ version: 1 }),
      tables: { ...rest, agendaFlags: [...meetingAgendaFlags, { projectId: '2020/315002/B', isOnAgenda: false }] },
    }
    const result = validateBackup(JSON.parse(JSON.stringify(legacy)))
    if (!result.ok) expect.fail(result.error)
    expect(result.backup.extraTables).toEqual({})
    expect(result.backup.tables.meetingAgendaFlags).toEqual([...meetingAgendaFlags, { projectId: '2020/315002/B', month: 1, isOnAgenda: false }])
  })

  it('names every table it requires', () => {
    expect(BACKUP_TABLE_NAMES).toHaveLength(14)
  })
})

describe('parseBackupText', () => {
  it.each([
    ['not JSON', 'hello'],
    ['cut off', JSON.stringify(file()).slice(0, 200)],
  ])('refuses a file that is %s', (_label, text) => {
    expect(parseBackupText(text)).toEqual({ ok: false, error: expect.stringMatching(/不是 JSON 文件，或文件不完整/) })
  })

  it('reads a file with a byte-order mark', () => {
    expect(parseBackupText(`\uFEFF${JSON.stringify(file())}`).ok).toBe(true)
  })
})

describe('backup file', () => {
  it('is named 预算绩效监控备份-YYYYMMDD-HHmm.json in local time', () => {
    expect(backupFileName(new Date('2021-01-05T23:07:00+08:00'))).toBe('预算绩效监控备份-20210105-2307.json')
  })

  it('states format, version and export time', () => {
    expect(file()).toMatchObject({ format: BACKUP_FORMAT, version: 2, exportedAt: '2021-08-02T01:30:00.000Z' })
  })
})
