// The N-Triples writer: the triples of BuildTriples (export/rdf.h), one per
// line, in their sorted order, so the same graph always gives the same bytes
// and files of several shards can simply be concatenated.
//
// Escaping, by the RDF 1.1 N-Triples grammar:
//   literals  `"` `\` newline, carriage return and tab as \" \\ \n \r \t;
//             every other U+0000-U+001F and U+007F as \u00XX (uppercase
//             hex); valid non-ASCII UTF-8 as is; each byte that does not
//             start a valid UTF-8 sequence as U+FFFD
//   IRIs      characters IRIREF forbids (U+0000-U+0020 and `<>"{}|^`\`)
//             and invalid UTF-8 bytes are percent-encoded as %XX, never
//             written as \u escapes, because a \u escape would put the
//             forbidden character back into the parsed IRI
//             (EscapeIriForbidden in export/iri.h)
//
// The writer does not open files and does not print. It is safe to call
// from several threads with separate sinks.
#ifndef KGBUILD_EXPORT_NTRIPLES_H_
#define KGBUILD_EXPORT_NTRIPLES_H_

#include <string>
#include <string_view>
#include <vector>

#include "export/output.h"
#include "export/rdf.h"
#include "export/triple_table.h"

namespace kgbuild {

// Writes `triples` to `sink` in the given order. Returns false as soon as a
// write fails; the sink's Commit then reports why. Does not commit.
bool WriteNTriples(const TripleTable& triples, ByteSink* sink);
bool WriteNTriples(const std::vector<Triple>& triples, ByteSink* sink);

// The writers pass the sink about this many bytes at a time.
inline constexpr size_t kWriteBufferBytes = 1 << 16;

// Appends one term in its N-Triples form: <iri>, or "text" followed by
// @language or ^^<datatype>.
void AppendNTriplesIri(std::string_view iri, std::string* out);
void AppendNTriplesLiteral(std::string_view lexical, std::string_view datatype,
                           std::string_view language, std::string* out);

// Appends one triple as an N-Triples line, newline included.
void AppendNTriplesLine(const Triple& triple, std::string* out);

// Appends one triple in the named graph `graph_iri` as an N-Quads line,
// newline included; an empty `graph_iri` means the default graph and gives
// the N-Triples line. Terms are escaped as in N-Triples.
void AppendNQuadsLine(const Triple& triple, std::string_view graph_iri,
                      std::string* out);

// Appends `text` escaped by the literal rules above, without the enclosing
// quotes. The result is also a valid Turtle STRING_LITERAL_QUOTE body, so
// the Turtle writer escapes through this function too.
void AppendEscapedLiteralText(std::string_view text, std::string* out);

}  // namespace kgbuild

#endif  // KGBUILD_EXPORT_NTRIPLES_H_
