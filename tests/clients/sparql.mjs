// Usage: node sparql.mjs [--ordered] GRAPH.nt QUERY.rq
//
// Loads GRAPH.nt into an in-memory Oxigraph store and runs the SPARQL query
// in QUERY.rq. A SELECT query prints one line per solution with the values in
// the order of the projected variables, separated by TAB. IRIs print bare,
// literals as their value without datatype or language tag, blank nodes as
// _:label and unbound variables as the empty string. Oxigraph stores numeric
// literals by value, so "1.360"^^xsd:decimal prints as 1.36. Tab, newline,
// carriage return and backslash inside a value are written as \t, \n, \r and
// \\ so that each solution stays on one line. Lines are sorted by UTF-16
// code unit, unless --ordered is given: then SELECT solutions print in the
// order the query returns them, for a query whose ORDER BY leaves no ties.
// An ASK query prints true or false, and a CONSTRUCT or DESCRIBE
// query prints the sorted N-Triples lines. Exits 1 on an unreadable file, a
// parse error in either file or a query evaluation error.

import { readFileSync } from 'node:fs';
import * as oxigraph from 'oxigraph';

function fail(message) {
  console.error(`sparql: ${message}`);
  process.exit(1);
}

function readFile(path) {
  try {
    return readFileSync(path);
  } catch (error) {
    fail(`cannot read ${path}: ${error.message}`);
  }
}

function escapeField(value) {
  return value.replace(/[\\\t\n\r]/g, (character) => ({
    '\\': '\\\\',
    '\t': '\\t',
    '\n': '\\n',
    '\r': '\\r',
  })[character]);
}

// Format one binding from the SPARQL 1.1 Query Results JSON format.
function formatBinding(binding) {
  if (binding === undefined) return '';
  if (binding.type === 'bnode') return `_:${binding.value}`;
  return escapeField(binding.value);
}

function byCodeUnit(a, b) {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

function main() {
  const args = process.argv.slice(2);
  const ordered = args[0] === '--ordered';
  if (ordered) args.shift();
  const [graphPath, queryPath] = args;
  if (!graphPath || !queryPath || args.length !== 2) {
    console.error('usage: node sparql.mjs [--ordered] GRAPH.nt QUERY.rq');
    process.exit(2);
  }

  const store = new oxigraph.Store();
  try {
    store.load(new Uint8Array(readFile(graphPath)), { format: 'application/n-triples' });
  } catch (error) {
    fail(`${graphPath} is not valid N-Triples: ${error.message ?? error}`);
  }

  const query = readFile(queryPath).toString('utf8');
  let output;
  try {
    // Ask for the standard JSON results format instead of the Map objects,
    // because only it lists the projected variables in order, unbound ones
    // included. CONSTRUCT and DESCRIBE results come back as N-Triples.
    const isGraphQuery = /^\s*(CONSTRUCT|DESCRIBE)\b/im.test(query.replace(/#.*$/gm, ''));
    const format = isGraphQuery ? 'application/n-triples' : 'application/sparql-results+json';
    output = store.query(query, { results_format: format });
    if (isGraphQuery) {
      const lines = output.split('\n').filter((line) => line !== '');
      for (const line of lines.sort(byCodeUnit)) console.log(line);
      return;
    }
  } catch (error) {
    fail(`query ${queryPath} failed: ${error.message ?? error}`);
  }

  const results = JSON.parse(output);
  if (typeof results.boolean === 'boolean') {
    console.log(String(results.boolean));
    return;
  }
  const variables = results.head.vars;
  const rows = results.results.bindings.map((solution) =>
    variables.map((variable) => formatBinding(solution[variable])).join('\t'));
  if (!ordered) rows.sort(byCodeUnit);
  for (const row of rows) console.log(row);
}

main();
