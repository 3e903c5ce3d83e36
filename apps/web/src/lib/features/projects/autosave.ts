import { deserialize } from '$app/forms';

/**
 * The draft's autosave (with JavaScript): about a second after the last keystroke, the form is
 * posted to its `save` action with autosave=1, which answers with data instead of a redirect. One
 * save at a time; typing during a save schedules another one after it.
 */

export type AutosaveResult =
  | { ok: true; savedAt: string; missing: string[] | null }
  | { ok: false; savedAt: string | null; missing: string[] | null; error: string; fields: Record<string, string> };

export function autosaver(form: () => HTMLFormElement | undefined, done: (r: AutosaveResult) => void, delay = 1000) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving = false;
  let again = false;

  async function save() {
    const element = form();
    if (!element) return;
    if (saving) {
      again = true;
      return;
    }
    saving = true;
    try {
      const data = new FormData(element);
      data.set('autosave', '1');
      const response = await fetch('?/save', {
        method: 'POST',
        body: data,
        headers: { accept: 'application/json', 'x-sveltekit-action': 'true' },
      });
      const result = deserialize(await response.text());
      if (result.type === 'success') {
        const d = (result.data ?? {}) as { savedAt?: string; missing?: string[] | null };
        done({ ok: true, savedAt: d.savedAt ?? new Date().toISOString(), missing: d.missing ?? null });
      } else if (result.type === 'failure') {
        const d = (result.data ?? {}) as {
          savedAt?: string | null;
          missing?: string[] | null;
          error?: string;
          fields?: Record<string, string>;
        };
        done({
          ok: false,
          savedAt: d.savedAt ?? null,
          missing: d.missing ?? null,
          error: d.error ?? '',
          fields: d.fields ?? {},
        });
      } else {
        done({ ok: false, savedAt: null, missing: null, error: '', fields: {} });
      }
    } catch {
      done({ ok: false, savedAt: null, missing: null, error: '', fields: {} });
    } finally {
      saving = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(save, delay);
  }

  return {
    schedule,
    /** Stop a save that was about to start (the form is being sent by hand). */
    cancel: () => clearTimeout(timer),
  };
}
