// Usage: node gexf_check.mjs GRAPH.gexf [IRI=YYYY-MM-DD ...]
//
// Checks graph.gexf the way Gephi-style JavaScript clients read it:
//   - @xmldom/xmldom parses it with no warning or error, the root is GEXF
//     1.3 with a dynamic graph and timeformat="date";
//   - graphology-gexf 0.13 loads it with undeclared attributes rejected and
//     nothing written to the console;
//   - every node has a non-empty label, a type, and a numeric papers count;
//     every edge has a finite positive weight and joins two nodes;
//   - each start attribute is a YYYY-MM-DD date equal to the firstDate
//     attribute that graphology-gexf reads, no edge starts before either of
//     its nodes, and at least one node is dated;
//   - each IRI=DATE argument names a node whose firstDate is DATE.
// Prints "gexf: N nodes, M edges, D dated nodes" and exits 0 when all hold;
// otherwise prints up to 20 problems and exits 1.

import Graph from 'graphology';
import gexf from 'graphology-gexf';
import { failWithProblems, parseQuietly, parseStrictly, readUtf8 } from './xml_load.mjs';

const SCRIPT = 'gexf_check';
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

// The start attribute of each <node> and <edge>, by id.
function startDates(document, tag) {
  const starts = new Map();
  for (const element of Array.from(document.getElementsByTagName(tag))) {
    starts.set(element.getAttribute('id'), element.getAttribute('start') || undefined);
  }
  return starts;
}

function checkRoot(document, problems) {
  const root = document.documentElement;
  if (root.namespaceURI !== 'http://gexf.net/1.3' || root.getAttribute('version') !== '1.3') {
    problems.push(`root is not GEXF 1.3: namespace ${root.namespaceURI}, version ${root.getAttribute('version')}`);
  }
  const graphElement = document.getElementsByTagName('graph')[0];
  if (graphElement?.getAttribute('mode') !== 'dynamic' || graphElement?.getAttribute('timeformat') !== 'date') {
    problems.push('<graph> must have mode="dynamic" and timeformat="date"');
  }
}

function checkDate(where, start, firstDate, problems) {
  if (start !== firstDate) problems.push(`${where}: start ${start} differs from firstDate ${firstDate}`);
  if (start !== undefined && !DATE.test(start)) problems.push(`${where}: start ${start} is not YYYY-MM-DD`);
}

function main() {
  const [path, ...expectations] = process.argv.slice(2);
  if (!path) {
    console.error('usage: node gexf_check.mjs GRAPH.gexf [IRI=YYYY-MM-DD ...]');
    process.exit(2);
  }

  const text = readUtf8(SCRIPT, path);
  const document = parseStrictly(SCRIPT, text, path);
  const problems = [];
  checkRoot(document, problems);
  const graph = parseQuietly(SCRIPT, 'graphology-gexf', path,
                             () => gexf.parse(Graph, text, { allowUndeclaredAttributes: false }));
  const nodeStarts = startDates(document, 'node');
  const edgeStarts = startDates(document, 'edge');

  let dated = 0;
  graph.forEachNode((node, attributes) => {
    const where = `node ${JSON.stringify(node)}`;
    if (typeof attributes.label !== 'string' || attributes.label.trim() === '') problems.push(`${where}: empty label`);
    if (typeof attributes.type !== 'string' || attributes.type === '') problems.push(`${where}: missing type`);
    if (!Number.isInteger(attributes.papers) || attributes.papers < 1) problems.push(`${where}: papers is ${attributes.papers}`);
    checkDate(where, nodeStarts.get(node), attributes.firstDate, problems);
    if (attributes.firstDate !== undefined) dated += 1;
  });

  graph.forEachEdge((edge, attributes, source, target) => {
    const where = `edge ${edge} ${JSON.stringify(source)} -- ${JSON.stringify(target)}`;
    if (!Number.isFinite(attributes.weight) || attributes.weight <= 0) problems.push(`${where}: weight is ${attributes.weight}`);
    checkDate(where, edgeStarts.get(edge), attributes.firstDate, problems);
    for (const end of [source, target]) {
      const endDate = graph.getNodeAttribute(end, 'firstDate');
      if (attributes.firstDate !== undefined && (endDate === undefined || attributes.firstDate < endDate)) {
        problems.push(`${where}: starts ${attributes.firstDate}, before its node ${JSON.stringify(end)} (${endDate})`);
      }
    }
  });

  if (dated === 0) problems.push('no node has a date');
  for (const expectation of expectations) {
    const split = expectation.lastIndexOf('=');
    const [iri, date] = [expectation.slice(0, split), expectation.slice(split + 1)];
    if (!graph.hasNode(iri)) {
      problems.push(`expected node ${iri} is missing`);
    } else if (graph.getNodeAttribute(iri, 'firstDate') !== date) {
      problems.push(`node ${iri}: firstDate ${graph.getNodeAttribute(iri, 'firstDate')}, expected ${date}`);
    }
  }

  if (problems.length === 0) {
    console.log(`gexf: ${graph.order} nodes, ${graph.size} edges, ${dated} dated nodes`);
    return;
  }
  failWithProblems(SCRIPT, path, problems, 'problems');
}

main();
