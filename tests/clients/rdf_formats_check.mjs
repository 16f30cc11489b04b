// Usage: node rdf_formats_check.mjs OUT_DIR
//
// Loads OUT_DIR/graph.nt, graph.ttl and graph.nq into Oxigraph stores and
// checks that the three agree:
//   - graph.ttl holds exactly the triples of graph.nt;
//   - every named graph of graph.nq is the IRI of a post (a
//     schema:BlogPosting in graph.nt);
//   - the quads of graph.nq, without the rdf:Statement resources and their
//     triples, are exactly graph.nt's triples when graph names are dropped;
//   - every rdf:Statement has one rdf:subject, rdf:predicate and rdf:object,
//     one kg:section, one kg:line typed xsd:integer, and the triple it
//     reifies is in the same named graph.
// Prints "rdf formats: N triples, G post graphs, S statements" and exits 0
// when all hold; otherwise prints up to 20 problems and exits 1.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oxigraph from 'oxigraph';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const SCHEMA = 'http://schema.org/';
const MAX_LISTED = 20;

function fail(message) {
  console.error(`rdf_formats_check: ${message}`);
  process.exit(1);
}

function load(path, format) {
  let bytes;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (error) {
    fail(`cannot read ${path}: ${error.message}`);
  }
  const store = new oxigraph.Store();
  try {
    store.load(bytes, { format });
  } catch (error) {
    fail(`Oxigraph rejected ${path} as ${format}: ${error.message ?? error}`);
  }
  return store;
}

function tripleKey(quad) {
  return `${quad.subject.toString()} ${quad.predicate.toString()} ${quad.object.toString()} .`;
}

function listDifference(label, lines, other, problems) {
  for (const line of [...lines].filter((line) => !other.has(line)).sort()) {
    problems.push(`only in ${label}: ${line}`);
  }
}

// The namespace of the project vocabulary, taken from the kg:proposes or
// kg:reports predicate, which every graph with a paper uses.
function findVocabularyNamespace(quads) {
  for (const quad of quads) {
    const iri = quad.predicate.value;
    for (const local of ['proposes', 'reports', 'unit', 'dataset', 'model']) {
      if (iri.endsWith(`ns#${local}`)) return iri.slice(0, iri.length - local.length);
    }
  }
  return null;
}

function checkStatements(nqQuads, kg, problems) {
  const byStatement = new Map();
  for (const quad of nqQuads) {
    const key = `${quad.graph.toString()} ${quad.subject.toString()}`;
    if (!byStatement.has(key)) byStatement.set(key, []);
    byStatement.get(key).push(quad);
  }

  const tripleInGraph = new Set(nqQuads.map((quad) => `${quad.graph.toString()} ${tripleKey(quad)}`));
  let statements = 0;
  for (const [key, quads] of byStatement) {
    const isStatement = quads.some(
      (quad) => quad.predicate.value === `${RDF}type` && quad.object.value === `${RDF}Statement`);
    if (!isStatement) continue;
    statements += 1;

    const values = (predicate) => quads.filter((quad) => quad.predicate.value === predicate).map((quad) => quad.object);
    const [subject] = values(`${RDF}subject`);
    const [predicate] = values(`${RDF}predicate`);
    const [object] = values(`${RDF}object`);
    for (const name of ['subject', 'predicate', 'object']) {
      if (values(`${RDF}${name}`).length !== 1) problems.push(`${key}: expected one rdf:${name}`);
    }
    if (values(`${kg}section`).length !== 1) problems.push(`${key}: expected one kg:section`);
    const lines = values(`${kg}line`);
    if (lines.length !== 1 || lines[0].datatype?.value !== `${XSD}integer` || !/^[0-9]+$/.test(lines[0].value)) {
      problems.push(`${key}: expected one kg:line typed xsd:integer`);
    }
    if (quads[0].graph.termType !== 'NamedNode') {
      problems.push(`${key}: statement outside a post's named graph`);
    } else if (subject && predicate && object) {
      const reified = `${quads[0].graph.toString()} ${subject.toString()} ${predicate.toString()} ${object.toString()} .`;
      if (!tripleInGraph.has(reified)) problems.push(`${key}: reified triple not in the same graph: ${reified}`);
    }
  }
  return statements;
}

function main() {
  const out = process.argv[2];
  if (!out || process.argv.length !== 3) {
    console.error('usage: node rdf_formats_check.mjs OUT_DIR');
    process.exit(2);
  }

  const ntQuads = load(join(out, 'graph.nt'), 'application/n-triples').match();
  const ttlQuads = load(join(out, 'graph.ttl'), 'text/turtle').match();
  const nqQuads = load(join(out, 'graph.nq'), 'application/n-quads').match();
  const problems = [];

  const ntLines = new Set(ntQuads.map(tripleKey));
  const ttlLines = new Set(ttlQuads.map(tripleKey));
  listDifference('graph.ttl', ttlLines, ntLines, problems);
  listDifference('graph.nt', ntLines, ttlLines, problems);

  const posts = new Set(ntQuads
    .filter((quad) => quad.predicate.value === `${RDF}type` && quad.object.value === `${SCHEMA}BlogPosting`)
    .map((quad) => quad.subject.value));
  const graphs = new Set();
  for (const quad of nqQuads) {
    if (quad.graph.termType === 'DefaultGraph') continue;
    graphs.add(quad.graph.value);
    if (!posts.has(quad.graph.value)) problems.push(`named graph ${quad.graph.toString()} is not a post`);
  }

  const kg = findVocabularyNamespace(ntQuads) ?? 'https://w3id.org/kgbuild/ns#';
  const statementSubjects = new Set(nqQuads
    .filter((quad) => quad.predicate.value === `${RDF}type` && quad.object.value === `${RDF}Statement`)
    .map((quad) => quad.subject.toString()));
  const nqLines = new Set(nqQuads
    .filter((quad) => !statementSubjects.has(quad.subject.toString()))
    .map(tripleKey));
  listDifference('graph.nq (named graphs merged)', nqLines, ntLines, problems);
  listDifference('graph.nt (against graph.nq)', ntLines, nqLines, problems);

  const statements = checkStatements(nqQuads, kg, problems);

  if (problems.length === 0) {
    console.log(`rdf formats: ${ntLines.size} triples, ${graphs.size} post graphs, ${statements} statements`);
    return;
  }
  for (const problem of problems.slice(0, MAX_LISTED)) console.error(`rdf_formats_check: ${problem}`);
  if (problems.length > MAX_LISTED) console.error(`rdf_formats_check: ... ${problems.length - MAX_LISTED} more problems`);
  process.exit(1);
}

main();
