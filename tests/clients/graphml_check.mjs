// Usage: node graphml_check.mjs GRAPH.graphml
//
// Checks a kgbuild GraphML export the way Gephi-style JavaScript clients read
// it, with graphology-graphml. The same rules as graphml_check.py apply:
// every node has non-empty string attributes `label` and `type`, every edge
// has a non-empty string `kind` and a finite numeric `weight`. Prints
// "graphml: N nodes, M edges" and exits 0 when all hold, otherwise prints up
// to 20 violations and exits 1.
//
// graphology-graphml 0.5.2 reports neither XML warnings nor undeclared keys:
// its bundled xmldom only logs to the console, and a <data> element whose key
// has no <key> declaration silently becomes an attribute named after the key
// id. This script therefore first parses the file with @xmldom/xmldom's
// DOMParser, failing on any warning or error, and checks every <data key>
// against the <key> declarations. It also fails on anything the library
// writes to the console while parsing.
//
// NOTE: @xmldom/xmldom 0.9.12 accepts a bare "&" followed by a space without
// any warning, so this script passes such a file. graphml_check.py, which
// uses expat through NetworkX, rejects it.

import Graph from 'graphology';
import graphml from 'graphology-graphml';
import { failWithProblems, parseQuietly, parseStrictly, readUtf8 } from './xml_load.mjs';

const SCRIPT = 'graphml_check';
const NUMERIC_TYPES = new Set(['int', 'long', 'float', 'double']);
const KNOWN_TYPES = new Set(['boolean', 'string', ...NUMERIC_TYPES]);

// Check that every <data> element refers to a <key> declared for its parent
// element kind, with a known attr.type, and that numeric values parse.
function collectKeyViolations(document) {
  const violations = [];
  const keys = new Map();
  for (const key of Array.from(document.getElementsByTagName('key'))) {
    const id = key.getAttribute('id');
    const domain = key.getAttribute('for') || 'node';
    const type = key.getAttribute('attr.type') || 'string';
    if (!key.getAttribute('attr.name')) {
      violations.push(`<key id="${id}"> has no attr.name`);
    }
    if (!KNOWN_TYPES.has(type)) {
      violations.push(`<key id="${id}"> has unknown attr.type "${type}"`);
    }
    // graphology-graphml 0.5.2 fails on for="all" because it keeps one key
    // table per element kind (graph, node, edge).
    if (!['graph', 'node', 'edge'].includes(domain)) {
      violations.push(`<key id="${id}"> has for="${domain}", which graphology-graphml cannot read`);
    }
    keys.set(id, { domain, type });
  }

  for (const data of Array.from(document.getElementsByTagName('data'))) {
    const keyId = data.getAttribute('key');
    const owner = data.parentNode;
    const ownerName = owner?.localName ?? owner?.nodeName;
    const ownerId = owner?.getAttribute?.('id') ?? '';
    const where = `<data key="${keyId}"> in <${ownerName} id="${ownerId}">`;
    const key = keys.get(keyId);
    if (key === undefined) {
      violations.push(`${where} refers to an undeclared key`);
      continue;
    }
    if (key.domain !== ownerName) {
      violations.push(`${where} uses a key declared for="${key.domain}"`);
    }
    const text = data.textContent.trim();
    if (NUMERIC_TYPES.has(key.type) && (text === '' || !Number.isFinite(Number(text)))) {
      violations.push(`${where} has "${data.textContent}", expected a finite ${key.type}`);
    }
  }
  return violations;
}

function checkString(attributes, name, where, violations) {
  const value = attributes[name];
  if (value === undefined) {
    violations.push(`${where}: missing attribute '${name}'`);
  } else if (typeof value !== 'string') {
    violations.push(`${where}: attribute '${name}' is ${typeof value} ${JSON.stringify(value)}, expected a string`);
  } else if (value.trim() === '') {
    violations.push(`${where}: attribute '${name}' is empty`);
  }
}

function collectAttributeViolations(graph) {
  const violations = [];
  graph.forEachNode((node, attributes) => {
    const where = `node ${JSON.stringify(node)}`;
    checkString(attributes, 'label', where, violations);
    checkString(attributes, 'type', where, violations);
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    const where = `edge ${JSON.stringify(source)} -> ${JSON.stringify(target)}`;
    checkString(attributes, 'kind', where, violations);
    const weight = attributes.weight;
    if (weight === undefined) {
      violations.push(`${where}: missing attribute 'weight'`);
    } else if (typeof weight !== 'number') {
      violations.push(
        `${where}: attribute 'weight' is ${typeof weight} ${JSON.stringify(weight)}, ` +
          'expected a number (declare the key with attr.type="double")');
    } else if (!Number.isFinite(weight)) {
      violations.push(`${where}: attribute 'weight' is ${weight}, expected a finite number`);
    }
  });
  return violations;
}

function main() {
  const path = process.argv[2];
  if (!path || process.argv.length !== 3) {
    console.error('usage: node graphml_check.mjs GRAPH.graphml');
    process.exit(2);
  }

  const text = readUtf8(SCRIPT, path);
  const document = parseStrictly(SCRIPT, text, path);
  const violations = collectKeyViolations(document);
  if (violations.length === 0) {
    const graph = parseQuietly(SCRIPT, 'graphology-graphml', path, () => graphml.parse(Graph, text));
    violations.push(...collectAttributeViolations(graph));
    if (violations.length === 0) {
      console.log(`graphml: ${graph.order} nodes, ${graph.size} edges`);
      return;
    }
  }

  failWithProblems(SCRIPT, path, violations, 'violations');
}

main();
