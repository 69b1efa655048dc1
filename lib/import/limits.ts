// The limits of the register import (docs/import.md, "Limits"). A register is imported a district or a
// grassroots organization at a time: the demo province's districts hold 20,000 members each, and a file
// of 50,000 rows is read and checked in 10–16 s on a 2-core machine. A whole province (300,000 members)
// in one file would hold one transaction and the server's memory for minutes, so it is refused, quickly.

/** The largest file accepted, as uploaded. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Rows of a file, organizations and members together (blank rows are not counted). */
export const MAX_IMPORT_ROWS = 50_000;

/**
 * What a workbook's parts may inflate to, all together, declared and actual. A register of 50,000 rows
 * written by Excel or by the template inflates to about 30 MB; a zip bomb of 300 KB to 300 MB or more.
 */
export const MAX_INFLATED_BYTES = 120 * 1024 * 1024;

/** Parts of a workbook (a register's has about a dozen). */
export const MAX_ZIP_ENTRIES = 1_000;

/** Columns read in each row: the register has 12; anything far to the right is not read. */
export const MAX_IMPORT_COLUMNS = 40;

/** The longest CSV line read (a register's line is a few hundred characters). */
export const MAX_CSV_RECORD_CHARS = 64 * 1024;

/** Reading a file in its worker thread: the time and the heap it may take before it is stopped. */
export const READ_TIMEOUT_MS = 120_000;
export const READ_WORKER_HEAP_MB = 384;
/** The reading thread ends this long after the last file it read (the next import starts it again). */
export const READER_IDLE_MS = 2 * 60_000;

/** Files read at once by one server process (the machine has 2 cores; the pages need one). */
export const MAX_CONCURRENT_READS = 1;
