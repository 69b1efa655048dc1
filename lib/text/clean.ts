// What text this application stores and shows: no control characters (line feeds and tabs allowed in
// multi-line text) and no lone UTF-16 surrogates. PURE; used by the schemas' input policy
// (lib/schemas/text.ts) and by the proxy's check of URLs (lib/security/http.ts).

/** C0 controls, DEL and C1 controls, except line feed and tab (allowed in multi-line text). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_IN_PARAGRAPH = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** Every control character, line feed and tab included: a one-line field holds one line. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasControlCharacters = (value: string, multiline = false) =>
  (multiline ? CONTROL_IN_PARAGRAPH : CONTROL_IN_LINE).test(value);
export const hasLoneSurrogate = (value: string) => LONE_SURROGATE.test(value);

/** True when a string may be stored and shown: no control characters (but \n and \t in multi-line text), no lone surrogates. */
export function isCleanText(value: string, multiline = false): boolean {
  return !hasControlCharacters(value, multiline) && !hasLoneSurrogate(value);
}
