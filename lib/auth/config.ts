import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { countSignInFailures, findUserForSignIn, recordSignIn, recordSignInFailure } from "@/lib/data/actors";
import { env } from "@/lib/env";
import { SignInSchema } from "@/lib/schemas/auth";
import { hashPassword, verifyPassword } from "./password";

export { AuthError } from "next-auth";

/** After this many failures for one username within the window, sign-in is refused for a while. */
const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** Raised when a username has failed too often: the form says "wait", not "wrong password". */
export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
}

// An unknown username is checked against this hash, so it takes as long as a wrong password and
// response times do not tell which usernames exist.
let decoyHash: Promise<string> | null = null;
const getDecoyHash = () => (decoyHash ??= hashPassword("decoy password that matches nothing"));

// The only importer of next-auth. Sessions are signed JWT cookies that end SESSION_MAX_AGE_HOURS
// after sign-in; roles are re-read from the database on every request.
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 3600 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw) {
        const parsed = SignInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { username, password } = parsed.data;
        if ((await countSignInFailures(username, new Date(Date.now() - FAILURE_WINDOW_MS))) >= MAX_FAILURES) {
          throw new SignInThrottled();
        }
        const user = await findUserForSignIn(username);
        const valid = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), password);
        if (!user || !user.active || !valid) {
          await recordSignInFailure(username);
          return null;
        }
        await recordSignIn(user.id);
        return { id: user.id, name: user.displayName };
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
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
