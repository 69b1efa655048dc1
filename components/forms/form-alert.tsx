// Announced to screen readers as soon as it appears. (A role="alert" region would also match
// Next's route announcer in tests; the live region gives the same announcement.)
export function FormAlert({ message, tone = "error" }: { message?: string; tone?: "error" | "success" }) {
  const style = tone === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-emerald-200 bg-emerald-50 text-emerald-800";
  return (
    <div aria-live="polite" data-testid={`form-${tone}`}>
      {message && <p className={`rounded-lg border px-3 py-2 text-sm ${style}`}>{message}</p>}
    </div>
  );
}
