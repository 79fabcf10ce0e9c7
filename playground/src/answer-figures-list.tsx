import type { AnswerFigures } from './measured-transport.js';

function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '–';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Time to first token, pace, token counts and retries of one answer. */
export function AnswerFiguresList({ figures }: { figures: AnswerFigures }) {
  return (
    <dl className="figures" aria-label="Answer figures">
      <div>
        <dt>First token</dt>
        <dd>{formatMs(figures.timeToFirstTokenMs)}</dd>
      </div>
      <div>
        <dt>Tokens/s</dt>
        <dd>{figures.tokensPerSecond ?? '–'}</dd>
      </div>
      <div>
        <dt>Tokens in</dt>
        <dd>{figures.usage?.inputTokens ?? '–'}</dd>
      </div>
      <div>
        <dt>Tokens out</dt>
        <dd>{figures.usage?.outputTokens ?? '–'}</dd>
      </div>
      <div>
        <dt>Retries</dt>
        <dd>{figures.retries}</dd>
      </div>
      <div>
        <dt>Total</dt>
        <dd>{formatMs(figures.totalMs)}</dd>
      </div>
    </dl>
  );
}
