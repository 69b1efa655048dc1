import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { UnitNode } from "@/lib/data/organizations";
import { UnitCountBadges } from "./unit-count-badges";

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

/** The units in scope as a tree: top units open, each grassroots organization folds its cells away. */
export async function UnitTree({ nodes }: { nodes: UnitNode[] }) {
  const t = await getTranslations();
  const forest = buildForest(nodes);

  const label = (node: TreeNode) => (
    <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <Link href={`/units/${node.id}`} className="font-medium text-brand-800 hover:underline">
        {node.name}
      </Link>
      <span className="text-xs text-slate-500">{t(`orgKinds.${node.kind}`)}</span>
      <UnitCountBadges counts={node.counts} />
    </span>
  );

  const render = (node: TreeNode, level: number) => (
    <li key={node.id} className="py-1">
      {node.children.length && level > 0 ? (
        <details className="group">
          <summary className="cursor-pointer list-none rounded-md px-2 py-1.5 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
            <span className="mr-1 inline-block w-4 text-slate-400 transition-transform group-open:rotate-90" aria-hidden>
              ▸
            </span>
            {label(node)}
          </summary>
          <ul className="ml-6 border-l border-slate-200 pl-3">{node.children.map((c) => render(c, level + 1))}</ul>
        </details>
      ) : (
        <div className="px-2 py-1.5">
          {label(node)}
          {node.children.length > 0 && <ul className="ml-2 mt-2 border-l border-slate-200 pl-3">{node.children.map((c) => render(c, level + 1))}</ul>}
        </div>
      )}
    </li>
  );

  return <ul className="rounded-xl border border-slate-200 bg-white p-2 shadow-sm sm:p-4">{forest.map((n) => render(n, 0))}</ul>;
}
