#include "graph/post_store.h"

#include <openssl/evp.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <sqlite3.h>
#include <zlib.h>

#include <memory>
#include <new>
#include <optional>

namespace kgbuild {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void WriteString(JsonWriter* writer, const std::string& text) {
  writer->String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void WriteStrings(JsonWriter* writer, const std::vector<std::string>& texts) {
  writer->StartArray();
  for (const std::string& text : texts) WriteString(writer, text);
  writer->EndArray();
}

void WriteMention(JsonWriter* writer, const Mention& mention) {
  writer->StartObject();
  writer->Key("name");
  WriteString(writer, mention.name);
  writer->Key("surface");
  WriteString(writer, mention.surface);
  writer->Key("entry");
  if (mention.entry) {
    writer->Uint(*mention.entry);
  } else {
    writer->Null();
  }
  writer->Key("type");
  writer->Uint(static_cast<unsigned>(mention.type));
  writer->Key("evidence");
  writer->Uint(static_cast<unsigned>(mention.evidence));
  writer->Key("proposed");
  writer->Bool(mention.proposed);
  writer->Key("section");
  writer->Uint(static_cast<unsigned>(mention.section));
  writer->Key("line");
  writer->Uint(mention.line);
  writer->Key("parameters");
  WriteString(writer, mention.parameters);
  writer->Key("aliases");
  WriteStrings(writer, mention.aliases);
  writer->EndObject();
}

void WriteResult(JsonWriter* writer, const Result& result) {
  writer->StartObject();
  writer->Key("value");
  WriteString(writer, result.value);
  writer->Key("unit");
  WriteString(writer, result.unit);
  writer->Key("metric");
  WriteString(writer, result.metric);
  writer->Key("dataset");
  WriteString(writer, result.dataset);
  writer->Key("model");
  WriteString(writer, result.model);
  writer->Key("section");
  writer->Uint(static_cast<unsigned>(result.section));
  writer->Key("line");
  writer->Uint(result.line);
  writer->EndObject();
}

// Reads JSON values, remembering the first problem. Every getter returns a
// default value after a problem, so callers check ok() once at the end.
class JsonReader {
 public:
  const rapidjson::Value* Member(const rapidjson::Value& object, const char* name) {
    if (!object.IsObject()) return Fail(name);
    const auto it = object.FindMember(name);
    if (it == object.MemberEnd()) return Fail(name);
    return &it->value;
  }

  std::string String(const rapidjson::Value& object, const char* name) {
    const rapidjson::Value* value = Member(object, name);
    if (value == nullptr || !value->IsString()) return Fail(name), std::string();
    return std::string(value->GetString(), value->GetStringLength());
  }

  uint32_t Uint(const rapidjson::Value& object, const char* name, uint32_t max) {
    const rapidjson::Value* value = Member(object, name);
    if (value == nullptr || !value->IsUint() || value->GetUint() > max) return Fail(name), 0;
    return value->GetUint();
  }

  int Int(const rapidjson::Value& object, const char* name) {
    const rapidjson::Value* value = Member(object, name);
    if (value == nullptr || !value->IsInt()) return Fail(name), 0;
    return value->GetInt();
  }

  bool Bool(const rapidjson::Value& object, const char* name) {
    const rapidjson::Value* value = Member(object, name);
    if (value == nullptr || !value->IsBool()) return Fail(name), false;
    return value->GetBool();
  }

  std::vector<std::string> Strings(const rapidjson::Value& object, const char* name) {
    std::vector<std::string> texts;
    for (const rapidjson::Value& item : Array(object, name)) {
      if (!item.IsString()) return Fail(name), std::vector<std::string>();
      texts.emplace_back(item.GetString(), item.GetStringLength());
    }
    return texts;
  }

  rapidjson::Value::ConstArray Array(const rapidjson::Value& object, const char* name) {
    static const rapidjson::Value kEmpty(rapidjson::kArrayType);
    const rapidjson::Value* value = Member(object, name);
    if (value == nullptr || !value->IsArray()) return Fail(name), kEmpty.GetArray();
    return value->GetArray();
  }

  bool ok() const { return problem_.empty(); }
  const std::string& problem() const { return problem_; }

