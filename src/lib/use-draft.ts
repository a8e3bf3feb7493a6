/**
 * A text field's draft over a value that lives elsewhere (the URL): typing changes the draft;
 * when the outside value changes (Back, a reset, a chip removed) the draft follows it, unless it
 * already says the same thing. React's "adjust state when a prop changes" during render, so no
 * effect copies one into the other.
 */
import { useState } from "react";

export function useDraft<T>(
  source: T,
  sameMeaning: (draft: T, source: T) => boolean = Object.is,
): [T, (draft: T) => void] {
  const [state, setState] = useState({ source, draft: source });
  let { draft } = state;
  if (!Object.is(state.source, source)) {
    if (!sameMeaning(draft, source)) draft = source;
    setState({ source, draft });
  }
  return [draft, (next: T) => setState((previous) => ({ ...previous, draft: next }))];
}
