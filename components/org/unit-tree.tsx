import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { UnitNode } from "@/lib/data/organizations";
import { countBadges } from "./unit-count-badges";
import { UnitTreeBranch, type TreeBranchLabels } from "./unit-tree-branch";

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

/**
 * The units in scope as a tree: the top units open with the units directly under them (getUnitTree);
 * a unit with units below it opens them on demand (UnitTreeBranch fetches them), so a district's page
 * carries its 54 grassroots organizations, not their few hundred cells.
 */
export async function UnitTree({ nodes }: { nodes: UnitNode[] }) {
  // One translator for the whole tree: an async component per unit would cost a render pass each.
  const [t, tu] = await Promise.all([getTranslations(), getTranslations("units")]);
  const forest = buildForest(nodes);
  const labels: TreeBranchLabels = { toggle: tu("treeToggle"), loading: tu("treeLoading"), failed: tu("treeFailed"), retry: tu("treeRetry") };

  const label = (node: TreeNode) => (
    <span className="tree-label">
      <Link href={`/units/${node.id}`} className="tree-link">
        {node.name}
      </Link>
      <span className="tree-kind">{t(`orgKinds.${node.kind}`)}</span>
      {countBadges(node.counts, tu)}
    </span>
  );

  const renderChild = (node: TreeNode) => (
    <li key={node.id} className="py-0.5">
      {node.counts.subUnits > 0 ? (
        <UnitTreeBranch unitId={node.id} name={node.name} label={label(node)} labels={labels} />
      ) : (
        <div className="tree-row">
          <span className="tree-spacer" aria-hidden />
          {label(node)}
        </div>
      )}
    </li>
  );

  const renderList = (children: TreeNode[]) => <ul className="ml-1 sm:ml-3">{children.map(renderChild)}</ul>;

  const renderRoot = (node: TreeNode) => (
    <li key={node.id} className="py-0.5">
      <div className="tree-row">{label(node)}</div>
      {node.children.length > 0 && (
        <div className="mt-2 space-y-4">
          {node.kind === "UPPER_COMMITTEE"
            ? bySector(node.children).map(([sector, children]) => (
                <section key={sector} aria-label={t(`sectors.${sector}`)}>
                  <h2 className="mb-1 ml-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
                    {t(`sectors.${sector}`)} · {children.length}
                  </h2>
                  {renderList(children)}
                </section>
              ))
            : renderList(node.children)}
        </div>
      )}
    </li>
  );

  return <ul className="rounded-xl border border-slate-200 bg-white p-2 shadow-sm sm:p-4">{forest.map(renderRoot)}</ul>;
}
