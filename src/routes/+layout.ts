// Browser-only: the data never leaves the user's machine, so nothing is rendered on a server.
export const ssr = false;
export const prerender = true;
