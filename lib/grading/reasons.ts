import { compareCodeUnits } from "./order";
import { REASON_CODES, type ReasonCode } from "./types";

// A subject's reasons as one number: each code has a bit, given in alphabetical order, so a set of
// reasons is a sum of distinct bits and its sorted list is read off the bits in order. Lists are built
// once per distinct set and shared (frozen): a country-sized evaluation, where most subjects have
// one of a few hundred sets, allocates and sorts no list per subject. 2^i stays exact as a double far
// beyond the number of codes.

const CODES_IN_ORDER: readonly ReasonCode[] = [...REASON_CODES].sort(compareCodeUnits);
const BIT_OF = new Map(CODES_IN_ORDER.map((code, index) => [code, 2 ** index]));

/** The bit of one reason code. */
export function reasonBit(code: ReasonCode): number {
  return BIT_OF.get(code)!;
}

/** The set with one more reason; adding a reason twice (two rules giving one code) changes nothing. */
export function withReason(set: number, bit: number): number {
  // Bitwise operators stop at 32 bits; the codes need more, so the bit is tested arithmetically.
  return Math.floor(set / bit) % 2 === 0 ? set + bit : set;
}

const listOf = new Map<number, readonly ReasonCode[]>([[0, Object.freeze([])]]);

// Neighbouring subjects often share their set (most have the commonest one): the last answer saves a lookup.
let lastSet = 0;
let lastList: readonly ReasonCode[] = listOf.get(0)!;

/** The sorted, frozen list of the reasons whose bits make up `set`. */
export function reasonList(set: number): readonly ReasonCode[] {
  if (set === lastSet) return lastList;
  let list = listOf.get(set);
  if (list === undefined) {
    const codes: ReasonCode[] = [];
    let rest = set;
    for (let index = 0; rest > 0; index++) {
      const bit = 2 ** index;
      if (rest % (2 * bit) !== 0) {
        codes.push(CODES_IN_ORDER[index]);
        rest -= bit;
      }
    }
    list = Object.freeze(codes);
    listOf.set(set, list);
  }
  lastSet = set;
  lastList = list;
  return list;
}
