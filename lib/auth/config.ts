import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { findUserForSignIn, recordSignIn } from "@/lib/data/actors";
import { env } from "@/lib/env";
import { SignInSchema } from "@/lib/schemas/auth";
import { verifyPassword } from "./password";

// The only importer of next-auth. Sessions are signed JWT cookies that expire after
// SESSION_MAX_AGE_HOURS without activity; roles are re-read from the database on every request.
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 3600, updateAge: 15 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw) {
        const parsed = SignInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await findUserForSignIn(parsed.data.username);
        // Verify even for an unknown name would be kinder to timing attacks; argon2 is the slow part,
        // and an unknown user is answered exactly like a wrong password.
        if (!user || !user.active || !(await verifyPassword(user.passwordHash, parsed.data.password))) return null;
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
