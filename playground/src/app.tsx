import { ChatbotProvider } from '@chatbot/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { currentSession, type SessionInfo, signOutUser } from './auth-session.js';
import { ChatScreen } from './chat-screen.js';
import { MeasuredTransport } from './measured-transport.js';
import type { PlaygroundConfig } from './playground-config.js';
import type { ScenarioId } from './scenarios.js';
import { SettingsPanel } from './settings-panel.js';
import { SignInForm } from './sign-in-form.js';

/** Signed out: the sign-in form; signed in: the chat, with settings above it. */
export function App({ config }: { config: PlaygroundConfig }) {
  // undefined while the stored session is being checked; null when nobody is signed in.
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const [scenario, setScenario] = useState<ScenarioId>('normal');
  const scenarioRef = useRef(scenario);
  scenarioRef.current = scenario;
  const transport = useMemo(
    () => new MeasuredTransport({ endpoint: config.endpoint, scenario: () => scenarioRef.current }),
    [config.endpoint],
  );

  useEffect(() => {
    let live = true;
    void currentSession().then((found) => {
      if (live) setSession(found ?? null);
    });
    return () => {
      live = false;
    };
  }, []);

  async function signOut() {
    await signOutUser();
    setSession(null);
  }

  return (
    <div className="app">
      <header className="app-header">
        <h1>Chatbot playground</h1>
        {session && (
          <SettingsPanel
            config={config}
            session={session}
            onSessionChange={setSession}
            onSignOut={signOut}
          />
        )}
      </header>
      <main>
        {session === undefined && <p>Checking the session…</p>}
        {session === null && <SignInForm config={config} onSignedIn={setSession} />}
        {session && (
          // Keyed by user: a new sign-in starts a new conversation.
          <ChatbotProvider key={session.username} client={transport}>
            <ChatScreen transport={transport} scenario={scenario} onScenarioChange={setScenario} />
          </ChatbotProvider>
        )}
      </main>
    </div>
  );
}
