import { Fragment, type ReactNode } from 'react';
import { customerHash } from '../../routing/route';
import { parseNote, type Inline } from './markdownLight';

/** Renders a note's markdown-light as React elements: user text only ever becomes text nodes. */
function inline(nodes: Inline[], customerId: string): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.kind) {
      case 'text':
        return <Fragment key={i}>{n.text}</Fragment>;
      case 'bold':
        return <strong key={i}>{inline(n.children, customerId)}</strong>;
      case 'italic':
        return <em key={i}>{inline(n.children, customerId)}</em>;
      case 'link':
        return (
          <a key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow">
            {n.text}
          </a>
        );
      case 'case':
        return (
          <a key={i} className="note-id mono" href={customerHash(n.caseId.slice(0, 8))} data-case-id={n.caseId}>
            {n.caseId}
          </a>
        );
      case 'order':
        return (
          <a key={i} className="note-id mono" href={customerHash(customerId)} data-order-id={n.orderId}>
            {n.orderId}
          </a>
        );
      case 'customer':
        return (
          <a key={i} className="note-id mono" href={customerHash(n.customerId)}>
            {n.customerId}
          </a>
        );
    }
    return null;
  });
}

export function NoteBody({ body, customerId }: { body: string; customerId: string }) {
  return (
    <div className="note-body">
      {parseNote(body).map((b, i) =>
        b.kind === 'p' ? (
          <p key={i}>
            {b.lines.map((l, j) => (
              <Fragment key={j}>
                {j > 0 ? <br /> : null}
                {inline(l, customerId)}
              </Fragment>
            ))}
          </p>
        ) : b.kind === 'ul' ? (
          <ul key={i}>
            {b.items.map((it, j) => (
              <li key={j}>{inline(it, customerId)}</li>
            ))}
          </ul>
        ) : (
          <ol key={i}>
            {b.items.map((it, j) => (
              <li key={j}>{inline(it, customerId)}</li>
            ))}
          </ol>
        ),
      )}
    </div>
  );
}
