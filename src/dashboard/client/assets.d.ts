// Style sheets are bundled by esbuild into the page's one CSS file; importing one yields nothing.
declare module '*.css';
