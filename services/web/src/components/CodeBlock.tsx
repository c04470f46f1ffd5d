import { useRef } from 'react';
import { CopyButton } from './CopyButton.tsx';

/** A block of code that scrolls sideways rather than widening the page, with a copy button. */
export function CodeBlock(props: {
  code: string;
  /** What the block is (`Example reply`), in the chosen language. */
  title?: string;
  /** Or the name of its language or tool (PHP, curl): a name, left as it is. */
  name?: string;
  language?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLPreElement>(null);
  return (
    <div className="code-block" data-testid={props.testId}>
      <div className="code-head">
        {props.title ? (
          <span className="muted small">{props.title}</span>
        ) : (
          <span className="muted small" translate="no">
            {props.name ?? props.language}
          </span>
        )}
        <CopyButton text={props.code} target={ref} />
      </div>
      <pre ref={ref} data-language={props.language}>
        <code>{props.code}</code>
      </pre>
    </div>
  );
}
