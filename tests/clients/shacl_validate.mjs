// Usage: node shacl_validate.mjs [--expect FILE] GRAPH SHAPES.ttl
//
// Validates the RDF graph in GRAPH (N-Triples, Turtle when the name ends in
// .ttl, N-Quads with its named graphs merged when it ends in .nq) against the SHACL shapes in SHAPES.ttl with rdf-validate-shacl.
// Oxigraph parses both files. Prints one line when the graph conforms and
// exits 0. Otherwise prints one line per validation result, sorted, as
//   FOCUS_NODE TAB PATH TAB CONSTRAINT_COMPONENT TAB VALUE TAB MESSAGE
// then a count line, and exits 1. PATH is an IRI, or ^IRI for an inverse
// path. The constraint component is its local name, such as
// MinCountConstraintComponent. VALUE is empty, an IRI, or a literal in
// N-Triples form.
//
// With --expect FILE, the results must be exactly the lines of FILE, each
// the first four fields above; lines starting with '#' and empty lines are
// ignored. Exits 0 on an exact match, and 1 otherwise after printing the
// missing and the unexpected results. Exits 2 on a usage error, an
// unreadable file or a parse error.
//
// The module also exports the functions, so other checks can validate a
// graph they build in memory.

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import DatasetFactory from '@rdfjs/dataset';
import * as oxigraph from 'oxigraph';
import SHACLValidator from 'rdf-validate-shacl';

const SH = 'http://www.w3.org/ns/shacl#';

export class InputError extends Error {}

// A plain RDF/JS term, so the validator keeps no reference to Oxigraph's
// WebAssembly objects.
class Term {
  constructor(termType, value, language = '', datatype = null) {
    this.termType = termType;
    this.value = value;
    if (termType === 'Literal') {
      this.language = language;
      this.datatype = datatype;
    }
  }

  equals(other) {
    if (!other || other.termType !== this.termType || other.value !== this.value) return false;
    if (this.termType !== 'Literal') return true;
    return other.language === this.language && other.datatype.equals(this.datatype);
  }
}

function toPlainTerm(term) {
  switch (term.termType) {
    case 'Literal':
      return new Term('Literal', term.value, term.language,
        new Term('NamedNode', term.datatype.value));
    case 'NamedNode':
    case 'BlankNode':
      return new Term(term.termType, term.value);
    case 'DefaultGraph':
      return new Term('DefaultGraph', '');
    default:
      throw new InputError(`unsupported term type ${term.termType}`);
  }
}

function toPlainQuad(quad) {
  return {
    termType: 'Quad',
    value: '',
    subject: toPlainTerm(quad.subject),
    predicate: toPlainTerm(quad.predicate),
    object: toPlainTerm(quad.object),
    graph: toPlainTerm(quad.graph),
  };
}

function formatForPath(path) {
  if (path.endsWith('.ttl')) return 'text/turtle';
  if (path.endsWith('.nq')) return 'application/n-quads';
  return 'application/n-triples';
}

// Parses RDF text into an array of plain quads. `format` is a media type
// that Oxigraph reads, such as application/n-triples or text/turtle.
export function parseRdf(text, format, name) {
  try {
    return oxigraph.parse(text, { format }).map(toPlainQuad);
  } catch (error) {
    throw new InputError(`${name} is not valid ${format}: ${error.message ?? error}`);
  }
}

