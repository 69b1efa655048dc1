import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { getActor } from "@/lib/auth/session";

export async function generateMetadata() {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage() {
  if (await getActor()) redirect("/");
  const t = await getTranslations("signIn");
  const tCommon = await getTranslations("common");
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div aria-hidden className="mx-auto mb-3 flex h-12 w-12 items-center justify-center rounded-full bg-brand-700 text-xl font-bold text-amber-300">
            ★
          </div>
          <h1 className="text-xl font-semibold text-slate-900">{tCommon("appName")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h2 className="mb-4 text-lg font-semibold">{t("title")}</h2>
          <SignInForm />
          <p className="mt-4 text-xs text-slate-500">{t("help")}</p>
        </div>
        <div className="mt-4 flex justify-center">
          <LocaleSwitcher />
        </div>
      </div>
    </main>
  );
}
