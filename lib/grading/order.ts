/** Orders strings by UTF-16 code units, independent of the locale, so every run sorts alike. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts in place by a string key; skips the O(n log n) sort when the input is already in order. */
export function sortByKey<T>(items: T[], key: (item: T) => string): T[] {
  for (let i = 1; i < items.length; i++) {
    if (compareCodeUnits(key(items[i - 1]), key(items[i])) > 0) {
      return items.sort((a, b) => compareCodeUnits(key(a), key(b)));
    }
  }
  return items;
}
