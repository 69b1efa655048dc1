"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Field, TextInput } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { removeTaskFileAction } from "@/lib/actions/task-files";
import type { ActionResult } from "@/lib/actions/result";
import { TASK_FILE_TYPES, TASK_FILES_PER_TASK, taskFileProblem } from "@/lib/review/tasks";

export type TaskFileItem = { id: string; fileName: string; size: number };

const ACCEPT = Object.keys(TASK_FILE_TYPES)
  .map((extension) => `.${extension}`)
  .join(",");

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
}

/** Posts a file to the upload route (a server action takes no 10 MB body) and reads its ActionResult back. */
async function upload(taskId: string, file: File): Promise<ActionResult<{ id: string }>> {
  const body = new FormData();
  body.append("file", file);
  try {
    const response = await fetch(`/tasks/${encodeURIComponent(taskId)}/files`, { method: "POST", body });
    if (response.headers.get("content-type")?.includes("application/json")) return (await response.json()) as ActionResult<{ id: string }>;
    return response.status === 413 ? { ok: false, formError: "INVALID_INPUT", fieldErrors: { file: "fileSize" } } : { ok: false, formError: "uploadFailed" };
  } catch {
    return { ok: false, formError: "uploadFailed" };
  }
}

/**
 * A task's evidence files: each a download link; the keeper attaches (PDF, Word, Excel, images… up to
 * 10 MB, 5 a task) and removes them while the result is not confirmed. A file is checked here first
 * (the same rule as the server's), so a wrong one is refused before it is sent.
 */
export function TaskFiles({ taskId, files, canAttach }: { taskId: string; files: TaskFileItem[]; canAttach: boolean }) {
  const t = useTranslations("tasks.files");
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | undefined>();
  const { run, pending, status, fieldError, errorText } = useAction({ messages: ["errors", "tasks.files"] });
  const removal = useAction();
  const full = files.length >= TASK_FILES_PER_TASK;

  const submit = async () => {
    setLocalError(undefined);
    if (!chosen) return setLocalError(errorText("required"));
    const head = new Uint8Array(await chosen.slice(0, 64).arrayBuffer());
    const problem = taskFileProblem(chosen.name, chosen.size, head);
    if (problem) return setLocalError(errorText(problem));
    const result = await run(() => upload(taskId, chosen), { refresh: true, success: t("added", { name: chosen.name }) });
    if (result.ok) {
      setChosen(null);
      if (input.current) input.current.value = "";
    }
  };

  return (
    <div className="space-y-4">
      {files.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="task-files">
          {files.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
              <a
                href={`/tasks/${encodeURIComponent(taskId)}/files/${encodeURIComponent(file.id)}`}
                className="min-w-0 break-all font-medium text-brand-800 underline hover:text-brand-900"
                download={file.fileName}
              >
                {file.fileName}
              </a>
              <span className="flex items-center gap-3">
                <span className="tabular-nums text-slate-600">{formatSize(file.size)}</span>
                {canAttach && (
                  <Button
                    type="button"
                    variant="ghost"
                    className="min-h-8 px-2 py-1 text-red-700"
                    disabled={removal.pending}
                    aria-label={t("removeNamed", { name: file.fileName })}
                    onClick={() => removal.run(() => removeTaskFileAction({ taskId, fileId: file.id }), { refresh: true, success: t("removed") })}
                  >
                    {t("remove")}
                  </Button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <FormAlert message={removal.status?.message} tone={removal.status?.tone} />
      {canAttach && !full && (
        <form
          className="space-y-3"
          noValidate
          data-testid="task-file-upload"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <FormAlert message={status?.message} tone={status?.tone} />
          <Field label={t("choose")} hint={t("hint", { count: TASK_FILES_PER_TASK })} error={localError ?? fieldError("file")}>
            <TextInput
              ref={input}
              type="file"
              accept={ACCEPT}
              className="file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm"
              onChange={(e) => {
                setLocalError(undefined);
                setChosen(e.target.files?.[0] ?? null);
              }}
            />
          </Field>
          <SubmitButton variant="secondary" pending={pending} pendingLabel={t("uploading")}>
            {t("upload")}
          </SubmitButton>
        </form>
      )}
      {canAttach && full && <p className="text-sm text-slate-600">{t("full", { count: TASK_FILES_PER_TASK })}</p>}
    </div>
  );
}
