// Vite's `?url` imports (the URL a file is served at), typed for the demo pages.
declare module '*?url' {
  const url: string;
  export default url;
}
