#include "export/exporter.h"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
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

// Runs queued tasks on a fixed number of threads until none is queued or
// running. A running task may queue more.
class TaskQueue {
 public:
  explicit TaskQueue(int threads) : threads_(threads) {}

  void Push(std::function<void()> task) {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_.push_back(std::move(task));
    ready_.notify_one();
  }

  // Runs the tasks on the calling thread and threads - 1 more.
  void Run() {
    std::vector<std::thread> workers;
    for (int t = 1; t < threads_; ++t) workers.emplace_back([this] { Work(); });
    Work();
    for (std::thread& worker : workers) worker.join();
  }

 private:
  void Work() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      ready_.wait(lock, [this] { return !tasks_.empty() || running_ == 0; });
      if (tasks_.empty()) return;  // nothing queued and nothing running to queue more
      std::function<void()> task = std::move(tasks_.front());
      tasks_.pop_front();
      ++running_;
      lock.unlock();
      task();
      lock.lock();
      --running_;
      ready_.notify_all();
    }
  }

  const int threads_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
  int running_ = 0;
};

// Measures one step's wall time and the CPU time of the thread it runs on.
class StepClock {
 public:
  StepClock() : wall_(std::chrono::steady_clock::now()), cpu_(ThreadCpuSeconds()) {}

  ExportTiming Timing(const char* step) const {
    const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - wall_;
    return {step, wall.count(), ThreadCpuSeconds() - cpu_};
  }

 private:
  static double ThreadCpuSeconds() {
    timespec now{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
  }

  std::chrono::steady_clock::time_point wall_;
  double cpu_;
};

}  // namespace

bool WriteAll(const Graph& graph, const std::filesystem::path& out_dir,
              const IriOptions& options, std::vector<std::string>* errors) {
  return WriteAll(graph, out_dir, options, 1, errors, nullptr);
}

bool WriteAll(const Graph& graph, const std::filesystem::path& out_dir, const IriOptions& options,
              int jobs, std::vector<std::string>* errors, std::vector<ExportTiming>* timings,
              const SqliteAppender& append_to_sqlite) {
  std::error_code code;
  std::filesystem::create_directories(out_dir, code);
  if (code) {
    errors->push_back("failed to create output folder " + out_dir.string() +
                      ": " + code.message());
    return false;
  }

  // One slot per step, in this order, so that the messages and timings
  // come out the same for any `jobs`.
  enum Step {
    kTriples, kNTriples, kJsonLd, kTurtle, kSqlite, kSqliteAppend, kNQuads, kGraphMl,
    kCoMention, kCoMentionGraphMl, kGexf, kStepCount
  };
  static constexpr const char* kStepNames[kStepCount] = {
      "rdf triples", "graph.nt",      "graph.jsonld",       "graph.ttl",
      "kg.sqlite",   "kg.sqlite store tables",              "graph.nq",
      "graph.graphml",                "co-mention network", "graph.comention.graphml",
      "graph.gexf"};
  std::vector<std::vector<std::string>> failures(kStepCount);
  std::vector<ExportTiming> step_timings(kStepCount);

  // Steps only read the graph and their own inputs, so they may run on
  // several threads. The longest are queued first. The triple table and the
  // co-mention network are each built by a step that then queues their
  // writers, and the last writer to finish frees the shared input.
  TaskQueue queue(std::max(jobs, 1));
  const auto step = [&](Step id, std::function<void(std::vector<std::string>*)> work) {
    queue.Push([&, id, work = std::move(work)] {
      const StepClock clock;
      work(&failures[id]);
      step_timings[id] = clock.Timing(kStepNames[id]);
    });
  };
  const auto write_file = [&](Step id, std::function<void(ByteSink*)> write) {
    step(id, [&, id, write = std::move(write)](std::vector<std::string>* failed) {
      WriteFile(out_dir / kStepNames[id], write, failed);
    });
  };

  write_file(kNQuads, [&](ByteSink* sink) { WriteGraphNQuads(graph, options, sink); });
  step(kTriples, [&](std::vector<std::string>*) {
    auto triples = std::make_shared<const TripleTable>(BuildTripleTable(graph, options));
    write_file(kNTriples, [triples](ByteSink* sink) { WriteNTriples(*triples, sink); });
    write_file(kJsonLd, [&, triples](ByteSink* sink) { WriteJsonLd(*triples, options, sink); });
    write_file(kTurtle, [&, triples](ByteSink* sink) { WriteTurtle(*triples, options, sink); });
  });
  step(kCoMention, [&](std::vector<std::string>*) {
    auto network = std::make_shared<const CoMentionNetwork>(BuildCoMentionNetwork(graph));
    write_file(kCoMentionGraphMl, [&, network](ByteSink* sink) {
      WriteCoMentionGraphMl(graph, *network, options, sink);
    });
    write_file(kGexf, [&, network](ByteSink* sink) { WriteGexf(graph, *network, options, sink); });
  });
  write_file(kGraphMl, [&](ByteSink* sink) { WriteGraphMl(graph, options, sink); });
  step(kSqlite, [&](std::vector<std::string>* failed) {
    std::string error;
    if (!WriteSqliteStore(graph, out_dir / kStepNames[kSqlite], options, &error)) {
      failed->push_back(error);
      return;
    }
    if (!append_to_sqlite) return;
    step(kSqliteAppend, [&](std::vector<std::string>* append_failed) {
      std::string append_error;
      if (!append_to_sqlite(out_dir / kStepNames[kSqlite], &append_error)) {
        append_failed->push_back(append_error);
      }
    });
  });
  queue.Run();

  bool ok = true;
  for (std::vector<std::string>& failed : failures) {
    ok = ok && failed.empty();
    errors->insert(errors->end(), failed.begin(), failed.end());
  }
  if (timings != nullptr) {
    for (ExportTiming& timing : step_timings) {
      if (!timing.step.empty()) timings->push_back(std::move(timing));  // steps that did not run have no name
    }
  }
  return ok;
}

}  // namespace kgbuild
