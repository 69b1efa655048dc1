"use server";

import { updateMemberProfile } from "@/lib/data/members";
import type { MemberProfileInput } from "@/lib/schemas/members";
import { runMutation } from "./run";

export async function updateMemberProfileAction(input: MemberProfileInput) {
  return runMutation((actor) => updateMemberProfile(actor, input), `/members/${input.memberId}`);
}
