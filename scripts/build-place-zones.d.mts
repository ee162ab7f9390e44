// Types for the plain-JS generator, so the test that checks the committed table is current imports it typed.
export function currentModule(): string;
