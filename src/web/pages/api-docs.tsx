import type { OpenAPIV3_1 } from 'openapi-types';
import { catalogues, type MessageKey } from '../i18n/i18n.ts';
import { renderPage, type PageContext } from '../views/layout.tsx';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export interface DocumentedOperation {
  method: string;
  path: string;
  operationId: string;
  parameters: Array<{ name: string; in: string; required: boolean }>;
  statuses: string[];
}

/** The operations of an OpenAPI document, in document order. */
export function listOperations(document: OpenAPIV3_1.Document): DocumentedOperation[] {
  const operations: DocumentedOperation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      operations.push({
        method: method.toUpperCase(),
        path,
        operationId: operation.operationId ?? `${method} ${path}`,
        parameters: (operation.parameters ?? [])
          .filter((p): p is OpenAPIV3_1.ParameterObject => 'name' in p)
          .map((p) => ({ name: p.name, in: p.in, required: p.required === true })),
        statuses: Object.keys(operation.responses),
      });
    }
  }
  return operations;
}

/** Catalogue keys the docs page needs for an operation: its summary and each parameter. */
export function operationMessageKeys(operation: DocumentedOperation): string[] {
  return [`api.op.${operation.operationId}`, ...operation.parameters.map((p) => `api.param.${p.name}`)];
}

/** Human API documentation rendered from the OpenAPI document, with texts from the catalogues. */
export function apiDocsPage(ctx: PageContext, document: OpenAPIV3_1.Document, openapiUrl: string): string {
  const { t } = ctx;
  const message = (key: string) => {
    const catalogue = catalogues[ctx.lang] as Record<string, string>;
    return catalogue[key] ?? key;
  };
  return renderPage({
    ctx,
    title: t('apiDocs.title'),
    description: t('apiDocs.lead'),
    children: (
      <>
        <h1>{t('apiDocs.title')}</h1>
        <p class="ladder-lead">{t('apiDocs.lead')}</p>
        <p>
          <a href={openapiUrl}>{t('apiDocs.openapiLink')}</a>
        </p>
        <h2>{t('apiDocs.errors.heading')}</h2>
        <p>{t('apiDocs.errors.body')}</p>
        <pre class="ladder-code">
          {
            '{ "error": { "code": "invalid_request", "message": "…", "details": [ { "parameter": "…", "message": "…" } ] } }'
          }
        </pre>
        <h2>{t('apiDocs.endpoints.heading')}</h2>
        {listOperations(document).map((operation) => (
          <section
            class="ladder-endpoint"
            key={operation.operationId}
            aria-labelledby={`op-${operation.operationId}`}
          >
            <h3 id={`op-${operation.operationId}`}>
              <code class="ladder-code">
                {operation.method} {operation.path}
              </code>
            </h3>
            <p>{message(`api.op.${operation.operationId}`)}</p>
            <h4>{t('apiDocs.parameters')}</h4>
            {operation.parameters.length === 0 ? (
              <p>{t('apiDocs.noParameters')}</p>
            ) : (
              <ul>
                {operation.parameters.map((parameter) => (
                  <li key={`${parameter.in}:${parameter.name}`}>
                    <code class="ladder-code">{parameter.name}</code> (
                    {t(parameter.required ? 'apiDocs.parameter.required' : 'apiDocs.parameter.optional')}):{' '}
                    {message(`api.param.${parameter.name}`)}
                  </li>
                ))}
              </ul>
            )}
            <h4>{t('apiDocs.responses')}</h4>
            <ul>
              {operation.statuses.map((status) => (
                <li key={status}>
                  <code class="ladder-code">{status}</code> {statusText(status, t)}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </>
    ),
  });
}

function statusText(status: string, t: PageContext['t']): string {
  const key = `api.status.${status}` as MessageKey;
  return key in catalogues.en ? t(key) : '';
}
