import { observeImportHistory, type ImportHistory } from '@/db/importHistoryRepository'
import { useLiveQuery } from './useLiveQuery'

/** How many imports the list shows; older ones stay stored (and counted). */
export const IMPORT_HISTORY_LIMIT = 50

/** Live list of the newest imported documents (any tab's imports show at once). */
export function useImportHistory() {
  return useLiveQuery<ImportHistory>(() => observeImportHistory(IMPORT_HISTORY_LIMIT), { entries: [], total: 0 })
}
