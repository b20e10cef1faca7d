// Assets Vite turns into URLs.
declare module '*.svg' {
  const url: string;
  export default url;
}
declare module '*.css';
declare module '*?url' {
  const url: string;
  export default url;
}
