import { z } from "zod";
import { NotFoundError } from "@/lib/review/permissions";
import { getActor } from "@/lib/auth/session";
import { DOCUMENT_KINDS, documentResponse, type DocumentKind } from "@/lib/exports/documents";

const ParamsSchema = z.object({
  unit: z.string().min(1).max(40).optional().catch(undefined),
  record: z.string().min(1).max(40).optional().catch(undefined),
  member: z.string().min(1).max(40).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  format: z.enum(["pdf", "docx"]).catch("pdf"),
});

// GET /reports/documents/<kind>?unit=…&year=…&record=…&member=…&format=pdf|docx → the official document.
export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const { kind } = await params;
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) return new Response("Not found", { status: 404 });
  const query = ParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    return await documentResponse(actor, kind as DocumentKind, query.format, query);
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
