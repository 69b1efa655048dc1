import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { UnitNode } from "@/lib/data/organizations";
import { countBadges } from "./unit-count-badges";

type TreeNode = UnitNode & { children: TreeNode[] };

function buildForest(nodes: UnitNode[]): TreeNode[] {
  const byId = new Map<string, TreeNode>(nodes.map((n) => [n.id, { ...n, children: [] }]));
  const roots: TreeNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Children of an upper committee, by sector: the way its staff think of them (and its peer groups). */
function bySector(children: TreeNode[]): [string, TreeNode[]][] {
  const groups = new Map<string, TreeNode[]>();
  for (const child of children) groups.set(child.sector, [...(groups.get(child.sector) ?? []), child]);
  return [...groups];
}

/** The units in scope as a tree: top units open, each grassroots organization folds its cells away. */
export async function UnitTree({ nodes }: { nodes: UnitNode[] }) {
  // One translator for the whole tree: an async component per unit would cost a render pass each.
  const [t, tu] = await Promise.all([getTranslations(), getTranslations("units")]);
  const forest = buildForest(nodes);

  const label = (node: TreeNode) => (
    <span className="tree-label">
      <Link href={`/units/${node.id}`} className="tree-link">
        {node.name}
      </Link>
      <span className="tree-kind">{t(`orgKinds.${node.kind}`)}</span>
      {countBadges(node.counts, tu)}
    </span>
  );

  const renderList = (children: TreeNode[], level: number) => (
    <ul className="ml-3 border-l border-slate-200 pl-3">{children.map((c) => render(c, level + 1))}</ul>
  );

  const render = (node: TreeNode, level: number) => (
    <li key={node.id} className="py-0.5">
      {node.children.length > 0 && level > 0 ? (
        <details className="group">
          <summary className="tree-summary">
            <span className="mt-0.5 inline-block w-4 shrink-0 text-slate-500 transition-transform group-open:rotate-90" aria-hidden>
              ▸
            </span>
            {label(node)}
          </summary>
          {renderList(node.children, level)}
        </details>
      ) : (
        <div className="tree-leaf">
          {level > 0 && <span className="inline-block w-4 shrink-0" aria-hidden />}
          {label(node)}
        </div>
      )}
      {node.children.length > 0 && level === 0 && (
        <div className="mt-2 space-y-4">
          {node.kind === "UPPER_COMMITTEE"
            ? bySector(node.children).map(([sector, children]) => (
                <section key={sector} aria-label={t(`sectors.${sector}`)}>
                  <h2 className="mb-1 ml-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
                    {t(`sectors.${sector}`)} · {children.length}
                  </h2>
                  {renderList(children, level)}
                </section>
              ))
            : renderList(node.children, level)}
        </div>
      )}
    </li>
  );

  return <ul className="rounded-xl border border-slate-200 bg-white p-2 shadow-sm sm:p-4">{forest.map((n) => render(n, 0))}</ul>;
}
