// kgbuild: builds a knowledge graph from a folder of Markdown posts that
// summarise research papers, and writes it as N-Triples, JSON-LD, GraphML
// and SQLite. This file holds only the command: options, the order of the
// steps, messages and the exit status. The work is in the libraries.
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>
#include <thread>
#include <functional>
#include <future>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "cli/output_folder.h"
#include "cli/post_walker.h"
#include "export/exporter.h"
#include "export/output.h"
#include "extract/extractor.h"
#include "extract/parallel.h"
#include "extract/post_reader.h"
#include "graph/knowledge_graph.h"
#include "graph/post_store.h"
#include "vocab/diagnostic.h"
#include "vocab/vocabulary.h"

namespace kgbuild {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitSkipped = 1;  // the graph was written, but some input was skipped
constexpr int kExitFailed = 2;   // bad options, vocabulary or output: nothing written

constexpr const char* kUsage = R"(usage: kgbuild [OPTIONS] POSTS_DIR
       kgbuild candidates [--top N] [--vocab DIR] POSTS_DIR
       kgbuild merge [-o DIR] [OPTIONS] STORE...

Reads every *.md and *.markdown file under POSTS_DIR and writes the knowledge
graph to the output folder: graph.nt, graph.jsonld, graph.graphml, kg.sqlite,
candidates.tsv and report.txt. kg.sqlite also stores what each post
contributed, so the next run re-reads only new and changed posts.

'kgbuild merge' combines the stores (kg.sqlite files, or folders holding
one) that runs with --shard wrote, and writes every output as one run over
all their posts would. Run the shards and the merge with the same kgbuild,
--vocab and --max-line-bytes.

'kgbuild candidates' writes nothing: it prints the names that discovery
found and the vocabulary lacks, most mentioned first, as TAB-separated
mentions, papers, type, name and the first file:line, for curators.

options:
  -o, --output DIR        output folder (default: kg)
      --vocab DIR         add the vocabulary files in DIR over the built-in
                          ones; an entry with a built-in name replaces it
      --base-iri IRI      base of the IRIs kgbuild mints
                          (default: https://w3id.org/kgbuild/)
      --max-file-bytes N  skip posts larger than N bytes (default: 67108864)
      --max-line-bytes N  read at most N bytes of each line (default: 1048576)
      --full              read every post again instead of reusing the store
      --shard K/N         read only the posts of shard K of N (1 <= K <= N),
                          chosen by a hash of each post's relative path
  -j, --jobs N            read and extract posts on N threads (default: the
                          number of CPUs); the outputs are the same for any N
  -q, --quiet             print only problems, no summary and no progress
      --log-format FORMAT text (default) or json: one JSON object per
                          problem, and one for the summary, on stderr
      --timings           print the wall and CPU time of each stage on stderr
      --top N             candidates: print at most N names (default: 50)
  -h, --help              print this help
      --version           print the version

exit status: 0 when every post was read, 1 when the graph was written but
some posts or folders were skipped, 2 when nothing was written.
)";

struct Options {
  std::filesystem::path input;
  std::filesystem::path output = "kg";
  std::optional<std::filesystem::path> vocabulary;
  IriOptions iri;
  size_t max_file_bytes = 64u << 20;
  ReadLimits limits;
  bool quiet = false;
  bool json_log = false;  // --log-format json
  bool timings = false;   // --timings
  int jobs = 0;           // 0: one per CPU
  bool full = false;  // ignore the stored contributions
  bool candidates = false;  // the `candidates` subcommand
  bool merge = false;       // the `merge` subcommand
  std::vector<std::filesystem::path> stores;  // merge: the stores to combine
  size_t shard = 0;         // --shard K/N: K from 1, or 0 for all posts
  size_t shard_count = 0;   // N
  size_t top = 50;
};

bool ParseSize(const std::string& text, size_t* value) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) return false;
  errno = 0;
  const unsigned long long parsed = std::strtoull(text.c_str(), nullptr, 10);
  if (errno != 0 || parsed == 0) return false;
  *value = static_cast<size_t>(parsed);
  return true;
}

