#include "export/sqlite_store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <optional>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "export/rdf.h"
#include "export/utf8.h"
#include "vocab/text.h"
#include "vocab/vocabulary.h"

namespace kgbuild {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE posts(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  date TEXT,
  tags TEXT NOT NULL);
CREATE TABLE papers(
  id INTEGER PRIMARY KEY,
  iri TEXT NOT NULL UNIQUE,
  arxiv_id TEXT,
  title TEXT NOT NULL,
  url TEXT);
CREATE TABLE post_papers(
  post_id INTEGER NOT NULL REFERENCES posts(id),
  paper_id INTEGER NOT NULL REFERENCES papers(id),
  PRIMARY KEY(post_id, paper_id));
CREATE TABLE entities(
  id INTEGER PRIMARY KEY,
  iri TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  parameters TEXT);
CREATE TABLE aliases(
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  alias TEXT NOT NULL,
  lang TEXT,
  PRIMARY KEY(entity_id, alias));
CREATE TABLE mentions(
  paper_id INTEGER NOT NULL REFERENCES papers(id),
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  role TEXT NOT NULL CHECK (role IN ('mentions', 'proposes')),
  file TEXT,
  section TEXT,
  line INTEGER);
CREATE TABLE results(
  id INTEGER PRIMARY KEY,
  iri TEXT NOT NULL UNIQUE,
  paper_id INTEGER REFERENCES papers(id),
  value REAL,
  value_text TEXT,
  unit TEXT,
  metric_id INTEGER REFERENCES entities(id),
  dataset_id INTEGER REFERENCES entities(id),
  model_id INTEGER REFERENCES entities(id),
  label TEXT NOT NULL,
  file TEXT,
  section TEXT,
  line INTEGER);
)sql";

// The indexes, created after the inserts because building an index once is
// cheaper than updating it on every row.
constexpr char kIndexes[] = R"sql(
CREATE INDEX mentions_by_entity ON mentions(entity_id);
CREATE INDEX mentions_by_paper ON mentions(paper_id);
CREATE INDEX results_by_paper ON results(paper_id);
CREATE INDEX results_by_metric ON results(metric_id);
)sql";

// The file is built under a temporary name and renamed over kg.sqlite only
// after a successful close, so it needs no rollback journal and no fsync
// between statements. A crash leaves at most a temporary file behind.
constexpr char kBulkLoadPragmas[] =
    "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;";

// The links of one result node, collected from its edges.
struct ResultLinks {
  std::optional<int64_t> paper_id;
  const Provenance* provenance = nullptr;
  std::optional<int64_t> metric_id;
  std::optional<int64_t> dataset_id;
  std::optional<int64_t> model_id;
};

// A prepared statement, finalized on destruction.
class Statement {
 public:
  Statement() = default;
  ~Statement() { sqlite3_finalize(statement_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  sqlite3_stmt** out() { return &statement_; }
  sqlite3_stmt* get() const { return statement_; }

 private:
  sqlite3_stmt* statement_ = nullptr;
};

// One database under construction. Every method returns false after the
// first failure, whose reason error() holds.
class StoreWriter {
 public:
  explicit StoreWriter(std::string display_path)
      : display_path_(std::move(display_path)) {}
  ~StoreWriter() { Close(); }

  bool Open(const std::filesystem::path& path) {
    const int code = sqlite3_open_v2(
        path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (code != SQLITE_OK) return Fail("open");
    return true;
  }

  bool Execute(const char* sql, std::string_view step) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
      return Fail(step);
    }
    return true;
  }

  bool Prepare(const char* sql, Statement* statement) {
    if (sqlite3_prepare_v2(db_, sql, -1, statement->out(), nullptr) != SQLITE_OK) {
      return Fail("prepare");
    }
    return true;
  }

  // Binds each value as text, or NULL for nullopt, and runs `statement`
  // once. Integer and REAL columns convert the text by their affinity.
  bool Run(const Statement& statement, std::string_view step,
           std::initializer_list<std::optional<std::string>> text_or_null) {
    sqlite3_stmt* s = statement.get();
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);

    // SQLITE_STATIC is safe because the values, and the repaired copies of
    // invalid UTF-8, outlive the step, and the bindings are cleared after it.
    std::vector<std::string> repaired;
    repaired.reserve(text_or_null.size());
    int index = 1;
    for (const std::optional<std::string>& value : text_or_null) {
      if (value) {
        const std::string* text = &*value;
        if (FindInvalidUtf8(*value) != std::string_view::npos) {
          repaired.push_back(ReplaceInvalidUtf8(*value));
          text = &repaired.back();
        }
        sqlite3_bind_text(s, index, text->data(), static_cast<int>(text->size()),
                          SQLITE_STATIC);
      }
      ++index;
    }
    const bool stepped = Step(s, step);
    sqlite3_clear_bindings(s);
    return stepped;
  }

