/**
 * The message namespaces every page's browser code gets (app/layout.tsx): the shared words, and the
 * error messages every form answers with. A page whose client components read more names them in its
 * segment's layout (components/layout/client-messages.tsx); the rest of the catalogue (some 60 KB)
 * stays on the server, where the pages render with all of it. tests/unit/i18n/client-messages.test.ts
 * reads the sources and fails when a client component reads a namespace its page does not provide.
 */
export const CLIENT_BASE_NAMESPACES = ["common", "errors"] as const;

/** The part of a catalogue under these top-level namespaces. */
export function pickNamespaces<M extends Record<string, unknown>>(messages: M, namespaces: readonly string[]): Partial<M> {
  const picked: Partial<M> = {};
  for (const ns of namespaces) if (ns in messages) picked[ns as keyof M] = messages[ns as keyof M];
  return picked;
}
