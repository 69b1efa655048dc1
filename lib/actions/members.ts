"use server";

import { updateMemberProfile } from "@/lib/data/members";
import type { MemberProfileInput } from "@/lib/schemas/members";
import { runMutation } from "./run";

export const updateMemberProfileAction = async (input: MemberProfileInput) =>
  runMutation((actor) => updateMemberProfile(actor, input), `/members/${input.memberId}`);
