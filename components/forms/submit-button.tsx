import type { ComponentProps, ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** A form's submit button: disabled while its action runs, saying so when given `pendingLabel`. */
export function SubmitButton({
  pending,
  pendingLabel,
  children,
  ...button
}: Omit<ComponentProps<typeof Button>, "type" | "disabled"> & { pending: boolean; pendingLabel?: ReactNode }) {
  return (
    <Button type="submit" disabled={pending} {...button}>
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
