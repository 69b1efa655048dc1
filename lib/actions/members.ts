"use server";

import { revalidatePath } from "next/cache";
import { updateMemberProfile } from "@/lib/data/members";
import type { MemberProfileInput } from "@/lib/schemas/members";
import { runAction } from "./run";

export async function updateMemberProfileAction(input: MemberProfileInput) {
  const result = await runAction((actor) => updateMemberProfile(actor, input));
  if (result.ok) revalidatePath(`/members/${input.memberId}`);
  return result;
}
