// Writes every export of a finished knowledge graph into one output folder:
//   graph.nt                 the merged graph as N-Triples (export/ntriples.h)
//   graph.jsonld             the same triples as JSON-LD (export/jsonld.h)
//   graph.ttl                the same triples as Turtle (export/turtle.h)
//   graph.nq                 one named graph per post, with mention
//                            provenance (export/nquads.h)
//   graph.graphml            the full graph for Gephi (export/graphml.h)
//   graph.comention.graphml  the entity co-mention network (export/graphml.h)
//   graph.gexf               the co-mention network over time (export/gexf.h)
//   kg.sqlite                the SQLite store (export/sqlite_store.h)
//
// Each file is written whole or not at all (a temporary file beside it, then
// a rename), so a failed run leaves the previous version of that file in
// place. One failed file does not stop the others. This module does not
// decide what is in the graph and does not print; problems are returned as
// messages for the caller to report. Separate calls with different output
// folders may run concurrently.
#ifndef KGBUILD_EXPORT_EXPORTER_H_
#define KGBUILD_EXPORT_EXPORTER_H_

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "export/iri.h"
#include "graph/knowledge_graph.h"

namespace kgbuild {

// Writes the exports listed above of `graph` into `out_dir`, creating the
// folder when it is missing. Returns true when all of them were written. Otherwise
// appends one message per failed file to `*errors`, for example
// "failed to write kg/graph.nt: write kg/graph.nt.tmp-12: No space left on
// device", and returns false.
bool WriteAll(const Graph& graph, const std::filesystem::path& out_dir,
              const IriOptions& options, std::vector<std::string>* errors);

// The time one step of WriteAll took: writing one file, or building an
// input that several files share ("rdf triples", "co-mention network").
struct ExportTiming {
  std::string step;
  double wall_seconds = 0;
  double cpu_seconds = 0;  // of the thread that ran the step
};

// Adds the caller's own tables to kg.sqlite once it is written, returning
// false with a message on failure. Runs on an export thread.
using SqliteAppender =
    std::function<bool(const std::filesystem::path& database, std::string* error)>;

// The same, writing independent files on up to `jobs` threads. The files
// and the messages are the same for any `jobs`; more threads hold more of
// the exports' working memory at once. When `timings` is not null, appends
// one entry per step that ran, in a fixed order. When `append_to_sqlite` is
// set, it runs as the step "kg.sqlite store tables" after kg.sqlite is
// written, and its failure counts as that file's.
bool WriteAll(const Graph& graph, const std::filesystem::path& out_dir, const IriOptions& options,
              int jobs, std::vector<std::string>* errors,
              std::vector<ExportTiming>* timings = nullptr,
              const SqliteAppender& append_to_sqlite = {});

}  // namespace kgbuild

#endif  // KGBUILD_EXPORT_EXPORTER_H_
