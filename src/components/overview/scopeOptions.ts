/** Select value meaning "all departments" (el-select shows null and '' as no selection). */
export const ALL_DEPARTMENTS = '*'
