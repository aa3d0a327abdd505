/** The stored records' schemas and the backup format, for every side that reads or writes them. */
export * from './records'
export * from './backupFile'
export * from './backup'
