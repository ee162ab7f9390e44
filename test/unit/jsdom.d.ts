// jsdom ships no types and @types/jsdom is not a dependency. Tests parse synthetic pages with the one
// constructor below and read only the document, so that is all this declares.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: { url?: string });
    readonly window: { readonly document: Document };
  }
}