// Returns nullopt after printing the problem, or an exit code for --help.
std::optional<Options> ParseOptions(int argc, char** argv, int* exit_code) {
  Options options;
  bool have_input = false;
  auto fail = [&](const std::string& message) -> std::optional<Options> {
    std::cerr << "error: " << message << "\n" << "run 'kgbuild --help' for usage\n";
    *exit_code = kExitFailed;
    return std::nullopt;
  };

  int first = 1;
  if (argc > 1 && std::string(argv[1]) == "candidates") {
    options.candidates = true;
    first = 2;
  } else if (argc > 1 && std::string(argv[1]) == "merge") {
    options.merge = true;
    first = 2;
  }
  for (int i = first; i < argc; ++i) {
    const std::string argument = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    std::string text;
    if (argument == "-h" || argument == "--help") {
      std::cout << kUsage;
      *exit_code = kExitOk;
      return std::nullopt;
    } else if (argument == "--version") {
      std::cout << "kgbuild 0.1.0\n";
      *exit_code = kExitOk;
      return std::nullopt;
    } else if (argument == "-o" || argument == "--output") {
      if (!value(&text)) return fail("missing folder after " + argument);
      options.output = text;
    } else if (argument == "--vocab") {
      if (!value(&text)) return fail("missing folder after --vocab");
      options.vocabulary = text;
    } else if (argument == "--base-iri") {
      if (!value(&text)) return fail("missing IRI after --base-iri");
      if (text.find("://") == std::string::npos || text.back() != '/') {
        return fail("invalid --base-iri '" + text + "': expected an absolute IRI ending in '/'");
      }
      options.iri.base = text;
    } else if (argument == "--max-file-bytes") {
      if (!value(&text) || !ParseSize(text, &options.max_file_bytes)) {
        return fail("--max-file-bytes needs a positive number of bytes");
      }
    } else if (argument == "--max-line-bytes") {
      if (!value(&text) || !ParseSize(text, &options.limits.max_line_bytes)) {
        return fail("--max-line-bytes needs a positive number of bytes");
      }
    } else if (argument == "--top") {
      if (!value(&text) || !ParseSize(text, &options.top)) return fail("--top needs a positive number");
    } else if (argument == "--full") {
      options.full = true;
    } else if (argument == "-j" || argument == "--jobs") {
      size_t jobs = 0;
      if (!value(&text) || !ParseSize(text, &jobs) || jobs > 256) {
        return fail("--jobs needs a number of threads from 1 to 256");
      }
      options.jobs = static_cast<int>(jobs);
    } else if (argument == "--log-format") {
      if (!value(&text) || (text != "text" && text != "json")) {
        return fail("--log-format needs 'text' or 'json'");
      }
      options.json_log = text == "json";
    } else if (argument == "--shard") {
      const size_t slash = value(&text) ? text.find('/') : std::string::npos;
      if (slash == std::string::npos || !ParseSize(text.substr(0, slash), &options.shard) ||
          !ParseSize(text.substr(slash + 1), &options.shard_count) || options.shard > options.shard_count) {
        return fail("--shard needs K/N with 1 <= K <= N, such as 2/3");
      }
    } else if (argument == "-q" || argument == "--quiet") {
      options.quiet = true;
    } else if (argument == "--timings") {
      options.timings = true;
    } else if (!argument.empty() && argument[0] == '-') {
      return fail("unknown option '" + argument + "'");
    } else if (options.merge) {
      options.stores.push_back(argument);
      have_input = true;
    } else if (have_input) {
      return fail("more than one input folder: '" + options.input.string() + "' and '" + argument + "'");
    } else {
      options.input = argument;
      have_input = true;
    }
  }
  if (!have_input) return fail(options.merge ? "missing STORE" : "missing POSTS_DIR");
  return options;
}

// Reads a whole file; returns false with the reason in `*error`.
bool ReadWholeFile(const std::filesystem::path& path, size_t max_bytes, std::string* contents,
                   std::string* error) {
  std::error_code size_error;
  const auto size = std::filesystem::file_size(path, size_error);
  if (size_error) {
    *error = "cannot read file: " + size_error.message();
    return false;
  }
  if (size > max_bytes) {
    *error = "file is " + std::to_string(size) + " bytes, over the limit of " +
             std::to_string(max_bytes) + "; skipped (see --max-file-bytes)";
    return false;
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    *error = std::string("cannot read file: ") + std::strerror(errno);
    return false;
  }
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  if (stream.bad()) {
    *error = "cannot read file: read error";
    return false;
  }
  *contents = buffer.str();
  return true;
}

// Writes report.txt: the summary line and every problem, so a run's
// warnings survive the terminal.
void WriteReport(const std::filesystem::path& folder, const std::string& summary,
                 const std::vector<std::string>& problems) {
  FileSink sink(folder / "report.txt");
  sink.Write(summary);
  for (const std::string& problem : problems) {
    sink.Write(problem);
    sink.Write("\n");
  }
  std::string error;
  if (!sink.Commit(&error)) std::cerr << "error: " << error << "\n";
}

// Collects every diagnostic: prints it, keeps it for report.txt, and counts
// errors (each error means something was skipped).
// One JSON object per line for machines: {"event":"diagnostic",...}.
std::string JsonObject(const std::vector<std::pair<std::string, std::string>>& strings,
                       const std::vector<std::pair<std::string, long long>>& numbers) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  for (const auto& [key, value] : strings) {
    writer.Key(key.c_str());
    writer.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
  }
  for (const auto& [key, value] : numbers) {
    writer.Key(key.c_str());
    writer.Int64(value);
  }
  writer.EndObject();
  return buffer.GetString();
}

