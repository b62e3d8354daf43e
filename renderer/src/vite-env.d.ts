interface ImportMetaEnv {
  readonly VITE_APP_VERSION?: string;
  readonly DEV: boolean;
  readonly PROD: boolean;
  readonly MODE: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}

/** Stylesheets are bundled by Vite; importing one has only side effects. */
declare module '*.css';
