'use client';
/** One line on how current the results are: "Simulating… 40 %", "Updated in 120 ms", or what is wrong. */
import { usePlan } from '@/components/editor/editor-context';
import { formatDuration, progressPercent } from '@/core/present';
import './results.css';

export function RunStatus() {
  const running = usePlan((s) => s.running);
  const progress = usePlan((s) => s.progress);
  const error = usePlan((s) => s.error);
  const lastRunMs = usePlan((s) => s.lastRunMs);
  const hasResult = usePlan((s) => s.result !== null);

  if (error && !running) {
    const [head, ...lines] = error.split('\n');
    return (
      <div className="res-status res-error" role="alert">
        <span>{head}</span>
        {lines.length > 0 && (
          <ul>
            {lines.map((line, i) => {
              const colon = line.indexOf(': ');
              return (
                <li key={i}>
                  {colon > 0 ? (
                    <>
                      <code>{line.slice(0, colon)}</code> {line.slice(colon + 2)}
                    </>
                  ) : (
                    line
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    );
  }
  const percent = progressPercent(progress);
  return (
    <div className="res-status" role="status" aria-live="polite">
      {running ? (
        <>
          <span>Simulating… {percent} %</span>
          <progress max={100} value={percent} aria-label="Simulation progress" />
        </>
      ) : lastRunMs !== null ? (
        <span>Updated in {formatDuration(lastRunMs)}</span>
      ) : (
        <span>{hasResult ? 'Up to date' : 'Not simulated yet'}</span>
      )}
    </div>
  );
}
