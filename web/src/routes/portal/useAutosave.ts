import { useCallback, useEffect, useRef, useState } from "react";
import type { AnswerValue } from "../../../../domain/questionnaires";
import { ApiError, errorMessage } from "../../api/client";
import { type SavedAnswers, saveAnswers } from "./queries";

/** Where the autosave stands, for the status line. */
export type SaveState = "idle" | "saving" | "saved" | "error";

/** Debounce after the last change before the batch goes out. */
export const AUTOSAVE_DELAY_MS = 800;

/** The question key of a field error path: `body.answers.<key>` (save) or `answers.<key>` (submit). */
export function answerKeyOf(path: string): string | null {
  return /(?:^|\.)answers\.([a-z][a-z0-9_]*)$/.exec(path)?.[1] ?? null;
}

/** Blank text and empty selections are "not answered": sent as null so the server drops the row. */
const normalise = (v: AnswerValue): AnswerValue =>
  (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0) ? null : v;

interface Options {
  /** The server's answer to a save: status, progress and what is still missing. */
  onSaved: (result: SavedAnswers) => void;
  /** The assessment stopped being editable (409 `not_editable`): reload it. */
  onConflict: () => void;
}

/**
 * Autosave of a partner's answers. Each change is held locally (so conditional questions react
 * at once) and queued; ~800 ms after the last change every queued key goes out in ONE partial
 * `PUT …/answers`. One request at a time: changes made while a save is in flight wait for it and
 * then go in the next batch, so an older value can never overwrite a newer one on the server.
 * A 422 puts its field errors on the questions and drops those keys from the queue (they are
 * resent when edited); the other keys of the refused batch are retried at once. Any other failure
 * keeps the whole batch queued for "retry".
 */
export function useAutosave(assessmentId: string, initial: Record<string, AnswerValue>, options: Options) {
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>(initial);
  const [state, setState] = useState<SaveState>("idle");
  const [failure, setFailure] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const pending = useRef(new Map<string, AnswerValue>());
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const opts = useRef(options);
  opts.current = options;

  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    if (pending.current.size === 0) return true;
    const batch = Object.fromEntries(pending.current);
    pending.current.clear();
    setState("saving");
    const request = saveAnswers(assessmentId, batch).then(
      (result) => {
        opts.current.onSaved(result);
        setErrors((e) => {
          const next = { ...e };
          for (const k of Object.keys(batch)) delete next[k];
          return next;
        });
        return true;
      },
      (error: unknown) => {
        // Requeue what failed unless the partner changed it again meanwhile (the newer value wins).
        for (const [k, v] of Object.entries(batch)) if (!pending.current.has(k)) pending.current.set(k, v);
        const fieldErrors: Record<string, string> = {};
        if (error instanceof ApiError)
          for (const e of error.errors) {
            const key = answerKeyOf(e.path);
            if (key && key in batch) fieldErrors[key] ??= e.message;
          }
        if (Object.keys(fieldErrors).length > 0) {
          setErrors((e) => ({ ...e, ...fieldErrors }));
          for (const k of Object.keys(fieldErrors)) pending.current.delete(k);
          setFailure("Some answers could not be saved: see the marked questions");
          // The rest of the refused batch was fine: send it again straight away.
          if (pending.current.size > 0) timer.current = setTimeout(() => void flush(), 0);
        } else {
          setFailure(errorMessage(error));
        }
        if (error instanceof ApiError && error.status === 409) {
          pending.current.clear();
          opts.current.onConflict();
        }
        return false;
      },
    );
    inFlight.current = request;
    const ok = await request;
    inFlight.current = null;
    if (!ok) {
      setState("error");
      return false;
    }
    setFailure(null);
    // Changes made while the request was out go now, without another debounce.
    if (pending.current.size > 0) return flush();
    setState("saved");
    return true;
  }, [assessmentId]);

  /** Records a change locally at once and schedules the batched save. */
  const setAnswer = useCallback(
    (key: string, value: AnswerValue) => {
      setAnswers((a) => ({ ...a, [key]: value }));
      pending.current.set(key, normalise(value));
      setErrors((e) => {
        if (!(key in e)) return e;
        const next = { ...e };
        delete next[key];
        return next;
      });
      setState("saving");
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  // Leaving the page (or the portal) must not lose the last keystrokes: send what is queued,
  // and ask the browser to warn before closing a tab with unsaved answers.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (pending.current.size > 0 || inFlight.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      if (pending.current.size > 0) void flush();
    };
  }, [flush]);

  return {
    answers,
    setAnswer,
    state,
    failure,
    errors,
    setErrors,
    flush,
    /** Resends whatever is queued after a failure. */
    retry: () => void flush(),
  };
}