  bool Step(sqlite3_stmt* statement, std::string_view step) {
    if (sqlite3_step(statement) != SQLITE_DONE) return Fail(step);
    return true;
  }

  // Closes the database. Returns false when SQLite could not close it.
  bool Close() {
    if (db_ == nullptr) return true;
    const int code = sqlite3_close(db_);
    if (code != SQLITE_OK) {
      Fail("close");
      sqlite3_close_v2(db_);
    }
    db_ = nullptr;
    return code == SQLITE_OK;
  }

  bool Fail(std::string_view step) {
    if (error_.empty()) {
      const char* reason = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
      error_ = "failed to write " + display_path_ + ": " + std::string(step) +
               ": " + reason;
    }
    return false;
  }

  bool FailWith(std::string_view reason) {
    if (error_.empty()) error_ = "failed to write " + display_path_ + ": " + std::string(reason);
    return false;
  }

  sqlite3* db() const { return db_; }
  const std::string& error() const { return error_; }

 private:
  std::string display_path_;
  sqlite3* db_ = nullptr;
  std::string error_;
};

std::optional<std::string> NullIfEmpty(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return std::string(text);
}

std::optional<std::string> IdText(std::optional<int64_t> id) {
  if (!id) return std::nullopt;
  return std::to_string(*id);
}

std::string TagsJson(const std::vector<std::string>& tags) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartArray();
  for (const std::string& tag : tags) {
    const std::string valid = ReplaceInvalidUtf8(tag);
    writer.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
  }
  writer.EndArray();
  return std::string(buffer.GetString(), buffer.GetSize());
}

// The value as SQL text that SQLite stores as REAL (the column's affinity),
// or NULL when `value` is not a valid xsd:decimal.
std::optional<std::string> DecimalValue(std::string_view value) {
  if (!IsXsdDecimal(value)) return std::nullopt;
  if (value.starts_with('+')) value.remove_prefix(1);
  double number = 0;
  const std::from_chars_result result =
      std::from_chars(value.data(), value.data() + value.size(), number);
  if (result.ec != std::errc()) return std::nullopt;
  char buffer[32];
  const std::to_chars_result printed =
      std::to_chars(buffer, buffer + sizeof(buffer), number);
  return std::string(buffer, printed.ptr);
}

bool Expect(const Graph& graph, Edge e, NodeKind source, NodeKind target,
            StoreWriter* writer) {
  if (graph[boost::source(e, graph)].kind == source &&
      graph[boost::target(e, graph)].kind == target) {
    return true;
  }
  return writer->FailWith("edge from " + graph[boost::source(e, graph)].key +
                          " to " + graph[boost::target(e, graph)].key +
                          " joins nodes of the wrong kinds for its kind");
}

