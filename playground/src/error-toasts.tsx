export interface Toast {
  id: number;
  code: string;
  message: string;
  requestId: string | undefined;
}

export interface ErrorToastsProps {
  toasts: readonly Toast[];
  onDismiss: (id: number) => void;
}

/** Failures of sends, newest last; each is an alert so screen readers announce it. */
export function ErrorToasts({ toasts, onDismiss }: ErrorToastsProps) {
  return (
    <div className="toasts">
      {toasts.map((toast) => (
        <div key={toast.id} role="alert" className="toast">
          <p>
            <strong>{toast.code}</strong>: {toast.message}
            {toast.requestId && <span className="request-id"> (request {toast.requestId})</span>}
          </p>
          <button type="button" onClick={() => onDismiss(toast.id)} aria-label="Dismiss error">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
