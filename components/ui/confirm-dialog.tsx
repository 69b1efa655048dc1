"use client";

import { useId, useRef, type ReactNode } from "react";
import { Button } from "./button";

/**
 * A button that asks before an irreversible step. The native <dialog> gives focus trapping, Escape to
 * cancel and the modal role for free.
 */
export function ConfirmButton({
  children,
  message,
  confirmLabel,
  cancelLabel,
  onConfirm,
  disabled,
  describedBy,
}: {
  children: ReactNode;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  /** The id of the text that says why the button is disabled, or what it will do. */
  describedBy?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const messageId = useId();
  return (
    <>
      <Button type="button" onClick={() => dialog.current?.showModal()} disabled={disabled} aria-describedby={describedBy}>
        {children}
      </Button>
      <dialog
        ref={dialog}
        aria-describedby={messageId}
        aria-label={confirmLabel}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="space-y-4 p-5">
          <p id={messageId} className="text-sm text-slate-800">
            {message}
          </p>
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
              {cancelLabel}
            </Button>
            <Button
              type="button"
              onClick={() => {
                dialog.current?.close();
                onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
