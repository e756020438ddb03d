/** The problems of a refused document, each with its JSON path, as an alert a screen reader announces. */
export function ProblemList(props: {
  title: string;
  problems: { path: string; message: string }[];
  onDismiss?: () => void;
}) {
  const shown = props.problems.slice(0, 50);
  return (
    <div role="alert" className="problems">
      <div className="problems-head">
        <strong>{props.title}</strong>
        {props.onDismiss && (
          <button type="button" className="button small" onClick={props.onDismiss}>
            Dismiss
          </button>
        )}
      </div>
      <ul>
        {shown.map((p, i) => (
          <li key={i}>
            <code>{p.path || '(document)'}</code> {p.message}
          </li>
        ))}
      </ul>
      {props.problems.length > shown.length && <p>…and {props.problems.length - shown.length} more.</p>}
    </div>
  );
}
