/** School years run 1 August – 31 July and are written "2025/26". Dates are read in Danish local time. */
// Made once: building a DateTimeFormat costs far more than using one, and every plan asks.
const yearAndMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: 'numeric' });

export function schoolYearOf(date: Date): string {
  const parts = yearAndMonth.formatToParts(date);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  const startYear = month >= 8 ? year : year - 1;
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The first and last day of a school year ("2026/27" → 2026-08-01 … 2027-07-31), Copenhagen dates. */
export function schoolYearDates(schoolYear: string): { from: string; to: string } {
  const start = Number(schoolYear.slice(0, 4));
  return { from: `${start}-08-01`, to: `${start + 1}-07-31` };
}
