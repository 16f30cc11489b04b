// Usage: node jsonld_matches_nt.mjs GRAPH.jsonld GRAPH.nt
//
// Checks that graph.jsonld and graph.nt contain the same RDF triples. jsonld.js
// expands the JSON-LD with remote loading disabled and converts it to
// N-Quads. Oxigraph then parses both that output and graph.nt, so escaping
// differences (\u00E9 against é) do not count. Numeric literals compare by
// value (see numericKey). Exits 0 and prints "jsonld: N triples match" on
// equality. Otherwise prints up to 20 triples found only on each side and
// exits 1. Blank nodes, named graphs and invalid numeric lexical forms also
// fail the check because the kgbuild export uses none of them.

import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import * as oxigraph from 'oxigraph';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const MAX_LISTED = 20;

// Reject every document request, so a remote @context fails the check
// instead of being fetched.
async function rejectRemoteDocument(url) {
  throw new Error(
    `remote document loading is disabled in this check (requested ${url}); ` +
      'graph.jsonld must carry its @context inline');
}

function fail(message) {
  console.error(`jsonld_matches_nt: ${message}`);
  process.exit(1);
}

// Describe a jsonld.js error including its nested cause, which contains the
// document loader's message or the safe-mode event.
function describeJsonLdError(error) {
  const parts = [`${error.name}: ${error.message}`];
  let cause = error.details?.cause;
  while (cause) {
    parts.push(`caused by ${cause.name}: ${cause.message}`);
    cause = cause.details?.cause;
  }
  const event = error.details?.event;
  if (event) {
    parts.push(`event ${event.code}: ${event.message} ${JSON.stringify(event.details ?? {})}`);
  }
  return parts.join('\n  ');
}

function readBytes(path) {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    fail(`cannot read ${path}: ${error.message}`);
  }
}

function readUtf8(path) {
  const bytes = readBytes(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail(`${path} is not valid UTF-8`);
  }
}

// Return a comparison key for a numeric literal's lexical form, so that
// "1.360" and "1.36" compare equal, or null when the lexical form is
// invalid for the datatype. The keys are only for comparison and need not be
// the XSD canonical forms.
function numericKey(datatype, lexical) {
  if (datatype === `${XSD}integer`) {
    if (!/^[+-]?[0-9]+$/.test(lexical)) return null;
    return BigInt(lexical).toString();
  }
  if (datatype === `${XSD}decimal`) {
    const match = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(lexical);
    if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null;
    const integerPart = match[2].replace(/^0+/, '') || '0';
    const fractionPart = (match[3] ?? '').replace(/0+$/, '') || '0';
    const isZero = integerPart === '0' && fractionPart === '0';
    const sign = match[1] === '-' && !isZero ? '-' : '';
    return `${sign}${integerPart}.${fractionPart}`;
  }
  if (datatype === `${XSD}double`) {
    if (!/^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([Ee][+-]?[0-9]+)?|[+-]?INF|NaN)$/.test(lexical)) {
      return null;
    }
    const value = Number(lexical.replace('INF', 'Infinity'));
    return Object.is(value, -0) ? '0' : String(value);
  }
  return undefined;
}

// Return the N-Triples form of one term, with numeric literals rewritten to
// their comparison key. Adds problems to the `problems` set instead of
// throwing, so that one run lists all of them.
function termKey(term, where, problems) {
  if (term.termType === 'BlankNode') {
    problems.add(`${where}: blank node ${term.toString()} (the export uses no blank nodes)`);
    return term.toString();
  }
  if (term.termType !== 'Literal') return term.toString();

  const key = numericKey(term.datatype.value, term.value);
  if (key === undefined) return term.toString();
  if (key === null) {
    problems.add(`${where}: invalid lexical form for <${term.datatype.value}>: ${term.toString()}`);
    return term.toString();
  }
  return `"${key}"^^<${term.datatype.value}>`;
}

// Parse N-Triples or N-Quads text with Oxigraph and return the set of
// normalised triple lines.
function parseToLineSet(text, format, where, problems) {
  let quads;
  try {
    quads = oxigraph.parse(text, { format });
  } catch (error) {
    fail(`${where} is not valid ${format}: ${error.message ?? error}`);
  }
  const lines = new Set();
  for (const quad of quads) {
    if (quad.graph.termType !== 'DefaultGraph') {
      problems.add(`${where}: triple in named graph ${quad.graph.toString()} (the export uses the default graph only)`);
    }
    const subject = termKey(quad.subject, where, problems);
    const predicate = termKey(quad.predicate, where, problems);
    const object = termKey(quad.object, where, problems);
    lines.add(`${subject} ${predicate} ${object} .`);
  }
  return lines;
}

function listOnlyIn(label, lines, other) {
  const only = [...lines].filter((line) => !other.has(line)).sort();
  if (only.length === 0) return;
  console.log(`${only.length} triple(s) only in ${label}:`);
  for (const line of only.slice(0, MAX_LISTED)) console.log(`  ${line}`);
  if (only.length > MAX_LISTED) console.log(`  ... ${only.length - MAX_LISTED} more`);
}

async function main() {
  const [jsonldPath, ntPath] = process.argv.slice(2);
  if (!jsonldPath || !ntPath || process.argv.length !== 4) {
    console.error('usage: node jsonld_matches_nt.mjs GRAPH.jsonld GRAPH.nt');
    process.exit(2);
  }

  let document;
  try {
    document = JSON.parse(readUtf8(jsonldPath));
  } catch (error) {
    fail(`${jsonldPath} is not valid JSON: ${error.message}`);
  }

  // Safe mode turns every lossy step (a dropped property, a relative IRI, an
  // invalid language tag) into an error instead of a silent omission.
  const options = { documentLoader: rejectRemoteDocument, safe: true };
  let nquads;
  try {
    const expanded = await jsonld.expand(document, options);
    nquads = await jsonld.toRDF(expanded, { ...options, format: 'application/n-quads' });
  } catch (error) {
    fail(`jsonld.js failed on ${jsonldPath}:\n  ${describeJsonLdError(error)}`);
  }

  // NOTE: jsonld.js writes a JSON number coerced to xsd:decimal with a
  // fractional part in double notation ("1.36E0"^^xsd:decimal), which is not
  // a valid xsd:decimal. numericKey rejects it, so such a graph.jsonld fails
  // here unless the value is written as a JSON string.
  const problems = new Set();
  const fromJsonLd = parseToLineSet(nquads, 'application/n-quads', `${jsonldPath} (as N-Quads)`, problems);
  const fromNt = parseToLineSet(readBytes(ntPath), 'application/n-triples', ntPath, problems);

  const equal = fromJsonLd.size === fromNt.size && [...fromJsonLd].every((line) => fromNt.has(line));
  if (equal && problems.size === 0) {
    console.log(`jsonld: ${fromNt.size} triples match`);
    return;
  }

  const problemList = [...problems];
  for (const problem of problemList.slice(0, MAX_LISTED)) console.log(`problem: ${problem}`);
  if (problemList.length > MAX_LISTED) console.log(`... ${problemList.length - MAX_LISTED} more problems`);
  listOnlyIn(jsonldPath, fromJsonLd, fromNt);
  listOnlyIn(ntPath, fromNt, fromJsonLd);
  console.log(`jsonld: mismatch (${fromJsonLd.size} triples from JSON-LD, ${fromNt.size} from N-Triples)`);
  process.exit(1);
}

await main();