bool WriteTables(const Graph& graph, const IriOptions& options,
                 StoreWriter* writer) {
  Statement meta, post, paper, post_paper, entity, alias, mention, result;
  const bool prepared =
      writer->Prepare("INSERT INTO meta(key, value) VALUES(?, ?)", &meta) &&
      writer->Prepare("INSERT INTO posts(id, path, title, date, tags) "
                      "VALUES(?, ?, ?, ?, ?)", &post) &&
      writer->Prepare("INSERT INTO papers(id, iri, arxiv_id, title, url) "
                      "VALUES(?, ?, ?, ?, ?)", &paper) &&
      writer->Prepare("INSERT OR IGNORE INTO post_papers(post_id, paper_id) "
                      "VALUES(?, ?)", &post_paper) &&
      writer->Prepare("INSERT INTO entities(id, iri, type, name, parameters) "
                      "VALUES(?, ?, ?, ?, ?)", &entity) &&
      writer->Prepare("INSERT OR IGNORE INTO aliases(entity_id, alias, lang) "
                      "VALUES(?, ?, ?)", &alias) &&
      writer->Prepare("INSERT INTO mentions(paper_id, entity_id, role, file, "
                      "section, line) VALUES(?, ?, ?, ?, ?, ?)", &mention) &&
      writer->Prepare("INSERT INTO results(id, iri, paper_id, value, value_text, "
                      "unit, metric_id, dataset_id, model_id, label, file, "
                      "section, line) VALUES(?, ?, ?, CAST(? AS REAL), ?, ?, ?, "
                      "?, ?, ?, ?, ?, ?)", &result);
  if (!prepared) return false;

  if (!writer->Run(meta, "insert into meta", {"schema_version", "1"}) ||
      !writer->Run(meta, "insert into meta", {"iri_base", options.base})) {
    return false;
  }

  // Nodes, with ids per table in node order.
  const size_t node_count = boost::num_vertices(graph);
  std::vector<int64_t> ids(node_count, 0);
  int64_t next_post = 1, next_paper = 1, next_entity = 1, next_result = 1;
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph))) {
    const NodeProperties& node = graph[v];
    switch (node.kind) {
      case NodeKind::kPost:
        ids[v] = next_post++;
        if (!writer->Run(post, "insert into posts",
                         {std::to_string(ids[v]), node.path, node.label,
                          NullIfEmpty(node.date), TagsJson(node.tags)})) {
          return false;
        }
        break;
      case NodeKind::kPaper:
        ids[v] = next_paper++;
        if (!writer->Run(paper, "insert into papers",
                         {std::to_string(ids[v]), NodeIri(node, options),
                          NullIfEmpty(node.arxiv_id), node.label,
                          NullIfEmpty(node.url)})) {
          return false;
        }
        break;
      case NodeKind::kEntity:
        ids[v] = next_entity++;
        if (!writer->Run(entity, "insert into entities",
                         {std::to_string(ids[v]), NodeIri(node, options),
                          std::string(EntityTypeName(node.entity_type)),
                          node.label, NullIfEmpty(node.parameters)})) {
          return false;
        }
        for (const std::string& name : node.aliases) {
          std::optional<std::string> lang;
          if (ContainsHangul(name)) lang = "ko";
          if (!writer->Run(alias, "insert into aliases",
                           {std::to_string(ids[v]), name, lang})) {
            return false;
          }
        }
        break;
      case NodeKind::kResult:
        ids[v] = next_result++;
        break;
    }
  }

  // Edges: links between posts, papers and entities, and what each result
  // is linked to.
  std::vector<ResultLinks> links(node_count);
  for (Edge e : boost::make_iterator_range(boost::edges(graph))) {
    const EdgeProperties& edge = graph[e];
    const Vertex from = boost::source(e, graph);
    const Vertex to = boost::target(e, graph);
    switch (edge.kind) {
      case EdgeKind::kHasPart:
        if (!Expect(graph, e, NodeKind::kPost, NodeKind::kPaper, writer) ||
            !writer->Run(post_paper, "insert into post_papers",
                         {std::to_string(ids[from]), std::to_string(ids[to])})) {
          return false;
        }
        break;
      case EdgeKind::kMentions:
      case EdgeKind::kProposes: {
        if (!Expect(graph, e, NodeKind::kPaper, NodeKind::kEntity, writer)) {
          return false;
        }
        const std::string role =
            edge.kind == EdgeKind::kMentions ? "mentions" : "proposes";
        if (edge.provenance.empty() &&
            !writer->Run(mention, "insert into mentions",
                         {std::to_string(ids[from]), std::to_string(ids[to]),
                          role, std::nullopt, std::nullopt, std::nullopt})) {
          return false;
        }
        for (const Provenance& where : edge.provenance) {
          if (!writer->Run(mention, "insert into mentions",
                           {std::to_string(ids[from]), std::to_string(ids[to]),
                            role, std::string(where.file), std::string(where.section),
                            std::to_string(where.line)})) {
            return false;
          }
        }
        break;
      }
      case EdgeKind::kReports:
        if (!Expect(graph, e, NodeKind::kPaper, NodeKind::kResult, writer)) {
          return false;
        }
        if (!links[to].paper_id) {
          links[to].paper_id = ids[from];
          if (!edge.provenance.empty()) links[to].provenance = &edge.provenance.front();
        }
        break;
      case EdgeKind::kMetric:
      case EdgeKind::kDataset:
      case EdgeKind::kModel: {
        if (!Expect(graph, e, NodeKind::kResult, NodeKind::kEntity, writer)) {
          return false;
        }
        std::optional<int64_t>& slot =
            edge.kind == EdgeKind::kMetric    ? links[from].metric_id
            : edge.kind == EdgeKind::kDataset ? links[from].dataset_id
                                              : links[from].model_id;
        if (!slot) slot = ids[to];
        break;
      }
      case EdgeKind::kVariantOf:
        break;  // not part of this schema; graph.nt carries kg:variantOf
    }
  }

  // Results, now that their links are known.
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph))) {
    const NodeProperties& node = graph[v];
    if (node.kind != NodeKind::kResult) continue;
    const ResultLinks& link = links[v];
    const Provenance* where = link.provenance;
    if (!writer->Run(
            result, "insert into results",
            {std::to_string(ids[v]), NodeIri(node, options), IdText(link.paper_id),
             DecimalValue(node.value), NullIfEmpty(node.value),
             NullIfEmpty(node.unit), IdText(link.metric_id),
             IdText(link.dataset_id), IdText(link.model_id), node.label,
             where ? std::optional<std::string>(where->file) : std::nullopt,
             where ? std::optional<std::string>(where->section) : std::nullopt,
             where ? std::optional<std::string>(std::to_string(where->line))
                   : std::nullopt})) {
      return false;
    }
  }
  return true;
}

