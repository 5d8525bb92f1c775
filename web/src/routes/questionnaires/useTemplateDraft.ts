import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useBlocker } from "@tanstack/react-router";
import { useCallback, useMemo, useState } from "react";
import { ApiError } from "../../api/client";
import { notifyError, notifySuccess } from "../../lib/notify";
import {
  type BuilderErrors,
  draftErrors,
  type Edit,
  isDirty,
  saveOutcome,
  serverContentErrors,
} from "./builder";
import { saveContent, type Template, type TemplateContent, templateKeys } from "./queries";

/**
 * The builder's state: the draft being edited (null when not editing), its problems (the
 * client-side rules, then whatever the server's last 422 said) and save/discard. Leaving the page
 * with unsaved changes asks first: in-app navigation through the router's blocker, closing the tab
 * through the browser's own prompt.
 */
export function useTemplateDraft(template: Template | undefined) {
  const [draft, setDraft] = useState<TemplateContent | null>(null);
  const [serverErrors, setServerErrors] = useState<BuilderErrors>({});
  const queryClient = useQueryClient();
  const dirty = draft !== null && template !== undefined && isDirty(draft, template.content);
  const clientErrors = useMemo(() => (draft ? draftErrors(draft) : {}), [draft]);
  const errors = useMemo(() => ({ ...serverErrors, ...clientErrors }), [serverErrors, clientErrors]);

  const edit: Edit = useCallback((change) => {
    setDraft((d) => (d ? change(d) : d));
    // The server's errors described the content it was sent; after an edit they may be stale.
    setServerErrors({});
  }, []);

  const save = useMutation({
    mutationFn: (content: TemplateContent) => {
      if (!template) throw new Error("Template not loaded");
      return saveContent(template.id, content);
    },
    onSuccess: (saved) => {
      notifySuccess(
        saveOutcome(template?.currentVersion ?? saved.currentVersion, saved.currentVersion),
        saved.title,
      );
      queryClient.setQueryData(templateKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: templateKeys.all });
      setDraft(null);
    },
    onError: (e) => {
      const mapped = e instanceof ApiError ? serverContentErrors(e.errors) : {};
      if (Object.keys(mapped).length) setServerErrors(mapped);
      notifyError(e, "Could not save the template");
    },
  });

  const blocker = useBlocker({
    shouldBlockFn: () => dirty && !save.isPending,
    enableBeforeUnload: () => dirty,
    withResolver: true,
  });

  return {
    draft,
    editing: draft !== null,
    dirty,
    errors,
    problemCount: Object.keys(errors).length,
    edit,
    start: () => {
      if (template) setDraft(template.content);
      setServerErrors({});
    },
    discard: () => {
      setDraft(null);
      setServerErrors({});
    },
    save: () => draft && save.mutate(draft),
    saving: save.isPending,
    blocker,
  };
}

/** What `useTemplateDraft` returns, for the components that show its state. */
export type TemplateDraft = ReturnType<typeof useTemplateDraft>;
