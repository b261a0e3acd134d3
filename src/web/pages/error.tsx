import type { MessageKey } from '../i18n/i18n.ts';
import { href } from '../routes.ts';
import { renderPage, type PageContext } from '../views/layout.tsx';

const TEXTS: Record<number, { title: MessageKey; body: MessageKey }> = {
  400: { title: 'error.badRequest.title', body: 'error.badRequest.body' },
  403: { title: 'error.forbidden.title', body: 'error.forbidden.body' },
  404: { title: 'error.notFound.title', body: 'error.notFound.body' },
  429: { title: 'error.tooManyRequests.title', body: 'error.tooManyRequests.body' },
  500: { title: 'error.server.title', body: 'error.server.body' },
};

/** The styled error page for a status, in the request's language. */
export function errorPage(ctx: PageContext, status: number, detail = ''): string {
  const { t, lang } = ctx;
  const texts = TEXTS[status] ??
    (status >= 500 ? TEXTS[500] : TEXTS[400]) ?? { title: 'error.server.title', body: 'error.server.body' };
  return renderPage({
    ctx,
    title: t(texts.title),
    children: (
      <>
        <h1>{t(texts.title)}</h1>
        <p>{t(texts.body, { detail, requestId: ctx.requestId })}</p>
        <p>
          <a href={href('home', lang)}>{t('error.goHome')}</a>
        </p>
      </>
    ),
  });
}
