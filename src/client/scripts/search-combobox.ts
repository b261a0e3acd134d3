import type { Suggestion, SuggestionKind } from '../../search/suggest.ts';

/**
 * Typed suggestions in the search box: enhances the server-rendered `#search-q` input into an ARIA
 * 1.2 combobox with a listbox popup (list autocomplete, no automatic selection). Without this
 * script, or when it fails, the box stays a plain GET form.
 *
 * Keyboard: ArrowDown opens and moves down, ArrowUp moves up (both wrap), Enter on a highlighted
 * option runs its precise search and otherwise submits the form as typed, Escape closes (a second
 * Escape clears the box), Tab closes, Home/End/ArrowLeft/ArrowRight go back to editing the text.
 *
 * Every visible word comes from the server (the form's `data-suggest-*` attributes), in the page
 * language; the script holds no text of its own.
 */

/** What the server renders into the form's `data-suggest-messages` attribute (JSON). */
export interface SuggestMessages {
  listLabel: string;
  /** "{count} suggestions", "1 suggestion", "No suggestions": for the live region. */
  count: string;
  countOne: string;
  none: string;
  /** "{kind} · {detail}": the second line of an option. */
  details: string;
  /** "{count} programs", "1 program", "no programs yet". */
  programs: string;
  programsOne: string;
  programsNone: string;
  kinds: Record<SuggestionKind, string>;
}

/** Milliseconds after the last keystroke before asking for suggestions. */
const DEBOUNCE_MS = 120;
/** Fewer characters than this ask for nothing: one letter matches too much to help. */
const MIN_CHARS = 2;
const LIMIT = 8;
/** Read between the label and its details by screen readers; not shown. */
const SPOKEN_SEPARATOR = ' — ';

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function isMessages(value: unknown): value is SuggestMessages {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    ['listLabel', 'count', 'countOne', 'none', 'details', 'programs', 'programsOne', 'programsNone'].every(
      (key) => typeof record[key] === 'string',
    ) &&
    typeof record.kinds === 'object' &&
    record.kinds !== null
  );
}

function isSuggestions(value: unknown): value is { items: Suggestion[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { items?: unknown }).items);
}

/** Reads the form's settings; undefined when they are missing or damaged (the form stays plain). */
function settings(
  form: HTMLFormElement,
): { endpoint: string; lang: 'en' | 'fr'; messages: SuggestMessages } | undefined {
  const endpoint = form.dataset.suggestUrl;
  if (endpoint === undefined) return undefined;
  try {
    const messages: unknown = JSON.parse(form.dataset.suggestMessages ?? '');
    if (!isMessages(messages)) return undefined;
    return { endpoint, lang: form.dataset.suggestLang === 'fr' ? 'fr' : 'en', messages };
  } catch {
    return undefined;
  }
}

