// SQL files are bundled as text (esbuild loader 'text'; the Vitest config does the same), so migrations ship inside the backend bundle.
declare module '*.sql' {
  const text: string;
  export default text;
}
