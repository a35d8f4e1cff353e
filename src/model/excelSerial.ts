// Excel stores a date as a serial number of days: 1 is 01/01/1900 in the 1900 system (which
// counts the 29/02/1900 Lotus kept), or 02/01/1904 in the 1904 system some Mac workbooks use.

const UNIX_EPOCH_SERIAL = 25569; // 01/01/1970 in the 1900 system
const DAYS_1900_TO_1904 = 1462;
const DAY_MS = 86400000;

/**
 * The UTC date an Excel serial stands for, to the millisecond. Multiplied out hour by hour as
 * ExcelJS does, so both readers give the same millisecond even for serials far past 9999.
 */
export function dateFromSerial(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1900_TO_1904 : 0)) * 24 * 3600 * 1000));
}

/** The Excel serial (1900 system) of a UTC date. */
export function serialFromDate(date: Date): number {
  return date.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
}
