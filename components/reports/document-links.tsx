import { reportHref } from "./report-href";

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
        <a
          href={reportHref(path, { ...params, format: "pdf" })}
          className={link}
          data-testid={testId ? `${testId}-pdf` : undefined}
          download
          aria-label={`PDF: ${label}`}
        >
          PDF
        </a>
        <a
          href={reportHref(path, { ...params, format: "docx" })}
          className={link}
          data-testid={testId ? `${testId}-docx` : undefined}
          download
          aria-label={`Word: ${label}`}
        >
          Word
        </a>
      </span>
    </li>
  );
}
