import type { ReactNode } from "react";

/**
 * A select's options: "every one" first when the select filters, then each value under its label. Not a
 * client component, so a server page's GET form uses it as well.
 */
export function Options<V extends string | number>({ values, label, all }: { values: readonly V[]; label: (value: V) => ReactNode; all?: string }) {
  return (
    <>
      {all !== undefined && <option value="">{all}</option>}
      {values.map((value) => (
        <option key={value} value={value}>
          {label(value)}
        </option>
      ))}
    </>
  );
}
