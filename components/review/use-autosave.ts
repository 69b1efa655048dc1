"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/actions/result";

export type AutosaveStatus = "saved" | "dirty" | "saving" | "offline" | "conflict";

export type SaveOutcome<T> = { saved: true; version: number; savedAt: Date } | { saved: false; conflict: { version: number; content: T; savedAt: Date } };

/** The device's copy: whose tab wrote it and when, so one open tab never takes another's typing. */
type Stored<T> = { baseVersion: number; content: T; at: number; tab: string };

/** A copy older than this was left by a tab that is gone (closed, crashed): any tab may restore it. */
const ORPHANED_AFTER_MS = 15_000;

/** Same text whatever the key order (the database's JSON sorts keys its own way). */
function sameContent(a: unknown, b: unknown): boolean {
  const stable = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(stable)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, stable((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(stable(a)) === JSON.stringify(stable(b));
}

/** This tab's identity; sessionStorage keeps it across a reload of the same tab, and only there. */
function tabId(): string {
  try {
    let id = sessionStorage.getItem("autosave-tab");
    if (!id) sessionStorage.setItem("autosave-tab", (id = crypto.randomUUID()));
    return id;
  } catch {
    return "tab";
  }
}

const DEBOUNCE_MS = 1_000;
const RETRY_MS = 10_000;

/**
 * Nothing typed is lost. Every change is written at once to this device (localStorage) and sent to the
 * server a second after typing stops. A save names the version its text was typed on: when another tab
 * or person saved since, the server writes nothing and returns the newer text, and the page offers a
 * choice. Offline, the text waits on the device and goes out when the connection is back (or on the next
 * visit); a reload restores what was not yet saved.
 */
export function useAutosave<T>({
  storageKey,
  initialVersion,
  initialSavedAt,
  serverContent,
  save,
  onRestore,
  enabled,
}: {
  storageKey: string;
  initialVersion: number;
  initialSavedAt: Date | null;
  /** The text the server holds at initialVersion. */
  serverContent: T;
  save: (baseVersion: number, content: T) => Promise<ActionResult<SaveOutcome<T>>>;
  /** Puts text from this device (unsaved last time) back into the form. */
  onRestore: (content: T) => void;
  enabled: boolean;
}) {
  const [status, setStatus] = useState<AutosaveStatus>("saved");
  const [savedAt, setSavedAt] = useState<Date | null>(initialSavedAt);
  const [conflict, setConflict] = useState<{ version: number; content: T; savedAt: Date } | null>(null);
  const [restored, setRestored] = useState(false);
  /** What this tab had typed when the person took the other version instead: never lost, it can come back. */
  const [replaced, setReplaced] = useState<T | null>(null);
  const version = useRef(initialVersion);
  const latest = useRef<T | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  const again = useRef(false);
  /** The latest flush, for its own retry timer (a callback cannot name itself while it is defined). */
  const flushRef = useRef<() => Promise<void>>(async () => {});

  const store = useCallback(
    (content: T) => {
      const entry: Stored<T> = { baseVersion: version.current, content, at: Date.now(), tab: tabId() };
      try {
        localStorage.setItem(storageKey, JSON.stringify(entry));
      } catch {
        // A full or disabled storage only loses the offline copy; the server save still runs.
      }
    },
    [storageKey],
  );

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const content = latest.current;
    if (!enabled || content === null) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    setStatus("saving");
    try {
      const result = await save(version.current, content);
      if (!result.ok) {
        setStatus("dirty");
        // Too busy to start the save (nothing was written): try again shortly, as when offline.
        if (result.formError === "BUSY") timer.current = setTimeout(() => void flushRef.current(), RETRY_MS);
        return;
      }
      if (!result.data.saved) {
        // A save of this very text that went out as the page was left (a reload) is no conflict.
        if (sameContent(result.data.conflict.content, content)) {
          version.current = result.data.conflict.version;
          setSavedAt(new Date(result.data.conflict.savedAt));
          if (latest.current === content) {
            latest.current = null;
            localStorage.removeItem(storageKey);
            setStatus("saved");
          }
          return;
        }
        setConflict(result.data.conflict);
        setStatus("conflict");
        return;
      }
      version.current = result.data.version;
      setSavedAt(new Date(result.data.savedAt));
      if (latest.current === content) {
        latest.current = null;
        localStorage.removeItem(storageKey);
        setStatus("saved");
      } else {
        store(latest.current!);
        again.current = true;
      }
    } catch {
      // The request never reached the server (offline, asleep, dropped): keep the text and try again.
      setStatus("offline");
      timer.current = setTimeout(() => void flushRef.current(), RETRY_MS);
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void flushRef.current();
      }
    }
  }, [enabled, save, storageKey, store]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  /** The form changed: keep it on the device now, send it when typing pauses. */
  const changed = useCallback(
    (content: T) => {
      if (!enabled) return;
      latest.current = content;
      // Typing again after taking the other version: that is the text now, the older one is not offered back.
      setReplaced(null);
      store(content);
      if (status !== "conflict") setStatus((s) => (s === "offline" ? s : "dirty"));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [enabled, flush, status, store],
  );

  // What this device kept from last time and never saved: restore it, and send it if it still applies.
  // (Read after the first render: the server renders without the device's storage.)
  useEffect(() => {
    if (!enabled) return;
    const restoreFromDevice = () => {
      let kept: Stored<T> | null;
      try {
        kept = JSON.parse(localStorage.getItem(storageKey) ?? "null") as Stored<T> | null;
      } catch {
        kept = null;
      }
      // Another open tab's typing in progress is that tab's to save; this tab restores its own copy
      // (a reload) or one a gone tab left behind.
      if (!kept || (kept.tab !== tabId() && Date.now() - kept.at < ORPHANED_AFTER_MS)) return;
      onRestore(kept.content);
      setRestored(true);
      latest.current = kept.content;
      if (kept.baseVersion === version.current) {
        setStatus("dirty");
        void flushRef.current();
      } else if (sameContent(kept.content, serverContent)) {
        // The copy was saved after all (as the page was left): nothing to choose.
        latest.current = null;
        localStorage.removeItem(storageKey);
      } else {
        // Saved elsewhere since this text was typed here: the person chooses between the two.
        setConflict({ version: version.current, content: serverContent, savedAt: initialSavedAt ?? new Date() });
        setStatus("conflict");
      }
    };
    const id = setTimeout(restoreFromDevice, 0);
    return () => clearTimeout(id);
    // Once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const online = () => void flush();
    const hide = () => {
      if (document.visibilityState === "hidden") void flush();
    };
    window.addEventListener("online", online);
    document.addEventListener("visibilitychange", hide);
    return () => {
      window.removeEventListener("online", online);
      document.removeEventListener("visibilitychange", hide);
    };
  }, [flush]);

  /**
   * The person chose the newer text: it replaces the form, and this device's copy is dropped — but what
   * was typed here is kept aside, to be taken back (takeBack) until the person types again.
   */
  const takeNewer = useCallback(() => {
    if (!conflict) return;
    version.current = conflict.version;
    setReplaced(latest.current);
    latest.current = null;
    localStorage.removeItem(storageKey);
    onRestore(conflict.content);
    setSavedAt(new Date(conflict.savedAt));
    setConflict(null);
    setStatus("saved");
  }, [conflict, onRestore, storageKey]);

  /** The person keeps the text here: it is saved over the newer one, knowingly. */
  const keepMine = useCallback(() => {
    if (!conflict) return;
    version.current = conflict.version;
    setConflict(null);
    setStatus("dirty");
    void flush();
  }, [conflict, flush]);

  /** The person wants back what they had typed here: it returns to the form and is saved over the newer text. */
  const takeBack = useCallback(() => {
    if (replaced === null) return;
    onRestore(replaced);
    setReplaced(null);
    latest.current = replaced;
    store(replaced);
    setStatus("dirty");
    void flush();
  }, [replaced, onRestore, store, flush]);

  const currentVersion = useCallback(() => version.current, []);
  return { status, savedAt, conflict, restored, replaced: replaced !== null, changed, flush, takeNewer, keepMine, takeBack, currentVersion };
}

/** Feeds an autosave what the person changes in a react-hook-form form; a reset from the server or this device is not a change. */
export function useSaveOnChange<T extends FieldValues>(form: UseFormReturn<T>, changed: (content: T) => void) {
  const { subscribe } = form;
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values, type }) => {
          if (type === "change") changed(values as T);
        },
      }),
    [subscribe, changed],
  );
}
