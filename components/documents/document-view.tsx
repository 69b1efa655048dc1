import { placeAndDate, upper, type DocBlock, type OfficialDocument } from "@/lib/documents/model";

// An official document on screen and on paper: the same model the PDF and Word files are drawn from,
// laid out as the Party's form (header, title, body, signatures), so what is printed from the browser
// says what the files say.

const ALIGN = { left: "text-left", right: "text-right", center: "text-center" } as const;

function Block({ block }: { block: DocBlock }) {
  if (block.kind === "heading") return <h2 className={`mt-4 font-bold ${block.center ? "text-center" : ""}`}>{block.text}</h2>;
  if (block.kind === "paragraph") {
    const style = `${block.bold ? "font-bold" : ""} ${block.italic ? "italic" : ""} ${block.indent === false ? "" : "indent-[1cm]"}`;
    return <p className={`mt-1 text-justify whitespace-pre-wrap ${style}`}>{block.text || "…"}</p>;
  }
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full border-collapse text-[11pt]">
        <thead>
          <tr>
            {block.columns.map((c) => (
              <th key={c.header} scope="col" className="border border-black bg-slate-100 px-1 py-0.5 text-center font-bold">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row, i) => (
            <tr key={i} className={block.boldRows?.includes(i) ? "font-bold" : undefined}>
              {row.map((cell, j) => (
                <td key={j} className={`border border-black px-1 py-0.5 ${ALIGN[block.columns[j]?.align ?? "left"]}`}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DocumentView({ doc }: { doc: OfficialDocument }) {
  return (
    <div className="font-serif text-[13pt] leading-relaxed text-black">
      <header className="grid grid-cols-2 gap-4 text-center text-[12pt]">
        <div>
          {doc.upperBody && <p>{upper(doc.upperBody)}</p>}
          <p className="font-bold">{upper(doc.issuer)}</p>
          <p>*</p>
          {doc.number && <p className="text-[13pt] whitespace-pre">{doc.number}</p>}
        </div>
        <div>
          <p className="text-[13pt] font-bold underline underline-offset-4">ĐẢNG CỘNG SẢN VIỆT NAM</p>
          <p className="mt-1 italic">{placeAndDate(doc)}</p>
          {doc.form && <p className="text-right text-[11pt] italic">{doc.form}</p>}
        </div>
      </header>
      <h1 className="mt-6 text-center text-[15pt] font-bold">{upper(doc.title)}</h1>
      {doc.subtitle && <p className="text-center font-bold">{doc.subtitle}</p>}
      <p className="text-center">-----</p>
      {doc.blocks.map((block, i) => (
        <Block key={i} block={block} />
      ))}
      <div className="mt-6 flex break-inside-avoid justify-end gap-4">
        {doc.signatures.map((sig, i) => (
          <div key={i} className={`text-center ${doc.signatures.length === 1 ? "w-1/2" : "flex-1"}`}>
            <p className="font-bold">{upper(sig.capacity)}</p>
            {sig.title && <p className="font-bold">{upper(sig.title)}</p>}
            <p className="mt-16">{sig.name ?? ""}</p>
          </div>
        ))}
      </div>
      {doc.footnote && <p className="mt-3 text-[11pt] italic">{doc.footnote}</p>}
    </div>
  );
}