 private:
  std::nullptr_t Fail(const char* name) {
    if (problem_.empty()) problem_ = std::string("missing or invalid '") + name + "'";
    return nullptr;
  }

  std::string problem_;
};

Mention ReadMention(const rapidjson::Value& object, JsonReader* reader) {
  Mention mention;
  mention.name = reader->String(object, "name");
  mention.surface = reader->String(object, "surface");
  const rapidjson::Value* entry = reader->Member(object, "entry");
  if (entry != nullptr && entry->IsUint()) mention.entry = entry->GetUint();
  mention.type = static_cast<EntityType>(reader->Uint(object, "type", kEntityTypeCount - 1));
  mention.evidence = static_cast<TypeEvidence>(
      reader->Uint(object, "evidence", static_cast<uint32_t>(TypeEvidence::kVocabulary)));
  mention.proposed = reader->Bool(object, "proposed");
  mention.section = static_cast<SectionKind>(
      reader->Uint(object, "section", UINT8_MAX));
  mention.line = reader->Uint(object, "line", UINT32_MAX);
  mention.parameters = reader->String(object, "parameters");
  mention.aliases = reader->Strings(object, "aliases");
  return mention;
}

Result ReadResult(const rapidjson::Value& object, JsonReader* reader) {
  Result result;
  result.value = reader->String(object, "value");
  result.unit = reader->String(object, "unit");
  result.metric = reader->String(object, "metric");
  result.dataset = reader->String(object, "dataset");
  result.model = reader->String(object, "model");
  result.section = static_cast<SectionKind>(
      reader->Uint(object, "section", UINT8_MAX));
  result.line = reader->Uint(object, "line", UINT32_MAX);
  return result;
}

std::string DiagnosticsToJson(const std::vector<StoredDiagnostic>& diagnostics) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartArray();
  for (const StoredDiagnostic& diagnostic : diagnostics) {
    writer.StartObject();
    writer.Key("error");
    writer.Bool(diagnostic.severity == Severity::kError);
    writer.Key("line");
    writer.Int(diagnostic.line);
    writer.Key("column");
    writer.Int(diagnostic.column);
    writer.Key("reason");
    WriteString(&writer, diagnostic.reason);
    writer.EndObject();
  }
  writer.EndArray();
  return std::string(buffer.GetString(), buffer.GetSize());
}

bool DiagnosticsFromJson(std::string_view json, std::vector<StoredDiagnostic>* diagnostics,
                         std::string* error) {
  rapidjson::Document document;
  document.Parse(json.data(), json.size());
  if (document.HasParseError() || !document.IsArray()) {
    *error = "diagnostics are not a JSON array";
    return false;
  }
  JsonReader reader;
  for (const rapidjson::Value& item : document.GetArray()) {
    StoredDiagnostic diagnostic;
    diagnostic.severity = reader.Bool(item, "error") ? Severity::kError : Severity::kWarning;
    diagnostic.line = reader.Int(item, "line");
    diagnostic.column = reader.Int(item, "column");
    diagnostic.reason = reader.String(item, "reason");
    diagnostics->push_back(std::move(diagnostic));
  }
  if (!reader.ok()) *error = "diagnostics: " + reader.problem();
  return reader.ok();
}

// An open database, closed on destruction.
struct DatabaseCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Database = std::unique_ptr<sqlite3, DatabaseCloser>;

struct StatementFinalizer {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

Statement Prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
  return Statement(statement);
}

std::string ColumnText(sqlite3_stmt* statement, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
  if (text == nullptr) return "";
  return std::string(text, sqlite3_column_bytes(statement, column));
}

// The value of `key` in store_meta, or nullopt when the row is missing.
std::optional<std::string> MetaValue(sqlite3* db, const char* key) {
  const Statement statement = Prepare(db, "SELECT value FROM store_meta WHERE key = ?");
  if (!statement) return std::nullopt;
  sqlite3_bind_text(statement.get(), 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step(statement.get()) != SQLITE_ROW) return std::nullopt;
  return ColumnText(statement.get(), 0);
}

bool BindText(sqlite3_stmt* statement, int index, std::string_view text) {
  return sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()),
                           SQLITE_TRANSIENT) == SQLITE_OK;
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xF]);
  }
  return hex;
}

