import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

// How guessable a new password is, by zxcvbn's estimate (common passwords and names, keyboard walks,
// repeats, sequences, dates, l33t). Server-only: its dictionaries are about a megabyte and never go
// to the browser; the form shows the server's answer beside the field.

/** zxcvbn's scale: 0 too guessable … 4 very unguessable. 3 resists an offline attack on a slow hash. */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | null = null;
const getEstimator = () => (estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

/** The key of "errors.*" that says why `password` is refused for `username`, or null when it is strong enough. */
export function passwordWeakness(password: string, username: string): "passwordHasUsername" | "passwordWeak" | null {
  if (username && password.toLowerCase().includes(username.toLowerCase())) return "passwordHasUsername";
  return getEstimator().check(password, [username]).score < MIN_PASSWORD_SCORE ? "passwordWeak" : null;
}
