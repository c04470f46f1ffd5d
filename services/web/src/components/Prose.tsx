/** Text whose `backticked` parts are code: the one markup the reseller docs use (so Markdown reads them too). */
export function Prose({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((part, i) =>
        // Odd parts sat between backticks; the parts never move, so their index is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        i % 2 === 1 ? <code key={i}>{part}</code> : part,
      )}
    </>
  );
}
