#include "export/exporter.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <system_error>
#include <thread>

#include "export/comention.h"
#include "export/gexf.h"
#include "export/graphml.h"
#include "export/jsonld.h"
#include "export/nquads.h"
#include "export/ntriples.h"
#include "export/output.h"
#include "export/rdf.h"
#include "export/sqlite_store.h"
#include "export/triple_table.h"
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
  return WriteAll(graph, out_dir, options, 1, errors);
}

bool WriteAll(const Graph& graph, const std::filesystem::path& out_dir, const IriOptions& options,
              int jobs, std::vector<std::string>* errors) {
  std::error_code code;
  std::filesystem::create_directories(out_dir, code);
  if (code) {
    errors->push_back("failed to create output folder " + out_dir.string() +
                      ": " + code.message());
    return false;
  }

  // Each task writes its files and returns the messages of those that
  // failed. Tasks only read the graph, so they may run on several threads;
  // the messages are joined in task order, the same for any `jobs`.
  using Task = std::function<std::vector<std::string>()>;
  const std::vector<Task> tasks = {
      [&] {
        // The three formats of the one sorted triple list, freed when done.
        std::vector<std::string> failed;
        const TripleTable triples = BuildTripleTable(graph, options);
        WriteFile(out_dir / "graph.nt", [&](ByteSink* sink) { WriteNTriples(triples, sink); }, &failed);
        WriteFile(out_dir / "graph.jsonld", [&](ByteSink* sink) { WriteJsonLd(triples, options, sink); },
                  &failed);
        WriteFile(out_dir / "graph.ttl", [&](ByteSink* sink) { WriteTurtle(triples, options, sink); }, &failed);
        return failed;
      },
      [&] {
        std::vector<std::string> failed;
        std::string error;
        if (!WriteSqliteStore(graph, out_dir / "kg.sqlite", options, &error)) failed.push_back(error);
        return failed;
      },
      [&] {
        std::vector<std::string> failed;
        WriteFile(out_dir / "graph.nq", [&](ByteSink* sink) { WriteGraphNQuads(graph, options, sink); }, &failed);
        return failed;
      },
      [&] {
        std::vector<std::string> failed;
        WriteFile(out_dir / "graph.graphml", [&](ByteSink* sink) { WriteGraphMl(graph, options, sink); },
                  &failed);
        const CoMentionNetwork network = BuildCoMentionNetwork(graph);
        WriteFile(out_dir / "graph.comention.graphml",
                  [&](ByteSink* sink) { WriteCoMentionGraphMl(graph, network, options, sink); }, &failed);
        WriteFile(out_dir / "graph.gexf", [&](ByteSink* sink) { WriteGexf(graph, network, options, sink); },
                  &failed);
        return failed;
      },
  };

  std::vector<std::vector<std::string>> failures(tasks.size());
  std::atomic<size_t> next{0};
  const auto work = [&] {
    for (size_t i = next++; i < tasks.size(); i = next++) failures[i] = tasks[i]();
  };
  std::vector<std::thread> workers;
  const size_t threads = std::min<size_t>(static_cast<size_t>(std::max(jobs, 1)), tasks.size());
  for (size_t t = 1; t < threads; ++t) workers.emplace_back(work);
  work();
  for (std::thread& worker : workers) worker.join();

  bool ok = true;
  for (std::vector<std::string>& failed : failures) {
    ok = ok && failed.empty();
    errors->insert(errors->end(), failed.begin(), failed.end());
  }
  return ok;
}

}  // namespace kgbuild
