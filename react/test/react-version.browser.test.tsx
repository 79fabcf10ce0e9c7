import { useSyncExternalStore, version } from 'react';
import { version as domVersion } from 'react-dom';
import { expect, inject, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

declare module 'vitest' {
  interface ProvidedContext {
    /** The React major version the project renders with ('18' or '19'), from vitest.config.ts. */
    reactMajor: string;
  }
}

// The same browser tests run with React 19 and React 18 (see vitest.config.ts): this proves
// which React each project loaded, and that react-dom, zustand and vitest-browser-react share it.
it('renders with the React version the project is meant to test', async () => {
  const major = inject('reactMajor');
  expect(version.split('.')[0]).toBe(major);
  expect(domVersion.split('.')[0]).toBe(major);

  // Hooks only work when the renderer and the hook's React are the same instance: zustand's
  // useStore (useSyncExternalStore inside), rendered by vitest-browser-react's react-dom.
  const store = createStore(() => ({ n: 1 }));
  function Probe() {
    const n = useStore(store, (s) => s.n);
    const same = useSyncExternalStore(store.subscribe, () => store.getState().n);
    return <p data-testid="probe">{`${n}/${same}`}</p>;
  }
  const screen = await render(<Probe />);
  await expect.element(screen.getByTestId('probe')).toHaveTextContent('1/1');
  store.setState({ n: 2 });
  await expect.element(screen.getByTestId('probe')).toHaveTextContent('2/2');
});
