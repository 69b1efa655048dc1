import "server-only";
import type { z } from "zod";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { assertTransition, type RecordContext, type Transition, type TransitionName } from "@/lib/review/workflow";
import type { AuditAction, AuditPayloads } from "@/lib/review/audit-actions";
import { writeAudit, type AuditEntry } from "./audit";
import { db, type Tx } from "./db";

// The one road of a change (docs/architecture.md, "The road of a change"): every use case that writes is
// a command — parse the input, open the transaction, load and lock what it changes, authorize on the
// loaded rows, check the workflow transition, write, and append the typed audit entries in the same
// transaction. A new transition or command is these blanks filled in; the order is not for each use case
// to get right again.

/** An audit entry as a command returns it: the helper adds who did it. */
export type CommandAudit = AuditEntry extends infer E ? (E extends AuditEntry ? Omit<E, "actorId"> : never) : never;

/** A review record as its history files it: a unit's record under the unit, a member's under the member's cell. */
type AuditedRecord = { id: string; scopeOrgId: string; organizationId?: string | null };

/** The audit entry of a change to one review record: the row of its history the record's page reads. */
export function recordAudit<A extends AuditAction>(record: AuditedRecord, action: A, data: AuditPayloads[A]): CommandAudit {
  return { action, entityId: record.id, organizationId: record.organizationId ?? record.scopeOrgId, data } as CommandAudit;
}

/** The audit entry of a change to any other row (a cycle, a sheet, a peer group): its id, and the unit whose log holds it. */
export function rowAudit<A extends AuditAction>(row: { id: string; organizationId: string | null }, action: A, data: AuditPayloads[A]): CommandAudit {
  return { action, entityId: row.id, organizationId: row.organizationId, data } as CommandAudit;
}

export interface CommandContext<I, L> {
  tx: Tx;
  actor: Actor;
  input: I;
  /** What `load` read and locked, authorized. */
  loaded: L;
  /** The workflow step `transition` named, checked: its `to` is the record's next state. */
  transition: Transition;
}

export interface CommandWrite<R> {
  result: R;
  /** The rows that say what changed; an empty list only where nothing changed. */
  audit: CommandAudit | readonly CommandAudit[];
}

export interface Command<S extends z.ZodType, L, R> {
  /** What the form may send; parsed before anything is read, so bad input changes nothing. */
  input: S;
  /**
   * Reads what the command changes, inside its transaction — locking it (FOR UPDATE) where two people
   * could change it at once. Null when it does not exist: NOT_FOUND.
   */
  load(tx: Tx, input: z.output<S>, actor: Actor): Promise<L | null>;
  /**
   * Whether the actor may act on what was loaded — the database's truth, not the form's word. False
   * answers NOT_FOUND, as if it did not exist (nothing leaks about rows outside the actor's scope). A
   * refusal the user should read (OWN_RECORD, CYCLE_CLOSED) is thrown as a DomainError.
   */
  authorize(actor: Actor, loaded: L, input: z.output<S>): boolean;
  /** The workflow step the command takes on a record, when it takes one: refused before any write. */
  transition?(loaded: L, input: z.output<S>): { name: TransitionName; record: RecordContext };
  /** The change itself, and what the audit log says of it. */
  write(context: CommandContext<z.output<S>, L>): Promise<CommandWrite<R>>;
  /** For a long write (a whole organization's decisions): Prisma's interactive transaction options. */
  transactionOptions?: { timeout?: number; maxWait?: number };
}

/** A whole desk's decisions in one transaction: more time than Prisma's 5 s default, and a bounded wait for a connection. */
export const BULK_TRANSACTION = { timeout: 30_000, maxWait: 10_000 } as const;

const NO_TRANSITION = undefined as unknown as Transition;

/** Runs one command for one actor: `(actor, raw) => result`, all of it in one transaction. */
export function command<S extends z.ZodType, L, R>(spec: Command<S, L, R>): (actor: Actor, raw: unknown) => Promise<R> {
  return async (actor, raw) => {
    const input = spec.input.parse(raw) as z.output<S>;
    return db.$transaction(async (tx) => {
      const loaded = await spec.load(tx, input, actor);
      if (loaded === null || !spec.authorize(actor, loaded, input)) throw new NotFoundError();
      const step = spec.transition?.(loaded, input);
      const transition = step ? assertTransition(actor, step.name, step.record) : NO_TRANSITION;
      const { result, audit } = await spec.write({ tx, actor, input, loaded, transition });
      const entries = (Array.isArray(audit) ? audit : [audit]) as readonly CommandAudit[];
      await writeAudit(tx, ...entries.map((entry) => ({ ...entry, actorId: actor.userId }) as AuditEntry));
      return result;
    }, spec.transactionOptions);
  };
}
