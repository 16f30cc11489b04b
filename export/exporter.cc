#include "export/exporter.h"

#include <system_error>

#include "export/comention.h"
#include "export/gexf.h"
#include "export/graphml.h"
#include "export/jsonld.h"
#include "export/nquads.h"
#include "export/ntriples.h"
#include "export/output.h"
#include "export/rdf.h"
#include "export/sqlite_store.h"
#include "export/turtle.h"

namespace kgbuild {
namespace {

// Runs `write` into a FileSink at `path` and commits it. Returns false and
// appends the reason to `*errors` when any step fails.
template <typename WriteFunction>
bool WriteFile(const std::filesystem::path& path, WriteFunction write,
               std::vector<std::string>* errors) {
  FileSink sink(path);
  write(&sink);
  std::string error;
  if (sink.Commit(&error)) return true;
  errors->push_back(error);
  return false;
}

}  // namespace

bool WriteAll(const Graph& graph, const std::filesystem::path& out_dir,
              const IriOptions& options, std::vector<std::string>* errors) {
  std::error_code code;
  std::filesystem::create_directories(out_dir, code);
  if (code) {
    errors->push_back("failed to create output folder " + out_dir.string() +
                      ": " + code.message());
    return false;
  }

  // The triples are freed before the quads are built: the two lists are
  // the largest things a run holds.
  bool ok = true;
  {
    const std::vector<Triple> triples = BuildTriples(graph, options);
    ok = WriteFile(out_dir / "graph.nt", [&](ByteSink* sink) { WriteNTriples(triples, sink); },
                   errors) && ok;
    ok = WriteFile(out_dir / "graph.jsonld",
                   [&](ByteSink* sink) { WriteJsonLd(triples, options, sink); },
                   errors) && ok;
    ok = WriteFile(out_dir / "graph.ttl",
                   [&](ByteSink* sink) { WriteTurtle(triples, options, sink); },
                   errors) && ok;
  }
  ok = WriteFile(out_dir / "graph.nq",
                 [&](ByteSink* sink) { WriteGraphNQuads(graph, options, sink); },
                 errors) && ok;
  ok = WriteFile(out_dir / "graph.graphml",
                 [&](ByteSink* sink) { WriteGraphMl(graph, options, sink); },
                 errors) && ok;

  const CoMentionNetwork network = BuildCoMentionNetwork(graph);
  ok = WriteFile(out_dir / "graph.comention.graphml",
                 [&](ByteSink* sink) {
                   WriteCoMentionGraphMl(graph, network, options, sink);
                 },
                 errors) && ok;
  ok = WriteFile(out_dir / "graph.gexf",
                 [&](ByteSink* sink) { WriteGexf(graph, network, options, sink); },
                 errors) && ok;

  std::string error;
  if (!WriteSqliteStore(graph, out_dir / "kg.sqlite", options, &error)) {
    errors->push_back(error);
    ok = false;
  }
  return ok;
}

}  // namespace kgbuild
