// What text this application stores and shows: no control characters (line feeds and tabs allowed in
// multi-line text), no bidirectional controls and no lone UTF-16 surrogates. PURE; used by the schemas'
// input policy (lib/schemas/text.ts, also for the register import) and, without the bidirectional
// controls, by the proxy's check of URLs (lib/security/http.ts).

/** C0 controls, DEL and C1 controls, except line feed and tab (allowed in multi-line text). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_IN_PARAGRAPH = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** Every control character, line feed and tab included: a one-line field holds one line. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Bidirectional controls (embeddings, overrides, isolates and the invisible marks LRM, RLM, ALM): no
 * Vietnamese text needs them, and they make a shown text read otherwise than it is stored
 * ("\u202Egnp.exe" shows as "exe.png"), so a name could pass for another.
 */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export const hasControlCharacters = (value: string, multiline = false) => (multiline ? CONTROL_IN_PARAGRAPH : CONTROL_IN_LINE).test(value);
export const hasLoneSurrogate = (value: string) => LONE_SURROGATE.test(value);
export const hasBidiControls = (value: string) => BIDI_CONTROL.test(value);

/** True when a string may be stored and shown: no control characters (but \n and \t in multi-line text), no lone surrogates. */
export function isCleanText(value: string, multiline = false): boolean {
  return !hasControlCharacters(value, multiline) && !hasLoneSurrogate(value);
}
