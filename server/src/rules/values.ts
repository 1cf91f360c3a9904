/** How attribute values read: booleans as true/false/1/0, enums by name or number. */
export const BOOLEAN_VALUES = ['true', 'false', '1', '0'];

export function isTrue(value: string | undefined): boolean {
  const v = value?.trim().toLowerCase();
  return v === 'true' || v === '1';
}