function enhance(
  input: HTMLInputElement,
  form: HTMLFormElement,
  { endpoint, lang, messages }: { endpoint: string; lang: 'en' | 'fr'; messages: SuggestMessages },
): void {
  const numbers = new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA');

  const listboxId = `${input.id}-listbox`;
  const listbox = document.createElement('ul');
  listbox.id = listboxId;
  listbox.className = 'ladder-suggest';
  listbox.setAttribute('role', 'listbox');
  listbox.setAttribute('aria-label', messages.listLabel);
  listbox.hidden = true;
  input.insertAdjacentElement('afterend', listbox);

  const status = document.createElement('div');
  status.id = `${input.id}-status`;
  status.className = 'ladder-visually-hidden';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  status.setAttribute('aria-atomic', 'true');
  form.append(status);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listboxId);

  let items: Suggestion[] = [];
  /** The text the shown items were fetched for. */
  let itemsFor = '';
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;
  /** Numbers requests so an answer that arrives after a newer request was sent is dropped. */
  let sequence = 0;

  const options = () => Array.from(listbox.children) as HTMLElement[];
  const isOpen = () => !listbox.hidden;

  function announce(text: string): void {
    if (status.textContent !== text) status.textContent = text;
  }

  function setActive(index: number): void {
    active = index;
    options().forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === index));
    });
    const current = options()[index];
    if (current === undefined) {
      input.removeAttribute('aria-activedescendant');
    } else {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    }
  }

  function open(): void {
    if (items.length === 0) return;
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function close(): void {
    setActive(-1);
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  }

  function cancelPending(): void {
    clearTimeout(timer);
    timer = undefined;
    controller?.abort();
    controller = undefined;
    sequence += 1;
  }

  function programsText(count: number): string {
    if (count === 0) return messages.programsNone;
    if (count === 1) return messages.programsOne;
    return fill(messages.programs, { count: numbers.format(count) });
  }

  function detailsText(item: Suggestion): string {
    const detail =
      item.kind === 'jobTitle' && item.occupation !== null
        ? lang === 'fr'
          ? item.occupation.titleFr
          : item.occupation.titleEn
        : programsText(item.programs);
    // A kind the API learnt after this page was rendered has no name yet: show the detail alone.
    const kind = (messages.kinds as Partial<Record<string, string>>)[item.kind];
    return kind === undefined ? detail : fill(messages.details, { kind, detail });
  }

  function render(text: string, list: Suggestion[]): void {
    items = list;
    itemsFor = text;
    listbox.replaceChildren(
      ...list.map((item, index) => {
        const option = document.createElement('li');
        option.id = `${input.id}-option-${index}`;
        option.className = 'ladder-suggest__option';
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        const label = document.createElement('span');
        label.className = 'ladder-suggest__label';
        label.textContent = item.label;
        const separator = document.createElement('span');
        separator.className = 'ladder-visually-hidden';
        separator.textContent = SPOKEN_SEPARATOR;
        const details = document.createElement('span');
        details.className = 'ladder-suggest__details';
        details.textContent = detailsText(item);
        option.append(label, separator, details);
        return option;
      }),
    );
    setActive(-1);
    if (list.length === 0) {
      close();
      announce(messages.none);
      return;
    }
    open();
    announce(list.length === 1 ? messages.countOne : fill(messages.count, { count: String(list.length) }));
  }

  async function load(text: string): Promise<void> {
    cancelPending();
    const mine = sequence;
    const request = new AbortController();
    controller = request;
    const url = new URL(endpoint, window.location.href);
    url.search = new URLSearchParams({ q: text, lang, limit: String(LIMIT) }).toString();
    try {
      const response = await fetch(url, { signal: request.signal, headers: { accept: 'application/json' } });
      if (!response.ok) return;
      const body: unknown = await response.json();
      // A newer request was sent, or the box changed, while this one was on its way.
      if (mine !== sequence || input.value.trim() !== text) return;
      if (!isSuggestions(body)) return;
      render(text, body.items);
    } catch {
      // Aborted, offline or a bad answer: the box still works as a plain search form.
    } finally {
      if (controller === request) controller = undefined;
    }
  }

  function schedule(): void {
    const text = input.value.trim();
    cancelPending();
    setActive(-1);
    if (text.length < MIN_CHARS) {
      items = [];
      itemsFor = '';
      listbox.replaceChildren();
      close();
      announce('');
      return;
    }
    if (text === itemsFor && items.length > 0) {
      open();
      return;
    }
    timer = setTimeout(() => void load(text), DEBOUNCE_MS);
  }

  function choose(index: number): void {
    const item = items[index];
    if (item === undefined) return;
    cancelPending();
    input.value = item.label;
    close();
    // The form's action is the search page in the page language.
    const target = new URL(form.getAttribute('action') ?? '', window.location.href);
    target.search = new URLSearchParams(item.params).toString();
    window.location.assign(target.href);
  }

  function move(step: 1 | -1): void {
    const count = items.length;
    if (count === 0) return;
    if (!isOpen()) {
      open();
      setActive(step === 1 ? 0 : count - 1);
      return;
    }
    if (active === -1) setActive(step === 1 ? 0 : count - 1);
    else setActive((active + step + count) % count);
  }

  input.addEventListener('input', schedule);

  input.addEventListener('keydown', (event) => {
    if (event.isComposing || event.altKey || event.ctrlKey || event.metaKey) {
      if (event.key === 'ArrowDown' && event.altKey && !isOpen()) {
        // Alt+ArrowDown opens without choosing, as in the APG pattern.
        event.preventDefault();
        if (input.value.trim() === itemsFor) open();
        else schedule();
      }
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        const text = input.value.trim();
        if (text !== itemsFor) {
          // The shown suggestions (if any) are for older text: ask now rather than after the pause.
          if (text.length >= MIN_CHARS) void load(text);
          return;
        }
        move(event.key === 'ArrowDown' ? 1 : -1);
        return;
      }
      case 'Enter':
        if (isOpen() && active >= 0) {
          event.preventDefault();
          choose(active);
        } else {
          cancelPending();
          close();
        }
        return;
      case 'Escape':
        // Chromium's search inputs clear themselves on Escape; the first Escape only closes.
        event.preventDefault();
        if (isOpen()) {
          close();
        } else if (input.value !== '') {
          input.value = '';
          schedule();
        }
        return;
      case 'Tab':
        close();
        return;
      case 'Home':
      case 'End':
      case 'ArrowLeft':
      case 'ArrowRight':
        // Back to editing the text; the caret moves as usual.
        setActive(-1);
        return;
      default:
        return;
    }
  });

  input.addEventListener('blur', () => {
    close();
  });

  // Keeps the focus in the box while an option is pressed, so the blur does not close the list first.
  listbox.addEventListener('mousedown', (event) => {
    event.preventDefault();
  });
  listbox.addEventListener('click', (event) => {
    const option = (event.target as Element | null)?.closest('[role="option"]');
    if (option === null || option === undefined) return;
    choose(options().indexOf(option as HTMLElement));
  });
}

const box = document.getElementById('search-q');
const boxForm = box instanceof HTMLInputElement ? box.form : null;
const boxSettings = boxForm === null ? undefined : settings(boxForm);
if (box instanceof HTMLInputElement && boxForm !== null && boxSettings !== undefined) {
  enhance(box, boxForm, boxSettings);
}
