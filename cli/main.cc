// kgbuild: builds a knowledge graph from a folder of Markdown posts that
// summarise research papers, and writes it as N-Triples, JSON-LD, GraphML
// and SQLite. This file holds only the command: options, the order of the
// steps, messages and the exit status. The work is in the libraries.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/post_walker.h"
#include "export/exporter.h"
#include "export/output.h"
#include "extract/extractor.h"
#include "extract/post_reader.h"
#include "graph/knowledge_graph.h"
#include "vocab/diagnostic.h"
#include "vocab/vocabulary.h"

namespace kgbuild {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitSkipped = 1;  // the graph was written, but some input was skipped
constexpr int kExitFailed = 2;   // bad options, vocabulary or output: nothing written

constexpr const char* kUsage = R"(usage: kgbuild [OPTIONS] POSTS_DIR
       kgbuild candidates [--top N] [--vocab DIR] POSTS_DIR

Reads every *.md and *.markdown file under POSTS_DIR and writes the knowledge
graph to the output folder: graph.nt, graph.jsonld, graph.graphml, kg.sqlite,
candidates.tsv and report.txt.

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
  -q, --quiet             print only problems, no summary
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
  bool candidates = false;  // the `candidates` subcommand
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
    } else if (argument == "-q" || argument == "--quiet") {
      options.quiet = true;
    } else if (!argument.empty() && argument[0] == '-') {
      return fail("unknown option '" + argument + "'");
    } else if (have_input) {
      return fail("more than one input folder: '" + options.input.string() + "' and '" + argument + "'");
    } else {
      options.input = argument;
      have_input = true;
    }
  }
  if (!have_input) return fail("missing POSTS_DIR");
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
class DiagnosticLog {
 public:
  DiagnosticSink Sink() {
    return [this](const Diagnostic& diagnostic) {
      const std::string line = FormatDiagnostic(diagnostic);
      std::cerr << line << "\n";
      lines_.push_back(line);
      if (diagnostic.severity == Severity::kError) ++errors_;
    };
  }
  const std::vector<std::string>& lines() const { return lines_; }
  int errors() const { return errors_; }

 private:
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

struct ReadCounts {
  size_t posts_found = 0;
  size_t posts_read = 0;
  size_t papers = 0;
};

// Reads, extracts and adds every post under the input folder to `graph`.
ReadCounts ReadAllPosts(const Options& options, const Extractor& extractor, const DiagnosticSink& sink,
                        KnowledgeGraph* graph) {
  ReadCounts counts;
  const std::vector<PostFile> posts = FindPosts(options.input, sink);
  counts.posts_found = posts.size();
  for (const PostFile& file : posts) {
    std::string bytes;
    std::string reason;
    if (!ReadWholeFile(file.path, options.max_file_bytes, &bytes, &reason)) {
      sink({Severity::kError, file.path.string(), 0, 0, reason});
      continue;
    }
    // Diagnostics name the file as the user can open it; the graph keeps
    // the path relative to the input folder.
    const DiagnosticSink post_sink = [&](const Diagnostic& diagnostic) {
      Diagnostic located = diagnostic;
      located.file = file.path.string();
      sink(located);
    };
    const std::optional<Post> post = ReadPost(bytes, file.relative, post_sink, options.limits);
    if (!post) continue;
    graph->AddPost(*post, extractor.Extract(*post));
    counts.papers += post->papers.size();
    ++counts.posts_read;
  }
  graph->Finish();
  return counts;
}

std::string CandidateLine(const KnowledgeGraph::Candidate& candidate) {
  return std::to_string(candidate.mentions) + "\t" + std::to_string(candidate.papers) + "\t" +
         std::string(EntityTypeName(candidate.type)) + "\t" + candidate.name + "\t" +
         candidate.example.file + ":" + std::to_string(candidate.example.line) + "\n";
}

bool WriteCandidates(const std::filesystem::path& folder, const KnowledgeGraph& graph, std::string* error) {
  FileSink sink(folder / "candidates.tsv");
  sink.Write("mentions\tpapers\ttype\tname\tfirst seen\n");
  for (const KnowledgeGraph::Candidate& candidate : graph.Candidates()) sink.Write(CandidateLine(candidate));
  return sink.Commit(error);
}

int RunCandidates(const Options& options) {
  DiagnosticLog log;
  Vocabulary vocabulary;
  if (!LoadVocabulary(options, log.Sink(), &vocabulary)) return kExitFailed;
  const Extractor extractor(vocabulary);
  KnowledgeGraph graph(vocabulary);
  ReadAllPosts(options, extractor, log.Sink(), &graph);

  std::cout << "mentions\tpapers\ttype\tname\tfirst seen\n";
  size_t printed = 0;
  for (const KnowledgeGraph::Candidate& candidate : graph.Candidates()) {
    if (printed++ == options.top) break;
    std::cout << CandidateLine(candidate);
  }
  return log.errors() > 0 ? kExitSkipped : kExitOk;
}

int RunBuild(const Options& options) {
  DiagnosticLog log;
  Vocabulary vocabulary;
  if (!LoadVocabulary(options, log.Sink(), &vocabulary)) return kExitFailed;

  std::error_code error;
  std::filesystem::create_directories(options.output, error);
  if (error || !std::filesystem::is_directory(options.output, error)) {
    std::cerr << "error: " << options.output.string() << ": cannot create output folder: "
              << (error ? error.message() : "a file of that name exists") << "\n";
    return kExitFailed;
  }
  if (!std::filesystem::exists(options.input, error)) {
    std::cerr << "error: " << options.input.string() << ": input folder not found\n";
    return kExitFailed;
  }

  const Extractor extractor(vocabulary);
  KnowledgeGraph graph(vocabulary);
  const ReadCounts counts = ReadAllPosts(options, extractor, log.Sink(), &graph);

  std::vector<std::string> write_errors;
  std::string candidates_error;
  if (!WriteAll(graph.graph(), options.output, options.iri, &write_errors) ||
      !WriteCandidates(options.output, graph, &candidates_error)) {
    for (const std::string& message : write_errors) std::cerr << "error: " << message << "\n";
    if (!candidates_error.empty()) std::cerr << "error: " << candidates_error << "\n";
    return kExitFailed;
  }

  std::ostringstream summary;
  summary << "kgbuild: " << counts.posts_read << " of " << counts.posts_found << " posts read, "
          << counts.papers << " papers, " << boost::num_vertices(graph.graph()) << " nodes, "
          << boost::num_edges(graph.graph()) << " edges, " << log.errors() << " errors; wrote "
          << options.output.string() << "\n";
  WriteReport(options.output, summary.str(), log.lines());
  if (!options.quiet) std::cerr << summary.str();
  return log.errors() > 0 ? kExitSkipped : kExitOk;
}

}  // namespace
}  // namespace kgbuild

int main(int argc, char** argv) {
  int exit_code = kgbuild::kExitOk;
  const std::optional<kgbuild::Options> options = kgbuild::ParseOptions(argc, argv, &exit_code);
  if (!options) return exit_code;
  return options->candidates ? kgbuild::RunCandidates(*options) : kgbuild::RunBuild(*options);
}
