import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml } from './html.ts';

test('escapeHtml escapes markup, quotes and ampersands, and leaves other text as it is', () => {
  assert.equal(
    escapeHtml('<script>alert("x")</script>'),
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
  );
  assert.equal(escapeHtml(`Smith & Sons' "Academy"`), `Smith &amp; Sons' &quot;Academy&quot;`);
  assert.equal(escapeHtml('Collège Boréal · 12'), 'Collège Boréal · 12');
  assert.equal(escapeHtml(''), '');
  assert.equal(escapeHtml('a<b'), 'a&lt;b');
  assert.equal(escapeHtml('a<b'), 'a&lt;b');
});
