"use client";

import type { ComponentProps, ReactNode } from "react";
import { Field, TextInput } from "./field";

type Props = ComponentProps<"input"> & { label: string; error?: string; hint?: ReactNode };

/** The common case of a Field: a label over one text box, its hint and its error. */
export function TextField({ label, error, hint, className, id, ...input }: Props) {
  return (
    <Field label={label} hint={hint} error={error} id={id} className={className}>
      <TextInput {...input} />
    </Field>
  );
}
