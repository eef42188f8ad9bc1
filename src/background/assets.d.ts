/** Vite's `?url` imports (an emitted asset's URL), for the worker's default pack file. */
declare module '*?url' {
  const url: string;
  export default url;
}
