// Usage: node ontology_check.mjs ONTOLOGY.ttl GRAPH...
//
// Checks that the ontology declares every term of the project namespace that
// the graphs (N-Triples, N-Quads or Turtle, by file extension) use as a
// predicate or as an rdf:type object, and that each term it declares has an
// English rdfs:label and rdfs:comment. Prints each problem and exits 1 when
// there is one, exits 0 otherwise, and exits 2 on a usage error, an
// unreadable file or a parse error.

import { InputError, readRdf } from './shacl_validate.mjs';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const OWL = 'http://www.w3.org/2002/07/owl#';
const KG = 'https://w3id.org/kgbuild/ns#';
const DECLARATION_TYPES = new Set([`${OWL}Class`, `${OWL}ObjectProperty`, `${OWL}DatatypeProperty`]);

// Terms whose declaration this file must hold even before a writer emits
// them: the provenance properties of the N-Quads output.
const REQUIRED_TERMS = [`${KG}section`, `${KG}line`];

function main() {
  const args = process.argv.slice(2);
  if (args.length < 2) {
    console.error('usage: node ontology_check.mjs ONTOLOGY.ttl GRAPH...');
    process.exit(2);
  }
  const [ontologyPath, ...graphPaths] = args;

  let ontology;
  const graphs = [];
  try {
    ontology = readRdf(ontologyPath);
    for (const path of graphPaths) graphs.push(readRdf(path));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(`ontology_check: ${error.message}`);
    process.exit(2);
  }

  const declared = new Set(ontology
    .filter((q) => q.predicate.value === RDF_TYPE && DECLARATION_TYPES.has(q.object.value))
    .map((q) => q.subject.value));
  const problems = [];

  for (const term of declared) {
    for (const property of ['label', 'comment']) {
      const hasEnglish = ontology.some((q) => q.subject.value === term
        && q.predicate.value === `${RDFS}${property}` && q.object.language === 'en');
      if (!hasEnglish) problems.push(`${term} has no rdfs:${property} tagged @en`);
    }
  }

  const used = new Set(REQUIRED_TERMS);
  for (const quads of graphs) {
    for (const q of quads) {
      if (q.predicate.value.startsWith(KG)) used.add(q.predicate.value);
      if (q.predicate.value === RDF_TYPE && q.object.value.startsWith(KG)) used.add(q.object.value);
    }
  }
  for (const term of [...used].sort()) {
    if (!declared.has(term)) problems.push(`${term} is used or required but not declared in ${ontologyPath}`);
  }

  for (const problem of problems) console.log(problem);
  if (problems.length > 0) process.exit(1);
  console.log(`${ontologyPath} declares all ${used.size} project terms used or required, each with a label and comment`);
}

main();
