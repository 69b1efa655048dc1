import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { findUserForSignIn, recordSignIn, recordSignInFailure } from "@/lib/data/actors";
import { checkSession, createSession, revokeSession } from "@/lib/data/sessions";
import { claimSignInAttempt, releaseSignInClaim } from "@/lib/data/sign-in-throttle";
import { env } from "@/lib/env";
import { SignInSchema } from "@/lib/schemas/auth";
import { isKnownDevice } from "./device";
import { hashPassword, verifyPassword } from "@/lib/security/password";
import { clientAddress, throttleKeys } from "@/lib/security/throttle";

export { AuthError } from "next-auth";

/** Raised when a username or an address has failed too often: the form says how long to wait. */
export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

// An unknown username is checked against this hash, so it takes as long as a wrong password and
// response times do not tell which usernames exist.
let decoyHash: Promise<string> | null = null;
const getDecoyHash = () => (decoyHash ??= hashPassword("decoy password that matches nothing"));

type SignedInUser = { id: string; name: string; sessionId: string };

// The only importer of next-auth. The cookie is Auth.js's encrypted JWT, which carries the user's id
// and the id of a Session row; that row is checked on every request (lib/data/sessions), so signing out,
// a password change or an administrator ends the session on the server, and it ends
// SESSION_MAX_AGE_HOURS after sign-in however often the cookie is refreshed. Roles are re-read from the
// database on every request (lib/auth/session.ts).
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 3600 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw, request): Promise<SignedInUser | null> {
        const parsed = SignInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { username, password } = parsed.data;
        const address = clientAddress(request.headers.get("x-forwarded-for"));
        // The attempt is claimed (counted) before the password is checked, atomically per key, so a
        // burst of concurrent guesses is counted one by one; a success gives the claim back.
        const keys = throttleKeys(username, address, isKnownDevice(request.headers.get("cookie"), username)).map((k) => k.key);
        const claim = await claimSignInAttempt(keys);
        if (!claim.allowed) throw new SignInThrottled(claim.retryAfterSeconds);
        const user = await findUserForSignIn(username);
        const valid = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), password);
        if (!user || !user.active || !valid) {
          await recordSignInFailure(username);
          return null;
        }
        await releaseSignInClaim(keys);
        await recordSignIn(user.id);
        const sessionId = await createSession(user.id, env.SESSION_MAX_AGE_HOURS, { userAgent: request.headers.get("user-agent"), ipAddress: address });
        return { id: user.id, name: user.displayName, sessionId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        // Signing in: the token names the new session row.
        token.sid = (user as SignedInUser).sessionId;
        return token;
      }
      // Every later request: a revoked, expired or unknown session clears the cookie.
      const sid = typeof token.sid === "string" ? token.sid : null;
      if (!sid || !token.sub || !(await checkSession(sid, token.sub))) return null;
      return token;
    },
    // The session object is also what /api/auth/session answers to page scripts: the user's id and
    // name only. The session row's id stays in the encrypted cookie (lib/auth/session's getSessionId).
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : null;
      if (typeof sid === "string") await revokeSession(sid, "sign-out");
    },
  },
  logger: {
    // A wrong password is an expected outcome, not an error worth a stack trace.
    // (error.name is minified in production builds: match on type.)
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
});
