// oidc-provider 8 (the line that supports Node 20) ships no type declarations; the test uses this much.
declare module 'oidc-provider' {
  import type { Server } from 'node:http';
  const Provider: new (issuer: string, configuration: object) => { listen(port: number, host: string): Server };
  export default Provider;
}
