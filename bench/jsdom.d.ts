// jsdom ships no types, and the bench uses one constructor of it (a devDependency, for the comparison).
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string);
    window: { document: unknown; close(): void };
  }
}
