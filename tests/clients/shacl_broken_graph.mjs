// Usage: node shacl_broken_graph.mjs GOOD.nt SHAPES.ttl BROKEN_OUT.nt
//
// Proves that the SHACL shapes catch broken output. Copies GOOD.nt (the
// graph built from samples/good) to BROKEN_OUT.nt with four edits that each
// break one rule of the shapes, validates both graphs, and asserts that the
// broken graph has exactly the four expected validation results on top of
// those of the good graph, and that it loses none of them. Exits 1 when an
// assertion fails, also when GOOD.nt lacks a triple an edit needs (then the
// sample posts changed and PAPER below needs another value).

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { formatResultKey, formatResultLine, parseRdf, readRdf, validate } from './shacl_validate.mjs';

const SCHEMA = 'http://schema.org/';
const MLS = 'http://www.w3.org/ns/mls#';
const KG = 'https://w3id.org/kgbuild/ns#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const ID = 'https://w3id.org/kgbuild/id/';

// The paper whose name is dropped and whose results are broken: the
// LongCtx-Eval paper in samples/good/2026-01-15-benchmark-tables.md, which
// reports results with a metric, a dataset and a unit.
const PAPER = 'https://arxiv.org/abs/2601.09021';

// Returns the subjects, in sorted order, of the result triples of PAPER
// with predicate `predicate`. Result IRIs contain the model and the value,
// so they are looked up instead of written here.
function resultSubjectsWith(lines, predicate) {
  const resultPrefix = `<${ID}result/2601.09021%2F`;
  const subjects = lines
    .filter((line) => line.startsWith(resultPrefix) && line.includes(` <${predicate}> `))
    .map((line) => line.slice(1, line.indexOf('> ')));
  return [...new Set(subjects)].sort();
}

// Returns one edit per broken rule: each replaces the object of the one
// triple with this subject and predicate, or drops it when `object` is null.
function chooseEdits(lines) {
  const measured = resultSubjectsWith(lines, `${MLS}specifiedBy`);
  const withUnit = resultSubjectsWith(lines, `${KG}unit`);
  assert.ok(measured.length >= 1, `no result of ${PAPER} has mls:specifiedBy`);
  const valueResult = measured[0];
  const unitResult = withUnit.find((subject) => subject !== valueResult);
  assert.ok(unitResult, `no second result of ${PAPER} has kg:unit`);

  return {
    edits: [
      { subject: PAPER, predicate: `${SCHEMA}name`, object: null },
      { subject: valueResult, predicate: `${MLS}hasValue`, object: '"high"' },
      { subject: valueResult, predicate: `${MLS}specifiedBy`, object: `<${PAPER}>` },
      { subject: unitResult, predicate: `${KG}unit`, object: '"times"' },
    ],
    // The validation results the edits add, in the order validate() sorts
    // them, as formatResultKey writes them.
    expected: [
      [PAPER, `${SCHEMA}name`, 'MinCountConstraintComponent', ''],
      [valueResult, `${MLS}hasValue`, 'DatatypeConstraintComponent', `"high"^^<${XSD}string>`],
      [valueResult, `${MLS}specifiedBy`, 'ClassConstraintComponent', PAPER],
      [unitResult, `${KG}unit`, 'InConstraintComponent', `"times"^^<${XSD}string>`],
    ].map((fields) => fields.join('\t')).sort(),
  };
}

function applyEdits(lines, edits) {
  const edited = [...lines];
  for (const { subject, predicate, object } of edits) {
    const prefix = `<${subject}> <${predicate}> `;
    const matches = edited.flatMap((line, index) => (line?.startsWith(prefix) ? [index] : []));
    assert.equal(matches.length, 1,
      `expected exactly one triple ${prefix}... in the good graph, found ${matches.length}`);
    edited[matches[0]] = object === null ? null : `${prefix}${object} .`;
  }
  return edited.filter((line) => line !== null);
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length !== 3) {
    console.error('usage: node shacl_broken_graph.mjs GOOD.nt SHAPES.ttl BROKEN_OUT.nt');
    process.exit(2);
  }
  const [goodPath, shapesPath, brokenPath] = args;

  const goodLines = readFileSync(goodPath, 'utf8').split('\n').filter((line) => line !== '');
  const { edits, expected } = chooseEdits(goodLines);
  const brokenText = `${applyEdits(goodLines, edits).join('\n')}\n`;
  writeFileSync(brokenPath, brokenText);

  const shapes = readRdf(shapesPath);
  const good = await validate(readRdf(goodPath), shapes);
  const broken = await validate(parseRdf(brokenText, 'application/n-triples', brokenPath), shapes);

  const goodKeys = good.results.map(formatResultKey);
  const brokenKeys = broken.results.map(formatResultKey);
  const added = broken.results.filter((result) => !goodKeys.includes(formatResultKey(result)));
  const lost = goodKeys.filter((key) => !brokenKeys.includes(key));

  for (const result of added) console.log(`new result: ${formatResultLine(result)}`);
  assert.equal(broken.conforms, false, 'the broken graph must not conform');
  assert.equal(added.length, 4, 'number of new validation results');
  assert.deepEqual(added.map(formatResultKey), expected);
  assert.deepEqual(lost, [], 'results of the good graph missing from the broken one');
  console.log(`${brokenPath}: ${added.length} new validation results, as expected`);
}

await main();