std::string DiagnosticJson(const Diagnostic& diagnostic) {
  return JsonObject({{"event", "diagnostic"},
                     {"severity", diagnostic.severity == Severity::kError ? "error" : "warning"},
                     {"file", diagnostic.file},
                     {"reason", diagnostic.reason}},
                    {{"line", diagnostic.line}, {"column", diagnostic.column}});
}

// The one updating line a long run shows on a terminal: posts done of
// total, MB/s and the time left. Nothing is printed unless stderr is a
// terminal and --quiet and --log-format json are off.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

  void SetTotal(size_t total_posts) { total_ = total_posts; }

  void Update(size_t done_posts, size_t done_bytes) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(200) && done_posts < total_) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double megabytes_per_second = seconds > 0 ? done_bytes / 1e6 / seconds : 0.0;
    const double left = done_posts > 0 ? seconds * (total_ - done_posts) / done_posts : 0.0;
    char line[160];
    std::snprintf(line, sizeof line, "\rkgbuild: %zu/%zu posts, %.1f MB/s, %.0f s left ", done_posts, total_,
                  megabytes_per_second, left);
    std::cerr << line << std::flush;
    shown_ = true;
  }

  // Erases the line, so the next message starts on a clean line.
  void Clear() {
    if (!shown_) return;
    std::cerr << "\r\x1b[K" << std::flush;
    shown_ = false;
  }

 private:
  bool enabled_;
  size_t total_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
  bool shown_ = false;
};

class DiagnosticLog {
 public:
  explicit DiagnosticLog(bool json = false) : json_(json) {}

  DiagnosticSink Sink() {
    return [this](const Diagnostic& diagnostic) {
      const std::string line = FormatDiagnostic(diagnostic);
      progress_clear_();
      std::cerr << (json_ ? DiagnosticJson(diagnostic) : line) << "\n";
      lines_.push_back(line);
      if (diagnostic.severity == Severity::kError) ++errors_;
    };
  }

  // Called before a line is printed, so a progress line never mixes with it.
  void SetProgressClear(std::function<void()> clear) { progress_clear_ = std::move(clear); }
  const std::vector<std::string>& lines() const { return lines_; }
  int errors() const { return errors_; }

 private:
  bool json_ = false;
  std::function<void()> progress_clear_ = [] {};
  std::vector<std::string> lines_;
  int errors_ = 0;
};

bool LoadVocabulary(const Options& options, const DiagnosticSink& sink, Vocabulary* vocabulary) {
  bool ok = vocabulary->LoadBuiltin(sink);
  if (options.vocabulary) ok = vocabulary->LoadDirectory(*options.vocabulary, sink) && ok;
  ok = ok && vocabulary->Finish(sink);
  if (!ok) std::cerr << "error: the vocabulary has errors; nothing was written\n";
  return ok;
}

// Test hook: when the environment variable KGBUILD_TEST_PAUSE_AT names
// `point` (after-ingest, mid-export or mid-publish), prints a line and
// waits until the process is killed, so a test can kill a run at a known
// step. Without the variable it does nothing.
void PauseForTestAt(const char* point) {
  const char* requested = std::getenv("KGBUILD_TEST_PAUSE_AT");
  if (requested == nullptr || std::strcmp(requested, point) != 0) return;
  std::cerr << "kgbuild: paused at " << point << std::endl;
  for (;;) ::pause();
}

void PauseMidPublish() { PauseForTestAt("mid-publish"); }

// The wall and CPU time of each stage of a run, for --timings. CPU time is
// the whole process's, so a stage that runs on several threads counts each.
class StageTimer {
 public:
  StageTimer() : wall_(std::chrono::steady_clock::now()), cpu_(ProcessCpuSeconds()) {}

  // Records the time since the last lap, or since construction, as `stage`.
  void Lap(const std::string& stage) {
    const auto wall = std::chrono::steady_clock::now();
    const double cpu = ProcessCpuSeconds();
    rows_.push_back({stage, std::chrono::duration<double>(wall - wall_).count(), cpu - cpu_});
    wall_ = wall;
    cpu_ = cpu;
  }

  // Records the export steps, which ran within the last lap and overlap
  // with each other on several threads; their CPU is their thread's.
  void AddExportSteps(const std::vector<ExportTiming>& steps) {
    for (const ExportTiming& step : steps) {
      rows_.push_back({"export " + step.step, step.wall_seconds, step.cpu_seconds});
    }
  }

  void Print(bool json) const {
    char line[160];
    for (const Row& row : rows_) {
      if (json) {
        // Milliseconds, because JsonObject writes integers.
        std::cerr << JsonObject({{"event", "timing"}, {"stage", row.stage}},
                                {{"wall_ms", std::llround(row.wall * 1000)},
                                 {"cpu_ms", std::llround(row.cpu * 1000)}})
                  << "\n";
      } else {
        std::snprintf(line, sizeof line, "timing: %-32s %8.3f s wall %8.3f s CPU\n", row.stage.c_str(),
                      row.wall, row.cpu);
        std::cerr << line;
      }
    }
  }

