// What every server action returns: data, or errors the form can show next to the fields.
// Errors are message keys (namespace "errors"), translated where they are shown.

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string>; formValues?: Record<string, string | number>; errorId?: string };
