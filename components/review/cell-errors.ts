/**
 * Where the cell's screens look an error key up: the cell's messages first, then the app's. A module of
 * its own, so that a button or a notice that only needs this list does not bring the opinion form (and
 * react-hook-form) into its page's JavaScript.
 */
export const CELL_ERRORS = ["cell.errors", "errors"] as const;
