import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// React 18 is in the peer range, and the browser tests also run with React 18 (the
// browser-react18 project in vitest.config.ts). This keeps every source file, rendered there or
// not, to React 18's API.
const REACT_18_EXPORTS = new Set([
  'Children',
  'Component',
  'Fragment',
  'PureComponent',
  'StrictMode',
  'Suspense',
  'cloneElement',
  'createContext',
  'createElement',
  'createRef',
  'forwardRef',
  'isValidElement',
  'lazy',
  'memo',
  'startTransition',
  'useCallback',
  'useContext',
  'useDebugValue',
  'useDeferredValue',
  'useEffect',
  'useId',
  'useImperativeHandle',
  'useInsertionEffect',
  'useLayoutEffect',
  'useMemo',
  'useReducer',
  'useRef',
  'useState',
  'useSyncExternalStore',
  'useTransition',
  // Types only.
  'ReactNode',
  'ReactElement',
  'PropsWithChildren',
]);

const sourceDir = join(import.meta.dirname, '..', 'src');
const sources = readdirSync(sourceDir)
  .filter((name) => /\.tsx?$/.test(name))
  .map((name) => ({ name, text: readFileSync(join(sourceDir, name), 'utf8') }));

describe('React 18 compatibility of the source', () => {
  it('imports from react only what React 18 exports', () => {
    const used = new Set<string>();
    for (const { text } of sources) {
      for (const match of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'react'/g)) {
        for (const part of match[1]!.split(',')) {
          const name = part.replace(/^\s*type\s+/, '').trim();
          if (name) used.add(name);
        }
      }
    }
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((name) => !REACT_18_EXPORTS.has(name))).toEqual([]);
  });

  it('renders contexts through .Provider (React 19 alone accepts <Context>)', () => {
    for (const { name, text } of sources) {
      for (const match of text.matchAll(/<(\w+Context)[\s>]/g)) {
        expect.soft(`${name}: <${match[1]}>`).toBe('uses .Provider');
      }
    }
    expect(sources.some(({ text }) => text.includes('Context.Provider'))).toBe(true);
  });
});
