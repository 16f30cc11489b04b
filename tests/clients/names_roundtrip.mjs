// Usage: node names_roundtrip.mjs OUT_DIR NAMES.json
//
// Reads every export in OUT_DIR back with a real client and checks that
// each name of NAMES.json (see its "description") comes back exactly:
//   graph.nt, graph.ttl, graph.nq   Oxigraph
//   graph.jsonld                    jsonld.js, expanded offline, then Oxigraph
//   graph.graphml, graph.comention.graphml   graphology-graphml
//   graph.gexf                      graphology-gexf
// The IRI of each entity is minted here from its type and name the way
// kgbuild documents it (percent-encoding every byte outside A-Z a-z 0-9
// - . _ ~), so the check also shows that every format uses the same IRI.
// Prints "names: N names found in F formats" and exits 0 when all are
// found; otherwise prints each missing name per format and exits 1.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import jsonld from 'jsonld';
import * as oxigraph from 'oxigraph';

const RDFS_LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';
const SCHEMA_KEYWORDS = 'http://schema.org/keywords';

function fail(message) {
  console.error(`names_roundtrip: ${message}`);
  process.exit(1);
}

function readText(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    fail(`cannot read ${path}: ${error.message}`);
  }
}

function percentEncode(text) {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

// XML 1.0 cannot carry U+0000-U+001F other than tab, newline and carriage
// return; kgbuild writes U+FFFD for each.
function xmlForm(text) {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '\uFFFD');
}

function literalMatches(term, text, language) {
  return term.termType === 'Literal' && term.value === text && term.language === (language ?? '');
}

function checkRdf(format, quads, names, missing) {
  for (const entity of names.entities) {
    const iri = `${names.base}id/${entity.type}/${percentEncode(entity.name)}`;
    const found = quads.some((quad) => quad.subject.value === iri && quad.predicate.value === RDFS_LABEL &&
      literalMatches(quad.object, entity.name, entity.language));
    if (!found) missing.push(`${format}: no rdfs:label ${JSON.stringify(entity.name)} on <${iri}>`);
  }
  for (const { post, keyword } of names.keywords) {
    const iri = `${names.base}id/post/${percentEncode(post)}`;
    const found = quads.some((quad) => quad.subject.value === iri && quad.predicate.value === SCHEMA_KEYWORDS &&
      literalMatches(quad.object, keyword));
    if (!found) missing.push(`${format}: no schema:keywords ${JSON.stringify(keyword)} on <${iri}>`);
  }
}

function checkGraph(format, graph, names, missing) {
  for (const entity of names.entities) {
    const iri = `${names.base}id/${entity.type}/${percentEncode(entity.name)}`;
    if (!graph.hasNode(iri)) {
      missing.push(`${format}: no node ${iri}`);
      continue;
    }
    const label = graph.getNodeAttribute(iri, 'label');
    if (label !== xmlForm(entity.name)) {
      missing.push(`${format}: node ${iri} has label ${JSON.stringify(label)}, expected ${JSON.stringify(xmlForm(entity.name))}`);
    }
  }
}

function parseRdf(path, format) {
  try {
    return oxigraph.parse(readText(path), { format });
  } catch (error) {
    fail(`Oxigraph rejected ${path}: ${error.message ?? error}`);
  }
}

async function main() {
  const [out, namesPath] = process.argv.slice(2);
  if (!out || !namesPath || process.argv.length !== 4) {
    console.error('usage: node names_roundtrip.mjs OUT_DIR NAMES.json');
    process.exit(2);
  }
  const names = JSON.parse(readText(namesPath));
  const missing = [];

  checkRdf('graph.nt', parseRdf(join(out, 'graph.nt'), 'application/n-triples'), names, missing);
  checkRdf('graph.ttl', parseRdf(join(out, 'graph.ttl'), 'text/turtle'), names, missing);
  checkRdf('graph.nq', parseRdf(join(out, 'graph.nq'), 'application/n-quads'), names, missing);

  const options = {
    documentLoader: async (url) => { throw new Error(`remote document loading is disabled (requested ${url})`); },
    safe: true,
  };
  const document = JSON.parse(readText(join(out, 'graph.jsonld')));
  const nquads = await jsonld.toRDF(await jsonld.expand(document, options), { ...options, format: 'application/n-quads' });
  checkRdf('graph.jsonld', oxigraph.parse(nquads, { format: 'application/n-quads' }), names, missing);

  for (const file of ['graph.graphml', 'graph.comention.graphml']) {
    checkGraph(file, graphml.parse(Graph, readText(join(out, file))), names, missing);
  }
  checkGraph('graph.gexf', gexf.parse(Graph, readText(join(out, 'graph.gexf'))), names, missing);

  if (missing.length === 0) {
    console.log(`names: ${names.entities.length + names.keywords.length} names found in 7 formats`);
    return;
  }
  for (const line of missing) console.error(`names_roundtrip: ${line}`);
  process.exit(1);
}

await main();
