import type { ComponentProps } from "react";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";

/** A titled panel of label–value facts (a unit's, a member's, a cycle's details). */
export function DetailsCard({
  title,
  className,
  actions,
  items,
}: Pick<ComponentProps<typeof Card>, "title" | "className" | "actions"> & ComponentProps<typeof DescriptionList>) {
  return (
    <Card title={title} className={className} actions={actions}>
      <DescriptionList items={items} />
    </Card>
  );
}