 private:
  struct Row {
    std::string stage;
    double wall = 0;
    double cpu = 0;
  };

  static double ProcessCpuSeconds() {
    timespec now{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
  }

  std::chrono::steady_clock::time_point wall_;
  double cpu_;
  std::vector<Row> rows_;
};

// Exits with `code` and skips destructors, which took about 8% of a 10,000-post
// build. Outputs are closed by then. Sanitizer builds return, so LeakSanitizer checks.
int FinishRun(int code) {
#if defined(__SANITIZE_ADDRESS__)
  return code;
#else
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(code);
#endif
}

struct ReadCounts {
  size_t posts_found = 0;
  size_t posts_read = 0;       // read and extracted in this run
  size_t posts_unchanged = 0;  // same bytes as stored: contribution reused
  size_t posts_kept = 0;       // unreadable now: previous contribution kept
  size_t posts_removed = 0;    // gone since the stored run
};

// Turns what ExtractPosts found in one post into its contribution, or
// nullopt when the post could not be read. Diagnostics go to `sink`, named
// by the file as the user can open it, and without the name into the
// contribution, which keeps the path relative to the input folder.
std::optional<PostContribution> MakeContribution(const PostFile& file, std::string sha256,
                                                 ExtractedPost extracted, const DiagnosticSink& sink) {
  PostContribution contribution;
  for (const Diagnostic& diagnostic : extracted.diagnostics) {
    Diagnostic located = diagnostic;
    located.file = file.path.string();
    sink(located);
    contribution.diagnostics.push_back(
        {diagnostic.severity, diagnostic.line, diagnostic.column, diagnostic.reason});
  }
  if (!extracted.post) return std::nullopt;

  contribution.sha256 = std::move(sha256);
  contribution.extractions = std::move(extracted.extractions);
  for (Paper& paper : extracted.post->papers) paper.blocks.clear();  // the graph needs no text
  contribution.post = std::move(*extracted.post);
  return contribution;
}

// The number of threads -j asks for, or one per CPU.
int JobCount(const Options& options) {
  return options.jobs > 0 ? options.jobs : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

// The shard (from 1) that the post at `relative` belongs to: FNV-1a of
// the path, so the split is the same on every machine and run.
size_t ShardOf(const std::string& relative, size_t shard_count) {
  uint64_t hash = 14695981039346656037ull;
  for (const char c : relative) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return static_cast<size_t>(hash % shard_count) + 1;
}

// True when `relative` lies in one of `folders` (relative paths; "" is the
// input root).
bool IsUnder(const std::string& relative, const std::vector<std::string>& folders) {
  for (const std::string& folder : folders) {
    if (folder.empty() || relative.starts_with(folder + "/")) return true;
  }
  return false;
}

// Receives each post's contribution, in the order of relative paths, and
// its store row when the contribution comes from the store.
using ContributionHandler = std::function<void(const std::string& relative, PostContribution contribution,
                                               std::optional<StoreRow> row)>;

// A contribution ready to pass on, and its store row if it was stored.
struct ReadyPost {
  PostContribution contribution;
  std::optional<StoreRow> row;
};

// Reads the posts under the input folder and passes each contribution to
// `handle`, in the order of relative paths, so nothing but the handler keeps
// it. A post whose bytes match its entry in `*stored` is not parsed again:
// its stored contribution is reused and its warnings reported again. A post
// that cannot be read keeps its stored contribution. So do the stored posts
// of a folder that cannot be listed, because one bad post or folder must
// not remove anything from the store. Rows of `*stored` may be moved out.
void ReadAllPosts(const Options& options, const Extractor& extractor, StoreRows* stored,
                  const DiagnosticSink& sink, ReadCounts* counts, ProgressLine* progress,
                  const ContributionHandler& handle) {
  std::vector<std::string> unread_folders;
  std::vector<PostFile> files = FindPosts(options.input, sink, &unread_folders);
  if (options.shard_count > 0) {
    std::erase_if(files, [&](const PostFile& file) {
      return ShardOf(file.relative, options.shard_count) != options.shard;
    });
  }
  counts->posts_found = files.size();
  progress->SetTotal(files.size());
  const int jobs = JobCount(options);

  // The stored posts of folders that cannot be listed are kept. FindPosts
  // sorts `files` by path, and these are merged in so the order holds.
  std::set<std::string> found;
  for (const PostFile& file : files) found.insert(file.relative);
  std::vector<std::string> kept_unlisted;
  for (const auto& [path, row] : *stored) {
    if (found.count(path) != 0) continue;
    if (IsUnder(path, unread_folders)) {
      kept_unlisted.push_back(path);
    } else {
      ++counts->posts_removed;
    }
  }
  // Moves the stored row of `path` out and parses it. LoadStoreRows parsed
  // every row already, so a failure is a fault: the post is left out, with an error.
  const auto take_stored = [&](const std::string& path) -> std::optional<ReadyPost> {
    ReadyPost ready{{}, std::move(stored->at(path))};
    std::string error;
    if (!ContributionFromRow(*ready.row, &ready.contribution, &error)) {
      sink({Severity::kError, path, 0, 0, "stored contribution: " + error});
      return std::nullopt;
    }
    return ready;
  };
  const auto pass_on = [&](const std::string& relative, ReadyPost ready) {
    handle(relative, std::move(ready.contribution), std::move(ready.row));
  };
  size_t next_unlisted = 0;
  // Passes on the kept posts of unlisted folders that sort before
  // `*relative`, or all that are left when `relative` is null.
  const auto pass_unlisted = [&](const std::string* relative) {
    for (; next_unlisted < kept_unlisted.size() &&
           (relative == nullptr || kept_unlisted[next_unlisted] < *relative);
         ++next_unlisted) {
      const std::string& path = kept_unlisted[next_unlisted];
      ++counts->posts_kept;
      if (std::optional<ReadyPost> ready = take_stored(path)) pass_on(path, std::move(*ready));
    }
  };
  const auto pass_in_order = [&](const std::string& relative, ReadyPost ready) {
    pass_unlisted(&relative);
    pass_on(relative, std::move(ready));
  };

  // Posts to extract are collected in batches and extracted on `jobs`
  // threads; the batch is then taken in file order, so the contributions
  // and the messages are the same for any number of jobs. A post that needs
  // no extraction waits in `pending` too, to be passed on in its turn, and
  // so do messages about a post, so they come out in file order.
  struct Pending {
    const PostFile* file = nullptr;
    bool extract = false;            // true: the next extracted post
    std::string sha256;              // of a post to extract
    std::optional<ReadyPost> ready;  // a post that needs no extraction
    std::vector<Diagnostic> messages;  // printed when the post's turn comes
  };
  // With more than one job, a batch is extracted on worker threads while
  // this thread passes on the batch before it, so adding posts to the graph
  // overlaps with extraction instead of leaving the workers idle.
  struct Batch {
    std::vector<Pending> pending;
    size_t posts = 0;
    size_t bytes = 0;
    std::future<std::vector<ExtractedPost>> extracted;  // unset with one job
  };
  std::vector<Pending> pending;
  std::optional<Batch> in_flight;
  const auto pass_ready = [&](Pending* entry) {
    for (const Diagnostic& message : entry->messages) sink(message);
    if (entry->ready) pass_in_order(entry->file->relative, std::move(*entry->ready));
  };
  // Passes on a post that needs no extraction, now unless an earlier post waits.
  const auto pass_or_wait = [&](Pending entry) {
    if (pending.empty() && !in_flight) {
      pass_ready(&entry);
    } else {
      pending.push_back(std::move(entry));
    }
  };
  std::vector<PostSource> batch;
  size_t batch_bytes = 0;
  size_t done_posts = 0;
  size_t done_bytes = 0;
  const auto pass_batch = [&](Batch* done, std::vector<ExtractedPost> extracted) {
    size_t next_extracted = 0;
    for (Pending& entry : done->pending) {
      if (!entry.extract) {
        pass_ready(&entry);
        continue;
      }
      const PostFile& file = *entry.file;
      std::optional<PostContribution> contribution =
          MakeContribution(file, std::move(entry.sha256), std::move(extracted[next_extracted++]), sink);
      if (contribution) {
        ++counts->posts_read;
        pass_in_order(file.relative, {std::move(*contribution), std::nullopt});
      } else if (stored->count(file.relative) != 0) {
        ++counts->posts_kept;
        if (std::optional<ReadyPost> ready = take_stored(file.relative)) {
          pass_in_order(file.relative, std::move(*ready));
        }
      }
    }
    done_posts += done->posts;
    done_bytes += done->bytes;
    progress->Update(done_posts, done_bytes);
  };
  const auto flush = [&] {
    Batch next{std::move(pending), batch.size(), batch_bytes, {}};
    pending.clear();
    batch_bytes = 0;
    auto extract = [&extractor, &options, jobs, sources = std::move(batch)] {
      return ExtractPosts(sources, extractor, options.limits, jobs);
    };
    batch.clear();
    if (jobs == 1) {
      pass_batch(&next, extract());
      return;
    }
    next.extracted = std::async(std::launch::async, std::move(extract));
    if (in_flight) pass_batch(&*in_flight, in_flight->extracted.get());
    in_flight = std::move(next);
  };

  for (const PostFile& file : files) {
    const auto previous = stored->find(file.relative);
    auto keep_previous = [&](std::string reason) {
      Pending entry;
      entry.file = &file;
      if (previous != stored->end()) {
        reason += "; the graph keeps what the last successful read of this post contributed";
        entry.ready = take_stored(file.relative);
        ++counts->posts_kept;
      }
      entry.messages.push_back({Severity::kError, file.path.string(), 0, 0, reason});
      pass_or_wait(std::move(entry));
    };

    std::string bytes;
    std::string reason;
    if (!ReadWholeFile(file.path, options.max_file_bytes, &bytes, &reason)) {
      keep_previous(reason);
      ++done_posts;
      continue;
    }
    if (bytes.empty()) {
      keep_previous("empty file; skipped");
      ++done_posts;
      continue;
    }
    std::string sha256 = Sha256Hex(bytes);
    if (previous != stored->end() && previous->second.sha256 == sha256) {
      Pending entry;
      entry.file = &file;
      entry.ready = take_stored(file.relative);
      if (entry.ready) {
        for (const StoredDiagnostic& diagnostic : entry.ready->contribution.diagnostics) {
          entry.messages.push_back({diagnostic.severity, file.path.string(), diagnostic.line,
                                    diagnostic.column, diagnostic.reason});
        }
      }
      pass_or_wait(std::move(entry));
      ++counts->posts_unchanged;
      ++done_posts;
      done_bytes += bytes.size();
      continue;
    }

    batch_bytes += bytes.size();
    pending.push_back({&file, true, std::move(sha256), std::nullopt, {}});
    batch.push_back({file.relative, std::move(bytes)});
    if (batch.size() >= 64u * static_cast<size_t>(jobs) || batch_bytes >= (64u << 20)) flush();
  }
  flush();
  if (in_flight) pass_batch(&*in_flight, in_flight->extracted.get());
  progress->Clear();
  pass_unlisted(nullptr);
}

std::string CandidateLine(const KnowledgeGraph::Candidate& candidate) {
  return std::to_string(candidate.mentions) + "\t" + std::to_string(candidate.papers) + "\t" +
         std::string(EntityTypeName(candidate.type)) + "\t" + candidate.name + "\t" +
         std::string(candidate.example.file) + ":" + std::to_string(candidate.example.line) + "\n";
}

bool WriteCandidates(const std::filesystem::path& folder, const KnowledgeGraph& graph, std::string* error) {
  FileSink sink(folder / "candidates.tsv");
  sink.Write("mentions\tpapers\ttype\tname\tfirst seen\n");
  for (const KnowledgeGraph::Candidate& candidate : graph.Candidates()) sink.Write(CandidateLine(candidate));
  return sink.Commit(error);
}

int RunCandidates(const Options& options) {
  DiagnosticLog log(options.json_log);
  Vocabulary vocabulary;
  if (!LoadVocabulary(options, log.Sink(), &vocabulary)) return kExitFailed;
  const Extractor extractor(vocabulary);
  KnowledgeGraph graph(vocabulary);
  ReadCounts counts;
  ProgressLine progress(false);
  StoreRows no_store;
  ReadAllPosts(options, extractor, &no_store, log.Sink(), &counts, &progress,
               [&graph](const std::string&, PostContribution contribution, std::optional<StoreRow>) {
                 graph.AddPost(contribution.post, contribution.extractions);
               });
  graph.Finish(JobCount(options));

  std::cout << "mentions\tpapers\ttype\tname\tfirst seen\n";
  size_t printed = 0;
  for (const KnowledgeGraph::Candidate& candidate : graph.Candidates()) {
    if (printed++ == options.top) break;
    std::cout << CandidateLine(candidate);
  }
  return FinishRun(log.errors() > 0 ? kExitSkipped : kExitOk);
}

// Adds the bytes of `path` to `hash_input`, or returns false.
bool AppendFileBytes(const std::filesystem::path& path, std::string* hash_input) {
  std::string bytes;
  std::string ignored;
  if (!ReadWholeFile(path, SIZE_MAX, &bytes, &ignored)) return false;
  *hash_input += path.string() + "\n" + std::to_string(bytes.size()) + "\n" + bytes;
  return true;
}

// The hash of everything besides a post's bytes that shapes what the post
// contributes: this kgbuild binary (its code and built-in vocabulary), the
// --vocab files and the line limit. A store of another fingerprint is
// stale. When the binary cannot be read, the fingerprint is unique to this
// run, so no stored contribution is trusted.
std::string StoreFingerprint(const Options& options) {
  std::string hash_input = "max-line-bytes " + std::to_string(options.limits.max_line_bytes) + "\n";
  if (!AppendFileBytes("/proc/self/exe", &hash_input)) {
    hash_input += "unreadable binary, process " + std::to_string(::getpid()) + " at " +
                  std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  }
  if (options.vocabulary) {
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (std::filesystem::recursive_directory_iterator it(*options.vocabulary, error), end;
         !error && it != end; it.increment(error)) {
      if (it->is_regular_file()) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const std::filesystem::path& file : files) AppendFileBytes(file, &hash_input);
  }
  return Sha256Hex(hash_input);
}

// Writes every output into a staging folder and moves them into the output
// folder. Returns false after printing the problems.
bool WriteOutputs(const Options& options, const KnowledgeGraph& graph, const StoreRows& rows,
                  const std::string& fingerprint, const std::string& summary,
                  const std::vector<std::string>& problems, StageTimer* timer) {
  std::string error;
  const std::filesystem::path staging = CreateStaging(options.output, &error);
  if (staging.empty()) {
    std::cerr << "error: " << error << "\n";
    return false;
  }

  std::vector<std::string> errors;
  std::vector<ExportTiming> steps;
  // The store goes into kg.sqlite on an export thread, beside the other files.
  const auto append_store = [&](const std::filesystem::path& database, std::string* append_error) {
    return AppendStoreRows(database, fingerprint, rows, append_error);
  };
  bool ok = WriteAll(graph.graph(), staging, options.iri, JobCount(options), &errors, &steps,
                     append_store);
  timer->Lap("exports");
  timer->AddExportSteps(steps);
  PauseForTestAt("mid-export");
  if (ok && !WriteCandidates(staging, graph, &error)) {
    errors.push_back(error);
    ok = false;
  }
  if (ok) WriteReport(staging, summary, problems);
  timer->Lap("candidates.tsv, report.txt");
  if (ok && !PublishStaging(staging, options.output, PauseMidPublish, &error)) {
    errors.push_back(error);
    ok = false;
  }
  timer->Lap("publish");

  std::error_code ignored;
  std::filesystem::remove_all(staging, ignored);
  for (const std::string& message : errors) std::cerr << "error: " << message << "\n";
  return ok;
}

// Loads the stored contributions into `*stored` unless --full. Returns
// false after printing why the store cannot be used.
bool LoadStore(const Options& options, const std::string& fingerprint, StoreRows* stored) {
  const std::filesystem::path path = options.output / "kg.sqlite";
  std::string error;
  const StoreState state = LoadStoreRows(path, fingerprint, stored, &error);
  switch (state) {
    case StoreState::kMissing:
    case StoreState::kStale:
    case StoreState::kLoaded:
      break;
    case StoreState::kRejected:
      std::cerr << "error: " << path.string() << ": " << error
                << "; nothing was written. Remove the file, or choose another folder with -o\n";
      return false;
    case StoreState::kDamaged:
      if (options.full) break;
      std::cerr << "error: " << path.string() << ": damaged store: " << error
                << "; nothing was written. Run with --full to rebuild it\n";
      return false;
  }
  if (options.full) stored->clear();
  return true;
}

// Creates the output folder, takes its lock for this run, and removes what
// an interrupted run left in staging. Prints the problem and returns false
// when any step fails.
bool PrepareOutputFolder(const std::filesystem::path& output, OutputLock* lock) {
  std::error_code error;
  std::filesystem::create_directories(output, error);
  if (error || !std::filesystem::is_directory(output, error)) {
    std::cerr << "error: " << output.string() << ": cannot create output folder: "
              << (error ? error.message() : "a file of that name exists") << "\n";
    return false;
  }
  std::string lock_error;
  if (!lock->Acquire(output, &lock_error)) {
    std::cerr << "error: " << lock_error << "\n";
    return false;
  }
  RemoveStaleStaging(output);
  return true;
}

int RunMerge(const Options& options) {
  StageTimer timer;
  DiagnosticLog log(options.json_log);
  Vocabulary vocabulary;
  if (!LoadVocabulary(options, log.Sink(), &vocabulary)) return kExitFailed;

  OutputLock lock;
  if (!PrepareOutputFolder(options.output, &lock)) return kExitFailed;
  std::error_code error;

  // Shards hold disjoint posts; a post in two stores must have the same
  // bytes in both, or the shards came from different inputs.
  const std::string fingerprint = StoreFingerprint(options);
  StoreRows rows;
  for (const std::filesystem::path& store : options.stores) {
    const std::filesystem::path path =
        std::filesystem::is_directory(store, error) ? store / "kg.sqlite" : store;
    StoreRows shard;
    std::string load_error;
    const StoreState state = LoadStoreRows(path, fingerprint, &shard, &load_error);
    if (state != StoreState::kLoaded) {
      std::cerr << "error: " << path.string() << ": "
                << (state == StoreState::kMissing ? "no kgbuild store in this file"
                    : state == StoreState::kStale
                        ? "written by another kgbuild build, vocabulary or --max-line-bytes; run the "
                          "shard again with the same ones"
                        : load_error)
                << "; nothing was written\n";
      return kExitFailed;
    }
    for (auto& [relative, row] : shard) {
      const auto [slot, inserted] = rows.try_emplace(relative, std::move(row));
      if (!inserted && slot->second.sha256 != row.sha256) {
        std::cerr << "error: " << path.string() << ": post " << relative
                  << " differs from the same post in an earlier store; nothing was written\n";
        return kExitFailed;
      }
    }
  }

  timer.Lap("start-up: vocabulary, stores");

  // In path order, as a single run adds them.
  KnowledgeGraph graph(vocabulary);
  for (const auto& [relative, row] : rows) {
    PostContribution contribution;
    std::string parse_error;
    if (!ContributionFromRow(row, &contribution, &parse_error)) {
      std::cerr << "error: post " << relative << ": " << parse_error << "; nothing was written\n";
      return kExitFailed;
    }
    graph.AddPost(contribution.post, contribution.extractions);
  }
  timer.Lap("add to graph");
  graph.Finish(JobCount(options));
  timer.Lap("graph finish");
  std::ostringstream summary;
  summary << "kgbuild: merged " << options.stores.size() << " stores, " << rows.size()
          << " posts, " << boost::num_vertices(graph.graph()) << " nodes, "
          << boost::num_edges(graph.graph()) << " edges; wrote " << options.output.string() << "\n";
  if (!WriteOutputs(options, graph, rows, fingerprint, summary.str(), log.lines(), &timer)) {
    return kExitFailed;
  }
  if (options.timings) timer.Print(options.json_log);
  if (!options.quiet) std::cerr << summary.str();
  return FinishRun(kExitOk);
}

int RunBuild(const Options& options) {
  StageTimer timer;
  DiagnosticLog log(options.json_log);
  Vocabulary vocabulary;
  if (!LoadVocabulary(options, log.Sink(), &vocabulary)) return kExitFailed;

  std::error_code error;
  if (!std::filesystem::exists(options.input, error)) {
    std::cerr << "error: " << options.input.string() << ": input folder not found\n";
    return kExitFailed;
  }
  OutputLock lock;
  if (!PrepareOutputFolder(options.output, &lock)) return kExitFailed;

  const std::string fingerprint = StoreFingerprint(options);
  StoreRows stored;
  if (!LoadStore(options, fingerprint, &stored)) return kExitFailed;
  timer.Lap("start-up: vocabulary, store");

  const Extractor extractor(vocabulary);
  ReadCounts counts;
  ProgressLine progress(!options.quiet && !options.json_log && ::isatty(STDERR_FILENO) == 1);
  log.SetProgressClear([&progress] { progress.Clear(); });
  // Each post goes into the graph as it is read and is then kept only as
  // its store row, which is smaller than the parsed contribution.
  KnowledgeGraph graph(vocabulary);
  StoreRows rows;
  ReadAllPosts(options, extractor, &stored, log.Sink(), &counts, &progress,
               [&](const std::string& relative, PostContribution contribution, std::optional<StoreRow> row) {
                 graph.AddPost(contribution.post, contribution.extractions);
                 rows.emplace_hint(rows.end(), relative, row ? std::move(*row) : ToStoreRow(contribution));
               });
  StoreRows().swap(stored);
  log.SetProgressClear([] {});
  timer.Lap("read, extract, add to graph");
  graph.Finish(JobCount(options));
  timer.Lap("graph finish");
  size_t papers = 0;
  for (const Vertex vertex : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    papers += graph.graph()[vertex].kind == NodeKind::kPaper;
  }
  PauseForTestAt("after-ingest");

  std::ostringstream summary;
  summary << "kgbuild: " << rows.size() << " posts in the graph (" << counts.posts_read
          << " read, " << counts.posts_unchanged << " unchanged, " << counts.posts_kept
          << " kept from the store, " << counts.posts_removed << " removed) of "
          << counts.posts_found << " found, " << papers << " papers, "
          << boost::num_vertices(graph.graph()) << " nodes, " << boost::num_edges(graph.graph())
          << " edges, " << log.errors() << " errors; wrote " << options.output.string() << "\n";
  if (!WriteOutputs(options, graph, rows, fingerprint, summary.str(), log.lines(), &timer)) {
    return kExitFailed;
  }
  if (options.timings) timer.Print(options.json_log);
  if (options.json_log) {
    std::cerr << JsonObject({{"event", "summary"}, {"output", options.output.string()}},
                            {{"posts_in_graph", static_cast<long long>(rows.size())},
                             {"posts_read", static_cast<long long>(counts.posts_read)},
                             {"posts_unchanged", static_cast<long long>(counts.posts_unchanged)},
                             {"posts_kept", static_cast<long long>(counts.posts_kept)},
                             {"posts_removed", static_cast<long long>(counts.posts_removed)},
                             {"posts_found", static_cast<long long>(counts.posts_found)},
                             {"papers", static_cast<long long>(papers)},
                             {"nodes", static_cast<long long>(boost::num_vertices(graph.graph()))},
                             {"edges", static_cast<long long>(boost::num_edges(graph.graph()))},
                             {"errors", log.errors()}})
              << "\n";
  } else if (!options.quiet) {
    std::cerr << summary.str();
  }
  return FinishRun(log.errors() > 0 ? kExitSkipped : kExitOk);
}

}  // namespace
}  // namespace kgbuild

int main(int argc, char** argv) {
  int exit_code = kgbuild::kExitOk;
  const std::optional<kgbuild::Options> options = kgbuild::ParseOptions(argc, argv, &exit_code);
  if (!options) return exit_code;
  if (options->candidates) return kgbuild::RunCandidates(*options);
  if (options->merge) return kgbuild::RunMerge(*options);
  return kgbuild::RunBuild(*options);
}
