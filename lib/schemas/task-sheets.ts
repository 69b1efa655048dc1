import { z } from "zod";
import { id } from "./text";

// The task register's .xlsx export (app/(app)/tasks/export): one member's or one organization's register
// of a year, or a unit's whole year (every task of its members). Exactly one of the three is named.

export const TaskExportQuerySchema = z
  .object({
    member: id.optional(),
    organization: id.optional(),
    unit: id.optional(),
    year: z.coerce.number({ message: "invalid" }).int({ message: "invalid" }).min(2000, { message: "invalid" }).max(2100, { message: "invalid" }),
  })
  .refine((q) => [q.member, q.organization, q.unit].filter(Boolean).length === 1, { message: "invalid" });
export type TaskExportQuery = z.output<typeof TaskExportQuerySchema>;
