"use client";

import { createContext, useContext, useId, type ComponentProps, type ReactNode } from "react";
import { inputClass, type InputLook } from "./input-class";

type FieldWiring = { id: string; describedBy?: string; errorId?: string };

/** What a Field tells the control inside it: its id, and which texts describe it. */
const FieldContext = createContext<FieldWiring | null>(null);

const join = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

/**
 * A label, an optional description (under the label) and hint (under the control), and the field's
 * error, wired to the control inside (TextInput, Select, Textarea): its id, aria-describedby (description,
 * hint, error), aria-invalid and aria-errormessage — so a screen reader reads the label, what is asked
 * and what went wrong, and the control turns red with it.
 */
export function Field({
  label,
  description,
  hint,
  error,
  id,
  hideLabel = false,
  compact = false,
  className,
  labelClassName,
  children,
}: {
  label: ReactNode;
  description?: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** A fixed id for the control (otherwise one is made up). */
  id?: string;
  /** The label is read, not shown (a table cell whose column says it). */
  hideLabel?: boolean;
  /** Small type, for a field in a table row. */
  compact?: boolean;
  className?: string;
  /** The label's own look where the layout needs it (a label beside its control). */
  labelClassName?: string;
  children: ReactNode;
}) {
  const autoId = useId();
  const controlId = id ?? autoId;
  const descriptionId = description ? `${controlId}-description` : undefined;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const labelLook = compact ? "mb-1 block text-xs font-medium text-slate-700" : "mb-1 block text-sm font-medium text-slate-800";
  return (
    <div className={className}>
      <label htmlFor={controlId} className={hideLabel ? "sr-only" : (labelClassName ?? labelLook)}>
        {label}
      </label>
      {description && (
        <p id={descriptionId} className="mb-1 text-sm text-slate-600">
          {description}
        </p>
      )}
      <FieldContext.Provider value={{ id: controlId, describedBy: join(descriptionId, hintId, errorId), errorId }}>{children}</FieldContext.Provider>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className={compact ? "mt-1 text-xs font-medium text-red-700" : "mt-1 text-sm text-red-700"}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The wiring of the enclosing Field merged with what the control was given itself. */
function useWiring(own: { id?: string; "aria-describedby"?: string; "aria-invalid"?: ComponentProps<"input">["aria-invalid"] }) {
  const field = useContext(FieldContext);
  const invalid = own["aria-invalid"] ?? (field?.errorId ? true : undefined);
  return {
    id: own.id ?? field?.id,
    "aria-describedby": join(field?.describedBy, own["aria-describedby"]),
    "aria-invalid": invalid,
    "aria-errormessage": invalid && field?.errorId ? field.errorId : undefined,
  };
}

type ControlProps = InputLook & { className?: string; id?: string; "aria-describedby"?: string; "aria-invalid"?: ComponentProps<"input">["aria-invalid"] };

/** A control's own props with the look turned into its class and the enclosing Field's wiring merged in. */
function useControl<P extends ControlProps>({
  compact,
  tall,
  widthClass,
  className = "",
  id,
  "aria-describedby": describedBy,
  "aria-invalid": invalid,
  ...rest
}: P) {
  const wiring = useWiring({ id, "aria-describedby": describedBy, "aria-invalid": invalid });
  return { ...rest, ...wiring, className: inputClass({ compact, tall, widthClass }, className) };
}

export function TextInput(props: ComponentProps<"input"> & InputLook) {
  return <input {...useControl(props)} />;
}

export function Select(props: ComponentProps<"select"> & InputLook) {
  return <select {...useControl(props)} />;
}

/** A textarea; `autoGrow` makes it grow with its text, so a long answer never scrolls inside a small box on a phone. */
export function Textarea({ autoGrow = false, ref, onChange, className = "", ...props }: ComponentProps<"textarea"> & InputLook & { autoGrow?: boolean }) {
  const control = useControl({ ...props, className: `leading-relaxed ${autoGrow ? "resize-none" : ""} ${className}` });
  const grow = (el: HTMLTextAreaElement | null) => {
    if (!el || !autoGrow) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight + 2}px`;
  };
  return (
    <textarea
      rows={3}
      {...control}
      ref={(el) => {
        grow(el);
        if (typeof ref === "function") ref(el);
        else if (ref) ref.current = el;
      }}
      onChange={(e) => {
        grow(e.target);
        onChange?.(e);
      }}
    />
  );
}
