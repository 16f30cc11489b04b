// The JSON-LD writer: the triples of BuildTriples (export/rdf.h) as one
// JSON-LD 1.1 document with an inline context, streamed with RapidJSON.
//
// The document is
//   {"@context": {"rdf": ..., "rdfs": ..., "xsd": ..., "schema": ...,
//                 "mls": ..., "skos": ..., "kg": ...},
//    "@graph": [one node object per subject, in order of @id]}
// Predicates are compact IRIs ("schema:name"), rdf:type values go under
// "@type", every property value is an array, IRI objects are
// {"@id": FULL_IRI}, and literals are {"@value": TEXT} plus "@language" or
// "@type" (a compact datatype IRI). Decimals stay JSON strings, because a
// processor turns a JSON number into a double form such as "1.36E0", which is
// not an xsd:decimal lexical form. Expanded by a JSON-LD processor, the
// document gives exactly the triples that the N-Triples writer writes.
//
// Escaping is RapidJSON's: `"` and `\` as \" and \\, backspace, form feed,
// newline, carriage return and tab as \b \f \n \r \t, other U+0000-U+001F
// as \u00XX; U+007F and non-ASCII UTF-8 are written as is. Bytes that are
// not valid UTF-8 are replaced by U+FFFD first, and IRIs pass through
// EscapeIriForbidden (export/iri.h) as in N-Triples.
//
// The writer does not open files and does not print. It is safe to call
// from several threads with separate sinks.
#ifndef KGBUILD_EXPORT_JSONLD_H_
#define KGBUILD_EXPORT_JSONLD_H_

#include <vector>

#include "export/iri.h"
#include "export/output.h"
#include "export/rdf.h"
#include "export/triple_table.h"

namespace kgbuild {

// Writes `triples` to `sink` as JSON-LD. REQUIRES: `triples` sorted, as
// BuildTriples returns them, so each subject's triples are adjacent.
// Returns false as soon as a write fails; the sink's Commit then reports
// why. Does not commit.
bool WriteJsonLd(const TripleTable& triples, const IriOptions& options, ByteSink* sink);
bool WriteJsonLd(const std::vector<Triple>& triples, const IriOptions& options,
                 ByteSink* sink);

}  // namespace kgbuild

#endif  // KGBUILD_EXPORT_JSONLD_H_
