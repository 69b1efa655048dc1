import { toSearchKey } from "@/lib/text/search";
import { addDays, day, randomDay } from "./dates";
import type { IdFactory } from "./ids";
import type { CellProfile, GrassrootsCategory, OrgPlan } from "./places";
import { randomFor } from "./random";
import type { OrgClosureRow, OrganizationRow, OrgKind } from "./types";

// Turns the plans of places.ts into organization rows: ids, sortable codes, depth, sibling position,
// founding dates, and the closure table (every ancestor of every node, itself included).

export interface OrgNode {
  row: OrganizationRow;
  /** null for the upper committees (province, district). */
  plan: OrgPlan | null;
  parent: OrgNode | null;
  children: OrgNode[];
  /** The district committee above the node (itself for a district). */
  district: OrgNode;
  /** The grassroots organization the node belongs to (itself for one); null for upper committees. */
  grassroots: OrgNode | null;
  /** A cell holds members: a chi bộ trực thuộc, or a chi bộ cơ sở (its own cell). */
  isCell: boolean;
  profile: CellProfile | null;
  category: GrassrootsCategory | null;
}

export interface OrgTree {
  root: OrgNode;
  districts: OrgNode[];
  /** Every node, parents before children (the order rows are written in). */
  nodes: OrgNode[];
}

export interface UpperCommittee {
  name: string;
  code: string;
  establishedOn: Date;
}

const CELL_KINDS: ReadonlySet<OrgKind> = new Set(["CHI_BO_CO_SO", "CHI_BO_TRUC_THUOC"]);

/** Codes are zero-padded so that sorting them as text sorts them as numbers ("HU.02" < "HU.10"). */
function childCode(parentCode: string, position: number, siblings: number): string {
  return `${parentCode}.${String(position).padStart(Math.max(2, String(siblings).length), "0")}`;
}

export interface TreeInput {
  ids: IdFactory;
  seedLabel: string;
  codePrefix: string;
  timestamp: Date;
  /** Province mode: a province committee over the districts. Demo: the district is the root. */
  province: UpperCommittee | null;
  districts: ReadonlyArray<{ committee: UpperCommittee; grassroots: OrgPlan[] }>;
}

export function buildOrgTree(input: TreeInput): OrgTree {
  const nodes: OrgNode[] = [];

  const makeNode = (
    fields: Pick<OrganizationRow, "code" | "name" | "kind" | "sector" | "depth" | "position" | "establishedOn">,
    plan: OrgPlan | null,
    parent: OrgNode | null,
  ): OrgNode => {
    const row: OrganizationRow = {
      id: input.ids.next("organization"),
      ...fields,
      nameSearch: toSearchKey(fields.name),
      parentId: parent?.row.id ?? null,
      dissolvedOn: null,
      createdAt: input.timestamp,
      updatedAt: input.timestamp,
    };
    const node: OrgNode = {
      row,
      plan,
      parent,
      children: [],
      district: null as unknown as OrgNode, // set just below: a district is its own district
      grassroots: null,
      isCell: CELL_KINDS.has(fields.kind),
      profile: plan?.profile ?? null,
      category: plan?.category ?? null,
    };
    node.district = parent?.district ?? node;
    if (parent) parent.children.push(node);
    nodes.push(node);
    return node;
  };

  const upper = (committee: UpperCommittee, code: string, depth: number, position: number, parent: OrgNode | null) =>
    makeNode({ code, name: committee.name, kind: "UPPER_COMMITTEE", sector: "OTHER", depth, position, establishedOn: committee.establishedOn }, null, parent);

  const root = input.province
    ? upper(input.province, `${input.codePrefix}${input.province.code}`, 0, 1, null)
    : upper(input.districts[0].committee, `${input.codePrefix}${input.districts[0].committee.code}`, 0, 1, null);

  const districts: OrgNode[] = [];
  input.districts.forEach((district, index) => {
    const districtNode = input.province ? upper(district.committee, childCode(root.row.code, index + 1, input.districts.length), 1, index + 1, root) : root;
    districtNode.district = districtNode;
    districts.push(districtNode);
    const rng = randomFor(input.seedLabel, "founding", districtNode.row.code);
    district.grassroots.forEach((plan, i) => {
      // Communes are as old as the Party's rural bases; units of the state and firms came later.
      const founded =
        plan.establishedOn ??
        (plan.category === "commune" ? randomDay(rng, day(1946, 1, 1), day(1975, 12, 31)) : randomDay(rng, day(1976, 1, 1), day(2012, 12, 31)));
      const grassrootsNode = addPlanned(plan, districtNode, i + 1, district.grassroots.length, founded);
      grassrootsNode.grassroots = grassrootsNode;
      assignGrassroots(grassrootsNode, grassrootsNode);
    });
  });

  function addPlanned(plan: OrgPlan, parent: OrgNode, position: number, siblings: number, established: Date): OrgNode {
    const node = makeNode(
      {
        code: childCode(parent.row.code, position, siblings),
        name: plan.name,
        kind: plan.kind,
        sector: plan.sector,
        depth: parent.row.depth + 1,
        position,
        establishedOn: established,
      },
      plan,
      parent,
    );
    const rng = randomFor(input.seedLabel, "founding", node.row.code);
    plan.children.forEach((child, i) => {
      // A subordinate cell is founded with its committee or some years after, and not after 2015.
      const founded = child.establishedOn ?? minDay(addDays(established, rng.int(0, 3650)), day(2015, 12, 31));
      addPlanned(child, node, i + 1, plan.children.length, founded);
    });
    return node;
  }

  return { root, districts, nodes };
}

function minDay(a: Date, b: Date): Date {
  return a.getTime() < b.getTime() ? a : b;
}

function assignGrassroots(node: OrgNode, grassroots: OrgNode): void {
  node.grassroots = grassroots;
  for (const child of node.children) assignGrassroots(child, grassroots);
}

/** Every (ancestor, descendant, distance) pair, (self, self, 0) included. */
export function closureRows(nodes: readonly OrgNode[]): OrgClosureRow[] {
  const rows: OrgClosureRow[] = [];
  for (const node of nodes) {
    let distance = 0;
    for (let ancestor: OrgNode | null = node; ancestor; ancestor = ancestor.parent) {
      rows.push({ ancestorId: ancestor.row.id, descendantId: node.row.id, distance: distance++ });
    }
  }
  return rows;
}

/** The cells of a subtree, in tree order. */
export function cellsUnder(node: OrgNode): OrgNode[] {
  const cells: OrgNode[] = [];
  const walk = (n: OrgNode) => {
    if (n.isCell) cells.push(n);
    n.children.forEach(walk);
  };
  walk(node);
  return cells;
}
