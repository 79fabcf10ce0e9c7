import { useState } from 'react';
import { refreshSession, type SessionInfo } from './auth-session.js';
import type { PlaygroundConfig } from './playground-config.js';

export interface SettingsPanelProps {
  config: PlaygroundConfig;
  session: SessionInfo;
  onSessionChange: (session: SessionInfo) => void;
  onSignOut: () => void;
}

const time = (ms: number | undefined) => (ms === undefined ? '–' : new Date(ms).toLocaleString());

/** Where the playground talks to, who is signed in, and the session's token times. */
export function SettingsPanel({ config, session, onSessionChange, onSignOut }: SettingsPanelProps) {
  const [refreshState, setRefreshState] = useState<string>('');

  async function refresh() {
    setRefreshState('Refreshing…');
    try {
      const next = await refreshSession();
      onSessionChange(next);
      setRefreshState(`Session refreshed at ${new Date().toLocaleTimeString()}`);
    } catch (error) {
      setRefreshState(`Refresh failed: ${(error as Error).message}`);
    }
  }

  return (
    <details className="settings">
      <summary>Settings</summary>
      <dl>
        <dt>Endpoint</dt>
        <dd>
          <code>{config.endpoint}</code>
        </dd>
        <dt>User pool</dt>
        <dd>
          <code>{config.cognito.userPoolId}</code> ({config.cognito.region})
        </dd>
        <dt>App client</dt>
        <dd>
          <code>{config.cognito.clientId}</code>
        </dd>
        <dt>Cognito endpoint</dt>
        <dd>
          <code>{config.cognito.endpoint ?? 'AWS (default)'}</code>
        </dd>
        <dt>Signed in as</dt>
        <dd>{session.username}</dd>
        <dt>ID token</dt>
        <dd>
          issued {time(session.issuedAt)}, expires {time(session.expiresAt)}
        </dd>
      </dl>
      <div className="settings-actions">
        <button type="button" onClick={refresh}>
          Refresh session
        </button>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
      <p role="status">{refreshState}</p>
    </details>
  );
}
