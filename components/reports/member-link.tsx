import Link from "next/link";

/** A member's name in a report's table, opening their page. */
export function MemberLink({ memberId, fullName }: { memberId: string; fullName: string }) {
  return (
    <Link href={`/members/${memberId}`} className="font-medium text-brand-800 hover:underline">
      {fullName}
    </Link>
  );
}
