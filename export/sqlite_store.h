// The SQLite export: the knowledge graph as kg.sqlite, a database people
// query with SQL.
//
// Tables (ids are assigned in the graph's node order, starting at 1; NULL
// stands for text the graph leaves empty):
//   meta(key, value)              schema_version = '1', iri_base
//   posts(id, path UNIQUE, title, date, tags)   tags: a JSON array of strings
//   papers(id, iri UNIQUE, arxiv_id, title, url)
//   post_papers(post_id, paper_id)
//   entities(id, iri UNIQUE, type, name, parameters)
//   aliases(entity_id, alias, lang)             lang: 'ko' or NULL
//   mentions(paper_id, entity_id, role, file, section, line)
//       role 'mentions' or 'proposes'; one row per provenance entry of the
//       edge, or one row with NULL file, section and line for an edge
//       without provenance
//   results(id, iri UNIQUE, paper_id, value, value_text, unit, metric_id,
//           dataset_id, model_id, label, file, section, line)
//       value: the REAL of value_text when that is a valid xsd:decimal,
//       else NULL; paper and provenance from the first reports edge
// IRIs are those of export/iri.h, so rows join with the RDF exports. Text is
// stored as UTF-8, with each invalid byte replaced by U+FFFD.
//
// The database is built in a temporary file beside the target in one
// transaction, and renamed over the target only after COMMIT and close
// succeed. On any failure the temporary file is removed and an existing
// target is left untouched. This module does not print. Separate calls with
// different paths may run concurrently.
#ifndef KGBUILD_EXPORT_SQLITE_STORE_H_
#define KGBUILD_EXPORT_SQLITE_STORE_H_

#include <filesystem>
#include <string>

#include "export/iri.h"
#include "graph/knowledge_graph.h"

namespace kgbuild {

// Writes `graph` to the SQLite database `path`, replacing any file there.
// Returns false and stores the reason in `*error` on failure, including when
// an edge joins nodes of kinds that its EdgeKind does not allow.
bool WriteSqliteStore(const Graph& graph, const std::filesystem::path& path,
                      const IriOptions& options, std::string* error);

}  // namespace kgbuild

#endif  // KGBUILD_EXPORT_SQLITE_STORE_H_
