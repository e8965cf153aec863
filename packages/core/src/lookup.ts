/**
 * The value `table` holds under `key` as its own property, or undefined. A plain `table[key]`
 * with an untrusted key finds `constructor`, `toString` or `__proto__` on Object.prototype.
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
