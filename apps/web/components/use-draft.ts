'use client';

import { useCallback, useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';

/**
 * A text field whose value lives in the URL: typing edits a draft, which is committed after a pause,
 * on Enter and on blur, and only when it differs from what was last committed.
 *
 * Blur is what keeps links working. A commit writes the URL (history.replaceState), and Next's router
 * treats that as a navigation of its own: a timer firing just after a click on a link (the first
 * result of a search, say) cancelled the navigation the click had started. A click blurs the field
 * before it lands, so the commit goes first and the timer has nothing left to do.
 *
 * `value` is the committed text as read from the URL. It catches up a render after a commit; changes
 * that did not come from this field (Back, a link that clears the filter) replace the draft.
 */
export function useDraftInput(value: string, onCommit: (text: string) => void, delayMs: number) {
  const [draft, setDraft] = useState(value);
  const committed = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latestCommit = useRef(onCommit);
  latestCommit.current = onCommit;

  useEffect(() => {
    if (value === committed.current) return;
    committed.current = value;
    setDraft(value);
  }, [value]);

  const commit = useCallback((text: string) => {
    clearTimeout(timer.current);
    if (text === committed.current) return;
    committed.current = text;
    latestCommit.current(text);
  }, []);

  useEffect(() => {
    if (draft === committed.current) return;
    timer.current = setTimeout(() => commit(draft), delayMs);
    return () => clearTimeout(timer.current);
  }, [draft, delayMs, commit]);

  /** Sets the field and commits at once (a value chosen elsewhere, not typed). */
  const set = useCallback(
    (text: string) => {
      setDraft(text);
      commit(text);
    },
    [commit],
  );

  return {
    set,
    inputProps: {
      value: draft,
      onChange: (event: ChangeEvent<HTMLInputElement>) => setDraft(event.target.value),
      onBlur: () => commit(draft),
      onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
        if (event.key === 'Enter') commit(draft);
      },
    },
  };
}