void RemoveDatabaseFiles(const std::filesystem::path& path) {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  std::filesystem::path journal = path;
  journal += "-journal";
  std::filesystem::remove(journal, ignored);
}

}  // namespace

bool WriteSqliteStore(const Graph& graph, const std::filesystem::path& path,
                      const IriOptions& options, std::string* error) {
  std::filesystem::path temporary = path;
  temporary += ".tmp-" + std::to_string(::getpid());
  RemoveDatabaseFiles(temporary);

  bool ok = false;
  {
    StoreWriter writer(path.string());
    ok = writer.Open(temporary) && writer.Execute(kBulkLoadPragmas, "set pragmas") &&
         writer.Execute(kSchema, "create tables") && writer.Execute("BEGIN", "begin") &&
         WriteTables(graph, options, &writer) &&
         writer.Execute(kIndexes, "create indexes") && writer.Execute("COMMIT", "commit");
    // Statements are finalized when WriteTables returns, so close can succeed.
    ok = writer.Close() && ok;
    if (!ok) *error = writer.error();
  }

  if (ok && ::rename(temporary.c_str(), path.c_str()) != 0) {
    std::error_code code(errno, std::generic_category());
    *error = "failed to write " + path.string() + ": rename " +
             temporary.string() + ": " + code.message();
    ok = false;
  }
  if (!ok) RemoveDatabaseFiles(temporary);
  return ok;
}

}  // namespace kgbuild
