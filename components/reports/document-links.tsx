import { reportHref } from "./report-href";

const FORMATS = [
  { format: "pdf", name: "PDF" },
  { format: "docx", name: "Word" },
] as const;

/** A document offered in both formats: PDF to read and print, .docx to edit before signing. */
export function DocumentLinks({
  label,
  path,
  params,
  testId,
}: {
  label: string;
  path: string;
  params: Record<string, string | number | null | undefined>;
  testId?: string;
}) {
  const link = "rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-brand-800 hover:bg-slate-50";
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <span className="text-sm text-slate-800">{label}</span>
      <span className="flex gap-2">
        {FORMATS.map(({ format, name }) => (
          <a
            key={format}
            href={reportHref(path, { ...params, format })}
            className={link}
            data-testid={testId ? `${testId}-${format}` : undefined}
            download
            aria-label={`${name}: ${label}`}
          >
            {name}
          </a>
        ))}
      </span>
    </li>
  );
}
