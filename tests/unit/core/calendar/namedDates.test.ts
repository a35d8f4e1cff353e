import Holidays from "date-holidays";
import {
  calendarDay,
  dayNumber,
  englandAndWalesBankHolidays,
  namedDates,
  weekdayOf,
} from "../../../../src/core/calendar/namedDates";

const iso = (d: { year: number; month: number; day: number }): string =>
  `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

describe("bank holidays in England and Wales", () => {
  // date-holidays (a maintained, worldwide holiday library) is the oracle.
  const oracle = new Holidays("GB", "ENG");

  it.each(Array.from({ length: 2040 - 2013 + 1 }, (_, i) => 2013 + i))("%i matches date-holidays", (year) => {
    const expected = oracle
      .getHolidays(year)
      .filter((h) => h.type === "public")
      .map((h) => h.date.slice(0, 10));
    expect(englandAndWalesBankHolidays(year).map(iso)).toEqual([...new Set(expected)].sort());
  });

  // date-holidays has no data for the proclamations before 2013; these are GOV.UK's.
  it.each([
    [1995, "1995-05-08", "1995-05-01"],
    [1999, "1999-12-31", null],
    [2002, "2002-06-04", "2002-05-27"],
    [2002, "2002-06-03", null],
    [2011, "2011-04-29", null],
    [2012, "2012-06-04", "2012-05-28"],
    [2012, "2012-06-05", null],
  ])("%i has %s (not %s) by proclamation", (year, holiday, not) => {
    const days = englandAndWalesBankHolidays(year).map(iso);
    expect(days).toContain(holiday);
    if (not) expect(days).not.toContain(not);
  });

  it("names the holidays of 2019 and 2020 as GOV.UK does", () => {
    expect(englandAndWalesBankHolidays(2019).map((d) => `${iso(d)} ${d.name}`)).toEqual([
      "2019-01-01 New Year's Day",
      "2019-04-19 Good Friday",
      "2019-04-22 Easter Monday",
      "2019-05-06 Early May bank holiday",
      "2019-05-27 Spring bank holiday",
      "2019-08-26 Summer bank holiday",
      "2019-12-25 Christmas Day",
      "2019-12-26 Boxing Day",
    ]);
    expect(englandAndWalesBankHolidays(2020).map(iso)).toContain("2020-05-08");
    expect(englandAndWalesBankHolidays(2020).map(iso)).toContain("2020-12-28");
  });

  it("adds Valentine's Day, Father's Day, Christmas Eve and New Year's Eve", () => {
    const names = namedDates(2019)
      .filter((d) => !d.bankHoliday)
      .map((d) => `${iso(d)} ${d.name}`);
    expect(names).toEqual([
      "2019-02-14 Valentine's Day",
      "2019-06-16 Father's Day",
      "2019-12-24 Christmas Eve",
      "2019-12-31 New Year's Eve",
    ]);
    for (let year = 1990; year <= 2040; year += 1) {
      const fathers = namedDates(year).find((d) => d.name === "Father's Day")!;
      const oracleDay = new Holidays("GB").getHolidays(year).find((h) => h.name === "Father's Day")!;
      expect(iso(fathers)).toBe(oracleDay.date.slice(0, 10));
    }
  });

  it("counts days and weekdays from 1970", () => {
    expect(dayNumber({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(weekdayOf(dayNumber({ year: 2019, month: 10, day: 12 }))).toBe(5); // a Saturday
    expect(calendarDay(dayNumber({ year: 2020, month: 2, day: 29 }))).toEqual({ year: 2020, month: 2, day: 29 });
  });
});
