// Helpers shared by gexf_check.mjs and graphml_check.mjs. They read an export
// as strict UTF-8, parse it with @xmldom/xmldom and fail on any warning, and
// run a graphology parser with the console captured. Each failure prints
// "SCRIPT: message" and exits 1, where SCRIPT names the calling script.

import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';

export const MAX_LISTED = 20;

export function fail(script, message) {
  console.error(`${script}: ${message}`);
  process.exit(1);
}

export function readUtf8(script, path) {
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    fail(script, `cannot read ${path}: ${error.message}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail(script, `${path} is not valid UTF-8`);
  }
}

// Parse the XML with every xmldom warning and error collected, because
// xmldom recovers from many of them silently.
// NOTE: @xmldom/xmldom 0.9.12 accepts a bare "&" followed by a space without
// any warning, so such a file passes.
export function parseStrictly(script, text, path) {
  const messages = [];
  const parser = new DOMParser({
    onError: (level, message) => messages.push(`${level}: ${message}`),
  });
  let document;
  try {
    document = parser.parseFromString(text, 'application/xml');
  } catch (error) {
    // xmldom passes a fatal error to onError before throwing it, so the
    // exception is listed only when onError did not see it.
    if (messages.length === 0) messages.push(`fatal: ${error.message}`);
  }
  if (messages.length > 0) {
    fail(script, `${path} has XML problems:\n  ${messages.slice(0, MAX_LISTED).join('\n  ')}`);
  }
  return document;
}

// Run parse() and fail on any console output from it, because the graphology
// parsers and their bundled xmldom log warnings instead of throwing. library
// names the parser in the messages.
export function parseQuietly(script, library, path, parse) {
  const logged = [];
  const saved = { warn: console.warn, error: console.error, log: console.log };
  for (const name of Object.keys(saved)) {
    console[name] = (...args) => logged.push(`${name}: ${args.join(' ')}`);
  }
  let graph;
  try {
    graph = parse();
  } catch (error) {
    logged.push(`exception: ${error.message}`);
  } finally {
    Object.assign(console, saved);
  }
  if (logged.length > 0) {
    fail(script, `${library} reported problems in ${path}:\n  ${logged.slice(0, MAX_LISTED).join('\n  ')}`);
  }
  return graph;
}

// Print the first MAX_LISTED problems found in path, then how many more
// there are (counted as `noun`), and exit 1.
export function failWithProblems(script, path, problems, noun) {
  for (const problem of problems.slice(0, MAX_LISTED)) {
    console.error(`${script}: ${path}: ${problem}`);
  }
  if (problems.length > MAX_LISTED) {
    console.error(`${script}: ... ${problems.length - MAX_LISTED} more ${noun}`);
  }
  process.exit(1);
}
