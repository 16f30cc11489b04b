// The Turtle writer (graph.ttl): the triples of BuildTriples
// (export/rdf.h), the same set as graph.nt, laid out for people to read.
//
// The document opens with @prefix lines for the RDF namespaces of
// RdfPrefixes (rdf, rdfs, xsd, schema, mls, skos, kg) and for the node
// namespaces: arxiv (https://arxiv.org/abs/), post, paper, result and one
// per entity type (model, method, dataset, metric, hardware, task,
// organization), each BASE id/<name>/. Then each subject's triples form one
// block: the subject on its own line, each predicate indented on its own
// line and separated by " ;", several objects of one predicate separated by
// ",", the block ended by " ." and a blank line. rdf:type is written "a".
//
// An IRI is written as a prefixed name only when it starts with one of the
// namespaces and the rest is a safe local part: one or more of
// [A-Za-z0-9_.-] and %XX escapes, not starting with '-' or '.' and not
// ending with '.'. This is a subset of the Turtle 1.1 PN_LOCAL grammar that
// needs no backslash escape and that rapper 2.0.15 and Oxigraph read. Every
// other IRI is written in full as <...>, percent-encoded like in N-Triples.
// Literals are escaped by AppendEscapedLiteralText (export/ntriples.h), the
// function the N-Triples writer uses, because the rules for a Turtle
// STRING_LITERAL_QUOTE accept its output unchanged.
//
// The writer does not open files and does not print. It is safe to call
// from several threads with separate sinks.
#ifndef KGBUILD_EXPORT_TURTLE_H_
#define KGBUILD_EXPORT_TURTLE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "export/iri.h"
#include "export/output.h"
#include "export/rdf.h"
#include "export/triple_table.h"

namespace kgbuild {

// The prefixes graph.ttl declares, in order: RdfPrefixes, then the node
// namespaces listed above.
std::vector<std::pair<std::string, std::string>> TurtlePrefixes(
    const IriOptions& options);

// Writes `triples` to `sink` as Turtle. REQUIRES: `triples` sorted, as
// BuildTriples returns them, so each subject's triples are adjacent.
// Returns false as soon as a write fails; the sink's Commit then reports
// why. Does not commit.
bool WriteTurtle(const TripleTable& triples, const IriOptions& options, ByteSink* sink);
bool WriteTurtle(const std::vector<Triple>& triples, const IriOptions& options,
                 ByteSink* sink);

// True when `local` is a safe local part by the rule above.
bool IsSafeTurtleLocalName(std::string_view local);

}  // namespace kgbuild

#endif  // KGBUILD_EXPORT_TURTLE_H_