// Reads and parses the RDF file at `path`: Turtle when it ends in .ttl,
// N-Quads when it ends in .nq, N-Triples otherwise.
export function readRdf(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${error.message}`);
  }
  return parseRdf(text, formatForPath(path), path);
}

function formatTerm(term) {
  if (!term) return '';
  if (term.termType === 'Literal') {
    const suffix = term.language ? `@${term.language}` : `^^<${term.datatype.value}>`;
    return JSON.stringify(term.value) + suffix;
  }
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  return term.value;
}

// Returns the result's path as an IRI, ^IRI for an inverse path, or '' when
// the result has no path (a node shape's own constraint).
function formatPath(result) {
  const path = result.path;
  if (!path) return '';
  if (path.termType === 'NamedNode') return path.value;
  const inverse = result.pointer
    .out(result.ns.sh.resultPath)
    .out(result.ns.sh.inversePath).term;
  if (inverse) return `^${inverse.value}`;
  return formatTerm(path);
}

function localName(iri) {
  return iri.startsWith(SH) ? iri.slice(SH.length) : iri;
}

// Validates `dataQuads` against `shapeQuads` and returns
// { conforms, results }, where each result is an object with the fields
// focusNode, path, component, value and message, all strings, sorted by
// formatResultKey.
export async function validate(dataQuads, shapeQuads) {
  const shapes = DatasetFactory.dataset(shapeQuads);
  const data = DatasetFactory.dataset(dataQuads);
  const report = await new SHACLValidator(shapes).validate(data);

  const results = report.results.map((result) => ({
    focusNode: formatTerm(result.focusNode),
    path: formatPath(result),
    component: localName(result.sourceConstraintComponent?.value ?? ''),
    value: formatTerm(result.value),
    message: result.message.map((term) => term.value).join(' '),
  }));
  results.sort((a, b) => {
    const keyA = formatResultKey(a);
    const keyB = formatResultKey(b);
    if (keyA < keyB) return -1;
    if (keyA > keyB) return 1;
    return 0;
  });
  return { conforms: report.conforms, results };
}

// Returns FOCUS_NODE TAB PATH TAB CONSTRAINT_COMPONENT TAB VALUE: a result
// without its message, whose wording belongs to the validator.
export function formatResultKey(result) {
  return [result.focusNode, result.path, result.component, result.value]
    .map((field) => field.replace(/[\t\n\r]/g, ' '))
    .join('\t');
}

export function formatResultLine(result) {
  return `${formatResultKey(result)}\t${result.message.replace(/[\t\n\r]/g, ' ')}`;
}

function readExpectedKeys(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${error.message}`);
  }
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

// Prints how `results` differ from `expectedKeys` and returns true when they
// are the same.
function matchesExpected(results, expectedKeys, expectPath) {
  const actualKeys = results.map(formatResultKey);
  const missing = expectedKeys.filter((key) => !actualKeys.includes(key));
  const unexpected = results.filter((result) => !expectedKeys.includes(formatResultKey(result)));
  for (const key of missing) console.log(`missing (listed in ${expectPath}, not reported): ${key}`);
  for (const result of unexpected) console.log(`unexpected: ${formatResultLine(result)}`);
  return missing.length === 0 && unexpected.length === 0
    && new Set(actualKeys).size === actualKeys.length;
}

async function main() {
  const args = process.argv.slice(2);
  let expectPath = null;
  if (args[0] === '--expect') {
    expectPath = args[1];
    args.splice(0, 2);
  }
  if (args.length !== 2 || expectPath === undefined) {
    console.error('usage: node shacl_validate.mjs [--expect FILE] GRAPH SHAPES.ttl');
    process.exit(2);
  }
  const [graphPath, shapesPath] = args;

  let dataQuads;
  let shapeQuads;
  let expectedKeys = null;
  try {
    dataQuads = readRdf(graphPath);
    shapeQuads = readRdf(shapesPath);
    if (expectPath !== null) expectedKeys = readExpectedKeys(expectPath);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(`shacl_validate: ${error.message}`);
    process.exit(2);
  }

  const { conforms, results } = await validate(dataQuads, shapeQuads);
  if (expectedKeys !== null) {
    if (!matchesExpected(results, expectedKeys, expectPath)) {
      console.log(`${graphPath}: validation results differ from ${expectPath}`);
      process.exit(1);
    }
    console.log(`${graphPath}: ${results.length} validation results, as listed in ${expectPath}`);
    return;
  }

  if (conforms) {
    console.log(`${graphPath} conforms to ${shapesPath} (${dataQuads.length} triples)`);
    return;
  }
  for (const result of results) console.log(formatResultLine(result));
  console.log(`${graphPath}: ${results.length} validation results against ${shapesPath}`);
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
