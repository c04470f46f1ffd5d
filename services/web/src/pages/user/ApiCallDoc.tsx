import { CodeBlock } from '../../components/CodeBlock.tsx';
import { Prose } from '../../components/Prose.tsx';
import { t } from '../../lib/i18n.ts';
import { paramsOf, type ResellerCall, replyText } from '../../lib/reseller-api-docs.ts';

/** One action of the reseller API: its parameters, an example reply, what to know about it. */
export function ApiCallDoc({ call }: { call: ResellerCall }) {
  return (
    <article className="api-call" id={call.id} aria-labelledby={`${call.id}-title`}>
      <h3 id={`${call.id}-title`}>
        <code>{call.action}</code> <span>{call.title}</span>
      </h3>
      <p>
        <Prose text={call.about} />
      </p>
      <table className="doc-table">
        <thead>
          <tr>
            <th>{t('api.parameter')}</th>
            <th>{t('api.description')}</th>
          </tr>
        </thead>
        <tbody>
          {paramsOf(call, t).map((p) => (
            <tr key={p.name}>
              <td>
                <code>{p.name}</code>
              </td>
              <td>
                <Prose text={p.about} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <CodeBlock title={t('api.exampleReply')} language="json" code={replyText(call.reply)} />
      {call.notes && (
        <ul className="notes-list">
          {call.notes.map((n) => (
            <li key={n}>
              <Prose text={n} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