std::string ContributionToJson(const PostContribution& contribution) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  const Post& post = contribution.post;
  writer.StartObject();
  writer.Key("path");
  WriteString(&writer, post.path);

  writer.Key("front_matter");
  writer.StartObject();
  writer.Key("title");
  WriteString(&writer, post.front_matter.title);
  writer.Key("date");
  WriteString(&writer, post.front_matter.date);
  writer.Key("tags");
  WriteStrings(&writer, post.front_matter.tags);
  writer.Key("has_arxiv_key");
  writer.Bool(post.front_matter.has_arxiv_key);
  writer.Key("arxiv");
  WriteString(&writer, post.front_matter.arxiv);
  writer.Key("present");
  writer.Bool(post.front_matter.present);
  writer.EndObject();

  writer.Key("papers");
  writer.StartArray();
  for (size_t i = 0; i < post.papers.size(); ++i) {
    const Paper& paper = post.papers[i];
    writer.StartObject();
    writer.Key("arxiv_id");
    WriteString(&writer, paper.arxiv_id);
    writer.Key("title");
    WriteString(&writer, paper.title);
    writer.Key("url");
    WriteString(&writer, paper.url);
    writer.Key("line");
    writer.Uint(paper.line);
    writer.Key("mentions");
    writer.StartArray();
    if (i < contribution.extractions.size()) {
      for (const Mention& mention : contribution.extractions[i].mentions) {
        WriteMention(&writer, mention);
      }
    }
    writer.EndArray();
    writer.Key("results");
    writer.StartArray();
    if (i < contribution.extractions.size()) {
      for (const Result& result : contribution.extractions[i].results) WriteResult(&writer, result);
    }
    writer.EndArray();
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

bool ContributionFromJson(std::string_view json, PostContribution* contribution,
                          std::string* error) {
  rapidjson::Document document;
  document.Parse(json.data(), json.size());
  if (document.HasParseError() || !document.IsObject()) {
    *error = "contribution is not a JSON object";
    return false;
  }

  JsonReader reader;
  Post& post = contribution->post;
  post.path = reader.String(document, "path");
  const rapidjson::Value* front_matter = reader.Member(document, "front_matter");
  if (front_matter != nullptr) {
    post.front_matter.title = reader.String(*front_matter, "title");
    post.front_matter.date = reader.String(*front_matter, "date");
    post.front_matter.tags = reader.Strings(*front_matter, "tags");
    post.front_matter.has_arxiv_key = reader.Bool(*front_matter, "has_arxiv_key");
    post.front_matter.arxiv = reader.String(*front_matter, "arxiv");
    post.front_matter.present = reader.Bool(*front_matter, "present");
  }

  for (const rapidjson::Value& item : reader.Array(document, "papers")) {
    Paper paper;
    paper.arxiv_id = reader.String(item, "arxiv_id");
    paper.title = reader.String(item, "title");
    paper.url = reader.String(item, "url");
    paper.line = reader.Uint(item, "line", UINT32_MAX);
    PaperExtraction extraction;
    for (const rapidjson::Value& mention : reader.Array(item, "mentions")) {
      extraction.mentions.push_back(ReadMention(mention, &reader));
    }
    for (const rapidjson::Value& result : reader.Array(item, "results")) {
      extraction.results.push_back(ReadResult(result, &reader));
    }
    post.papers.push_back(std::move(paper));
    contribution->extractions.push_back(std::move(extraction));
  }

  if (!reader.ok()) *error = "contribution: " + reader.problem();
  return reader.ok();
}

namespace {

// Reads the store like LoadPostStore, passing each parsed row to `keep`
// with its path. The caller drops what it kept when this returns kDamaged.
template <typename Keep>
StoreState ReadStore(const std::filesystem::path& path, std::string_view fingerprint, const Keep& keep,
                     std::string* error) {
  std::error_code exists_error;
  if (!std::filesystem::exists(path, exists_error)) return StoreState::kMissing;

  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  const Database db(raw);
  if (opened != SQLITE_OK) {
    *error = std::string("cannot open: ") + sqlite3_errstr(opened);
    return StoreState::kRejected;
  }

  const Statement has_store =
      Prepare(db.get(), "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'store_meta'");
  if (!has_store) {
    *error = std::string("not an SQLite database: ") + sqlite3_errmsg(db.get());
    return StoreState::kRejected;
  }
  if (sqlite3_step(has_store.get()) != SQLITE_ROW) return StoreState::kMissing;

  const std::optional<std::string> version = MetaValue(db.get(), "store_version");
  if (!version || *version != std::to_string(kPostStoreVersion)) {
    *error = "store version " + (version ? "'" + *version + "'" : std::string("missing")) +
             " is not " + std::to_string(kPostStoreVersion) +
             ", the one this kgbuild writes; it was written by another version of kgbuild";
    return StoreState::kRejected;
  }
  if (MetaValue(db.get(), "fingerprint") != std::string(fingerprint)) return StoreState::kStale;

  const Statement rows =
      Prepare(db.get(), "SELECT path, sha256, contribution, diagnostics FROM store_posts ORDER BY path");
  if (!rows) {
    *error = std::string("cannot read store_posts: ") + sqlite3_errmsg(db.get());
    return StoreState::kRejected;
  }
  int step = SQLITE_ROW;
  while ((step = sqlite3_step(rows.get())) == SQLITE_ROW) {
    const std::string post_path = ColumnText(rows.get(), 0);
    PostContribution contribution;
    contribution.sha256 = ColumnText(rows.get(), 1);
    std::string reason;
    if (!ContributionFromJson(ColumnText(rows.get(), 2), &contribution, &reason) ||
        !DiagnosticsFromJson(ColumnText(rows.get(), 3), &contribution.diagnostics, &reason) ||
        contribution.post.path != post_path) {
      *error = "damaged row for '" + post_path + "': " +
               (reason.empty() ? "path does not match" : reason);
      return StoreState::kDamaged;
    }
    keep(post_path, std::move(contribution));
  }
  if (step != SQLITE_DONE) {
    *error = std::string("cannot read store_posts: ") + sqlite3_errmsg(db.get());
    return StoreState::kDamaged;
  }
  return StoreState::kLoaded;
}

}  // namespace

StoreState LoadPostStore(const std::filesystem::path& path, std::string_view fingerprint,
                         Contributions* contributions, std::string* error) {
  const StoreState state = ReadStore(
      path, fingerprint,
      [&](const std::string& post_path, PostContribution contribution) {
        (*contributions)[post_path] = std::move(contribution);
      },
      error);
  if (state == StoreState::kDamaged) contributions->clear();
  return state;
}

StoreState LoadStoreRows(const std::filesystem::path& path, std::string_view fingerprint,
                         StoreRows* rows, std::string* error) {
  const StoreState state = ReadStore(
      path, fingerprint,
      [&](const std::string& post_path, const PostContribution& contribution) {
        (*rows)[post_path] = ToStoreRow(contribution);
      },
      error);
  if (state == StoreState::kDamaged) rows->clear();
  return state;
}

namespace {

// The text of a row in store_posts.
struct RowText {
  std::string sha256;
  std::string contribution;
  std::string diagnostics;
};

// Adds the store tables to the database at `path` in one transaction, with
// one row per entry of `posts` (relative path -> post) made by `to_row`,
// which returns nullopt when it cannot.
template <typename Posts, typename ToRow>
bool AppendStore(const std::filesystem::path& path, std::string_view fingerprint, const Posts& posts,
                 const ToRow& to_row, std::string* error) {
  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
  const Database db(raw);
  auto fail = [&](const char* step) {
    *error = "failed to write the store into " + path.string() + ": " + step + ": " +
             (db ? sqlite3_errmsg(db.get()) : sqlite3_errstr(opened));
    if (db) sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    return false;
  };
  if (opened != SQLITE_OK) return fail("open");

  constexpr const char* kSchema = R"sql(
BEGIN;
CREATE TABLE store_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE store_posts(
  path TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL,
  contribution TEXT NOT NULL,
  diagnostics TEXT NOT NULL);
)sql";
  if (sqlite3_exec(db.get(), kSchema, nullptr, nullptr, nullptr) != SQLITE_OK) {
    return fail("create tables");
  }

  const Statement meta = Prepare(db.get(), "INSERT INTO store_meta(key, value) VALUES(?, ?)");
  if (!meta) return fail("prepare");
  const std::pair<const char*, std::string> meta_rows[] = {
      {"store_version", std::to_string(kPostStoreVersion)},
      {"fingerprint", std::string(fingerprint)}};
  for (const auto& [key, value] : meta_rows) {
    sqlite3_reset(meta.get());
    if (!BindText(meta.get(), 1, key) || !BindText(meta.get(), 2, value) ||
        sqlite3_step(meta.get()) != SQLITE_DONE) {
      return fail("insert into store_meta");
    }
  }

  const Statement post = Prepare(
      db.get(),
      "INSERT INTO store_posts(path, sha256, contribution, diagnostics) VALUES(?, ?, ?, ?)");
  if (!post) return fail("prepare");
  for (const auto& [post_path, entry] : posts) {
    sqlite3_reset(post.get());
    const std::optional<RowText> row = to_row(entry);
    if (!row) return fail("inflate a contribution");
    if (!BindText(post.get(), 1, post_path) || !BindText(post.get(), 2, row->sha256) ||
        !BindText(post.get(), 3, row->contribution) || !BindText(post.get(), 4, row->diagnostics) ||
        sqlite3_step(post.get()) != SQLITE_DONE) {
      return fail("insert into store_posts");
    }
  }

  if (sqlite3_exec(db.get(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return fail("commit");
  }
  return true;
}

}  // namespace

namespace {

// Returns the contribution JSON of a row made by ToStoreRow, or nullopt
// when it does not inflate to its recorded size.
std::optional<std::string> InflateContribution(const StoreRow& row) {
  std::string json(row.contribution_bytes, '\0');
  uLongf json_size = json.size();
  if (uncompress(reinterpret_cast<Bytef*>(json.data()), &json_size,
                 reinterpret_cast<const Bytef*>(row.deflated_contribution.data()),
                 row.deflated_contribution.size()) != Z_OK ||
      json_size != json.size()) {
    return std::nullopt;
  }
  return json;
}

}  // namespace

bool ContributionFromRow(const StoreRow& row, PostContribution* contribution, std::string* error) {
  const std::optional<std::string> json = InflateContribution(row);
  if (!json) {
    *error = "contribution does not inflate";
    return false;
  }
  contribution->sha256 = row.sha256;
  return ContributionFromJson(*json, contribution, error) &&
         DiagnosticsFromJson(row.diagnostics, &contribution->diagnostics, error);
}

StoreRow ToStoreRow(const PostContribution& contribution) {
  const std::string json = ContributionToJson(contribution);
  std::string deflated(compressBound(json.size()), '\0');
  uLongf deflated_size = deflated.size();
  // Level 1: most of the size gain of the default level for half its time.
  if (compress2(reinterpret_cast<Bytef*>(deflated.data()), &deflated_size,
                reinterpret_cast<const Bytef*>(json.data()), json.size(), 1) != Z_OK) {
    throw std::bad_alloc();  // the only failure with a compressBound buffer
  }
  deflated.resize(deflated_size);
  deflated.shrink_to_fit();
  return {contribution.sha256, std::move(deflated), json.size(),
          DiagnosticsToJson(contribution.diagnostics)};
}

bool AppendPostStore(const std::filesystem::path& path, std::string_view fingerprint,
                     const Contributions& contributions, std::string* error) {
  return AppendStore(
      path, fingerprint, contributions,
      [](const PostContribution& contribution) -> std::optional<RowText> {
        return RowText{contribution.sha256, ContributionToJson(contribution),
                       DiagnosticsToJson(contribution.diagnostics)};
      },
      error);
}

bool AppendStoreRows(const std::filesystem::path& path, std::string_view fingerprint,
                     const StoreRows& rows, std::string* error) {
  return AppendStore(
      path, fingerprint, rows,
      [](const StoreRow& row) -> std::optional<RowText> {
        std::optional<std::string> json = InflateContribution(row);
        if (!json) return std::nullopt;
        return RowText{row.sha256, std::move(*json), row.diagnostics};
      },
      error);
}

}  // namespace kgbuild
