/**
 * The one look of every text box, select and textarea: border, corners, colours, focus and the invalid
 * state (a field in error turns red through its aria-invalid, so the look and what a screen reader hears
 * cannot disagree). Size and width vary with the place; the look does not.
 */
const LOOK =
  "block rounded-lg border border-slate-300 bg-white text-slate-900 placeholder:text-slate-400 focus:border-focus aria-[invalid]:border-red-500 disabled:bg-slate-50 disabled:text-slate-800";

/** A form's field: a comfortable target on a phone, 16px there so iOS does not zoom in. */
const NORMAL = "px-3 py-2 text-base sm:text-sm";
/** Inside a table row or a dense desk. */
const COMPACT = "px-2 py-1 text-sm";

export type InputLook = {
  compact?: boolean;
  /** 44px high: the forms a member fills in on a phone (the self-review, the meeting's tally). */
  tall?: boolean;
  /** A Tailwind width class; a field fills its column unless told otherwise. */
  widthClass?: string;
};

export function inputClass({ compact = false, tall = false, widthClass = "w-full" }: InputLook = {}, extra = "") {
  const size = compact ? COMPACT : `${NORMAL} ${tall ? "min-h-11" : "min-h-10"}`;
  return `${LOOK} ${size} ${widthClass} ${extra}`.trim();
}
