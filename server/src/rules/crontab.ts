/** Five-field crontab validation: minute hour day-of-month month day-of-week. */
const FIELDS: { min: number; max: number; names?: string[] }[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

function valueOf(token: string, field: (typeof FIELDS)[number]): number | undefined {
  if (/^\d+$/.test(token)) {
    const n = Number(token);
    return n >= field.min && n <= field.max ? n : undefined;
  }
  const i = field.names?.indexOf(token.toUpperCase()) ?? -1;
  return i >= 0 ? i + field.min : undefined;
}

function validField(text: string, field: (typeof FIELDS)[number]): boolean {
  return text.split(',').every((part) => {
    const [range, step, extra] = part.split('/');
    if (extra !== undefined || range === '') return false;
    if (step !== undefined && !/^[1-9]\d*$/.test(step)) return false;
    if (range === '*') return true;
    const [a, b, more] = range.split('-');
    if (more !== undefined) return false;
    const lo = valueOf(a, field);
    if (lo === undefined) return false;
    if (b === undefined) return true;
    const hi = valueOf(b, field);
    return hi !== undefined && lo <= hi;
  });
}

export function isValidCrontab(expression: string): boolean {
  const fields = expression.trim().split(/\s+/);
  return fields.length === 5 && fields.every((f, i) => validField(f, FIELDS[i]));
}
