/**
 * What stops a form, listed under its title: each item links to the field it is about (when it has one
 * on the page), so a keyboard or screen-reader user goes straight to what needs fixing.
 */
export function ErrorList({ title, errors, testId }: { title: string; errors: { message: string; fieldId?: string }[]; testId?: string }) {
  if (errors.length === 0) return null;
  return (
    <div className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800" data-testid={testId}>
      <p className="font-medium">{title}</p>
      <ul className="mt-1 list-disc pl-5">
        {errors.map((error, i) => (
          <li key={i}>
            {error.fieldId ? (
              <a href={`#${error.fieldId}`} className="underline hover:text-red-900">
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
