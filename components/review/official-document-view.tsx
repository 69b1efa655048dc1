import { placeAndDate, upper, type DocBlock, type OfficialDocument } from "@/lib/documents/model";

/**
 * An official document's model (lib/documents/model.ts) as a printable page: the same header, title,
 * blocks and signatures the PDF and the .docx renderers lay out, in the print styles of the other printed
 * forms (serif, black on white; `.no-print` controls hidden on paper). A wide table scrolls on a phone.
 */
export function OfficialDocumentView({ doc, tableCaption }: { doc: OfficialDocument; tableCaption?: string }) {
  const block = (b: DocBlock, i: number) => {
    if (b.kind === "heading")
      return (
        <h2 key={i} className={`mt-4 font-bold ${b.center ? "text-center" : ""}`}>
          {b.text}
        </h2>
      );
    if (b.kind === "paragraph")
      return (
        <p key={i} className={`mt-2 whitespace-pre-wrap ${b.italic ? "italic" : ""} ${b.bold ? "font-bold" : ""} ${b.indent === false ? "" : "indent-8"}`}>
          {b.text || "…"}
        </p>
      );
    return (
      <div key={i} className="mt-3 overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-label={tableCaption}>
        <table className="w-full min-w-[56rem] border-collapse text-[10.5pt] leading-snug print:min-w-0">
          {tableCaption && <caption className="sr-only">{tableCaption}</caption>}
          <thead>
            <tr>
              {b.columns.map((c) => (
                <th key={c.header} scope="col" className="border border-black bg-slate-100 px-1.5 py-1 text-center align-middle font-bold">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {b.rows.map((row, r) => (
              <tr key={r} className={b.boldRows?.includes(r) ? "font-bold" : undefined}>
                {row.map((cell, c) => (
                  <td
                    key={c}
                    className={`border border-black px-1.5 py-1 align-top whitespace-pre-wrap break-words ${
                      b.columns[c].align === "center" ? "text-center" : b.columns[c].align === "right" ? "text-right" : ""
                    }`}
                  >
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  };
  return (
    <div className="font-serif text-[13pt] leading-relaxed text-black">
      <header className="grid grid-cols-2 gap-4 text-center text-[12pt]">
        <div>
          {doc.upperBody && <p className="uppercase">{doc.upperBody}</p>}
          <p className="font-bold uppercase">{doc.issuer}</p>
          <p>*</p>
          {doc.number && <p>{doc.number}</p>}
        </div>
        <div>
          <p className="font-bold underline underline-offset-4">ĐẢNG CỘNG SẢN VIỆT NAM</p>
          <p className="italic">{placeAndDate(doc)}</p>
          {doc.form && <p className="text-right text-[11pt] italic">{doc.form}</p>}
        </div>
      </header>
      <h1 className="mt-6 text-center text-[14pt] font-bold">{upper(doc.title)}</h1>
      {doc.subtitle && <p className="text-center font-bold">{doc.subtitle}</p>}
      <p className="text-center">-----</p>
      {doc.blocks.map(block)}
      <footer className="mt-8 grid grid-cols-2 gap-4 text-center">
        <div />
        {doc.signatures.map((s) => (
          <div key={s.capacity}>
            <p className="font-bold">{upper(s.capacity)}</p>
            {s.title && <p className="font-bold">{upper(s.title)}</p>}
            <p className="mt-16 font-bold">{s.name ?? ""}</p>
          </div>
        ))}
      </footer>
    </div>
  );
}
