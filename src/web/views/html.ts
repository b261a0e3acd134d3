/**
 * Escaping for the few hot fragments written as HTML strings instead of Preact elements (the search
 * page's facet options: about 170 per page, each four elements, were about a fifth of the page's CPU
 * time in a profile; docs/performance.md). Everything else is rendered by Preact, which escapes on its own.
 */
const SPECIAL = /[&<>"]/;
const SPECIALS = /[&<>"]/g;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

/** Text or a double-quoted attribute value made safe to place in HTML. */
export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (char) => ENTITIES[char] ?? char) : text;
}
