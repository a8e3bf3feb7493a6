/**
 * The sign-in page: a centred card with the product's name, username and password, and why a
 * sign-in failed. Signing in writes the session query, so the app replaces this page without a
 * reload and the URL (filters, open call) stays as it was. Loaded on demand: a signed-in first
 * screen does not carry it.
 */
import { useQueryClient } from "@tanstack/react-query";
import { Eye, EyeOff, LoaderCircle, PhoneCall } from "lucide-react";
import { type FormEvent, type ReactNode, useId, useRef, useState } from "react";
import { signInRequestSchema } from "@/contract/session.ts";
import { ApiError } from "@/lib/api-client.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { showSignedIn } from "../api/session-queries.ts";
import { signIn } from "../api/sign-in-request.ts";
import { signInMessages } from "../sign-in-messages.ts";

type SignInMessages = (typeof signInMessages)["vi"];

/** What went wrong, in words: never which of username or password was wrong. */
function describeSignInProblem(error: unknown, messages: SignInMessages): string {
  if (error instanceof ApiError && error.status === 429) {
    return messages.tooManyAttempts(error.retryAfterSeconds);
  }
  if (error instanceof ApiError) {
    if (error.status === 401) return messages.wrongCredentials;
    if (error.status === 400) return messages.invalidInput;
    return messages.serverError;
  }
  // fetch rejects with a TypeError when the server cannot be reached at all.
  return error instanceof TypeError ? messages.networkError : messages.serverError;
}

const { username: usernameBounds, password: passwordBounds } = signInRequestSchema.shape;
const inputClassName =
  "h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-xs outline-none focus:border-sky-600 focus:ring-2 focus:ring-sky-600/25";

export default function SignInPage({
  productName,
  aside,
  sessionProblem,
}: {
  productName: string;
  /** Shown in the top corner (the language switch). */
  aside?: ReactNode;
  /** Why the session could not be checked (server down), until the next attempt. */
  sessionProblem?: unknown;
}) {
  const messages = useMessages(signInMessages);
  const queryClient = useQueryClient();
  const id = useId();
  const passwordInput = useRef<HTMLInputElement>(null);
  const [passwordShown, setPasswordShown] = useState(false);
  // One request at a time, so a local state does: TanStack's mutation machinery (about 2 KB)
  // would buy nothing here.
  const [attempt, setAttempt] = useState<{ isPending?: boolean; error?: unknown }>({});
  const problem = attempt.isPending ? undefined : (attempt.error ?? sessionProblem);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (attempt.isPending) return;
    const form = new FormData(event.currentTarget);
    setAttempt({ isPending: true });
    try {
      const user = await signIn({
        username: String(form.get("username") ?? ""),
        password: String(form.get("password") ?? ""),
      });
      showSignedIn(queryClient, user);
    } catch (error) {
      setAttempt({ error });
      // What was typed stays; the password is what to look at again.
      passwordInput.current?.focus();
    }
  };

  return (
    <div className="flex min-h-dvh flex-col bg-slate-100 text-slate-900">
      <div className="flex justify-end p-3">{aside}</div>
      <main className="flex flex-1 justify-center px-4 pt-[10vh] pb-16">
        <div className="w-full max-w-sm">
          <h1 className="mb-6 flex items-center justify-center gap-2 text-lg font-semibold">
            <span className="grid size-8 place-items-center rounded-lg bg-slate-900">
              <PhoneCall aria-hidden="true" className="size-4 text-sky-300" />
            </span>
            {productName}
          </h1>
          <form
            onSubmit={submit}
            aria-labelledby={`${id}-title`}
            className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
          >
            <h2 id={`${id}-title`} className="text-base font-semibold">
              {messages.signIn}
            </h2>
            {problem != null && (
              <p
                role="alert"
                className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-800"
              >
                {describeSignInProblem(problem, messages)}
              </p>
            )}
            <div className="flex flex-col gap-1.5">
              <label htmlFor={`${id}-username`} className="text-[13px] font-medium">
                {messages.username}
              </label>
              <input
                id={`${id}-username`}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                maxLength={usernameBounds.maxLength ?? undefined}
                // biome-ignore lint/a11y/noAutofocus: the page has one purpose; its first field is where everyone starts.
                autoFocus
                className={inputClassName}
              />
            </div>
            <div className="flex flex-col gap-1.5">
              <label htmlFor={`${id}-password`} className="text-[13px] font-medium">
                {messages.password}
              </label>
              <div className="relative">
                <input
                  ref={passwordInput}
                  id={`${id}-password`}
                  name="password"
                  type={passwordShown ? "text" : "password"}
                  autoComplete="current-password"
                  required
                  maxLength={passwordBounds.maxLength ?? undefined}
                  className={`${inputClassName} pr-10`}
                />
                <button
                  type="button"
                  aria-label={messages.showPassword}
                  aria-pressed={passwordShown}
                  aria-controls={`${id}-password`}
                  onClick={() => setPasswordShown((shown) => !shown)}
                  className="absolute inset-y-1 right-1 grid w-8 place-items-center rounded text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-sky-600"
                >
                  {passwordShown ? (
                    <EyeOff aria-hidden="true" className="size-4" />
                  ) : (
                    <Eye aria-hidden="true" className="size-4" />
                  )}
                </button>
              </div>
            </div>
            <button
              type="submit"
              disabled={attempt.isPending}
              className="mt-1 inline-flex h-10 items-center justify-center gap-2 rounded-md bg-sky-700 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:bg-sky-700/80"
            >
              {attempt.isPending && (
                <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
              )}
              {attempt.isPending ? messages.signingIn : messages.signIn}
            </button>
          </form>
        </div>
      </main>
    </div>
  );
}
