import { useRef } from 'react';
import { CopyButton } from './CopyButton.tsx';

/** A block of code that scrolls sideways rather than widening the page, with a copy button. */
export function CodeBlock(props: { code: string; title?: string; language?: string; testId?: string }) {
  const ref = useRef<HTMLPreElement>(null);
  return (
    <div className="code-block" data-testid={props.testId}>
      <div className="code-head">
        <span className="muted small">{props.title ?? props.language}</span>
        <CopyButton text={props.code} target={ref} />
      </div>
      <pre ref={ref} data-language={props.language}>
        <code>{props.code}</code>
      </pre>
    </div>
  );
}
