/** Public interface of the cases capability (zaken: process data beside the responses). */
export { caseApi, MAX_API_ROWS } from './api.ts'
export { amsterdamDate, amsterdamToUtc, type ParsedDate, parseCaseDate } from './calc/dates.ts'
export {
  bucketOf,
  LEAD_TIME_BUCKETS,
  type LeadTimeBucket,
  type LeadTimeGroup,
  type LeadTimeRow,
  leadTimeDays,
  medianFromCounts,
  summariseLeadTime,
} from './calc/lead-time.ts'
export { CsvError, CsvParser, type CsvRecord, formatCsv, parseCsv, readCsvRecords } from './csv.ts'
export { type CaseView, findCaseId, loadCase } from './find-case.ts'
export { DEFAULT_BATCH_SIZE, type ImportOptions, type ImportReport, importCases } from './import-cases.ts'
export { type LeadTimeSummary, leadTimeBeside } from './lead-time-beside.ts'
export { readCaseRecords } from './read-case-file.ts'
export type { CaseRecordInput, RowError } from './validate-cases.ts'
