// The incremental store: what each post contributed to the graph, kept in
// kg.sqlite beside the exported tables so that a later run re-reads only
// the posts whose bytes changed.
//
// For each post the store keeps its path relative to the input folder, the
// SHA-256 of its bytes, the warnings reading it produced, and its
// contribution: the post's front matter, its papers (without their text)
// and every mention and result extracted from them, as one JSON document.
// The graph is always rebuilt from all contributions, and KnowledgeGraph
// does not depend on the order posts are added in, so a run that reuses
// stored contributions writes the same exports as one that reads every post.
//
// Tables (added to a kg.sqlite the SQLite export has already written):
//   store_meta(key, value)   store_version = '1'; fingerprint = the hash of
//                            everything besides a post's bytes that shapes
//                            its contribution (the kgbuild binary, which
//                            embeds the built-in vocabulary, the --vocab
//                            files and the read limits)
//   store_posts(path PRIMARY KEY, sha256, contribution, diagnostics)
//
// A store whose store_version is not one this code writes is rejected, never
// rewritten. A store with another fingerprint is valid but stale: every post
// is read again. This module does not print. Separate calls on different
// files may run concurrently; kgbuild serialises runs on one output folder
// with a lock file.
#ifndef KGBUILD_GRAPH_POST_STORE_H_
#define KGBUILD_GRAPH_POST_STORE_H_

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extraction.h"
#include "extract/post.h"
#include "vocab/diagnostic.h"

namespace kgbuild {

// The store_version this code reads and writes.
inline constexpr int kPostStoreVersion = 1;

// A warning or error that reading a post produced, without the file name,
// so it can be reported again under the path of a later run.
struct StoredDiagnostic {
  Severity severity = Severity::kWarning;
  int line = 0;
  int column = 0;
  std::string reason;
};

// Everything one post adds to the graph. `post.papers[i].blocks` is empty:
// the graph needs only the papers' identity, and `extractions[i]` holds
// what was found in paper i.
struct PostContribution {
  std::string sha256;  // lowercase hex SHA-256 of the post's bytes
  Post post;
  std::vector<PaperExtraction> extractions;
  std::vector<StoredDiagnostic> diagnostics;
};

// Contributions keyed by the post's relative path.
using Contributions = std::map<std::string, PostContribution>;

// A post's row in store_posts, made once when the post enters the graph, so
// a run keeps it instead of the parsed contribution. The contribution JSON
// is deflated with zlib, which made it about 7 times smaller on generated posts.
struct StoreRow {
  std::string sha256;
  std::string deflated_contribution;  // ContributionToJson, deflated
  size_t contribution_bytes = 0;      // its size before deflating
  std::string diagnostics;            // the diagnostics as a JSON array
};

// Rows keyed by the post's relative path.
using StoreRows = std::map<std::string, StoreRow>;

// Returns the lowercase hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

// Returns the contribution as one JSON document, `post.papers[i].blocks`
// left out. Strings are copied byte for byte, invalid UTF-8 included.
std::string ContributionToJson(const PostContribution& contribution);

// Parses what ContributionToJson wrote. Returns false with the reason in
// `*error` on malformed input.
bool ContributionFromJson(std::string_view json, PostContribution* contribution,
                          std::string* error);

enum class StoreState {
  kMissing,   // no file, or a kg.sqlite without store tables: start empty
  kStale,     // a valid store of another fingerprint: start empty
  kLoaded,    // `*contributions` holds the stored posts
  kRejected,  // not a store this code may use; `*error` says why
  kDamaged,   // a store of this version with a row that does not parse
};

// Reads the store in the database at `path`. Opens it read-only and never
// modifies it. Returns kRejected for a file that is not an SQLite database
// or a store_version other than kPostStoreVersion, and kDamaged (with
// `*contributions` empty) when a stored row cannot be read.
StoreState LoadPostStore(const std::filesystem::path& path, std::string_view fingerprint,
                         Contributions* contributions, std::string* error);

// Does what LoadPostStore does, keeping each post as the row ToStoreRow
// makes of it, several times smaller than the parsed contribution.
StoreState LoadStoreRows(const std::filesystem::path& path, std::string_view fingerprint,
                         StoreRows* rows, std::string* error);

// Parses a row that ToStoreRow made back into `*contribution`, which must be
// empty. Returns false with the reason in `*error` when it cannot.
bool ContributionFromRow(const StoreRow& row, PostContribution* contribution, std::string* error);

// Adds the store tables holding `contributions` to the database at `path`
// in one transaction. Returns false with the reason in `*error` on failure;
// the database is then as it was before the call.
bool AppendPostStore(const std::filesystem::path& path, std::string_view fingerprint,
                     const Contributions& contributions, std::string* error);

// Returns the row AppendPostStore writes for `contribution`, deflated.
StoreRow ToStoreRow(const PostContribution& contribution);

// Does what AppendPostStore does, with rows made by ToStoreRow. Returns
// false, as for any failure, when a row does not inflate.
bool AppendStoreRows(const std::filesystem::path& path, std::string_view fingerprint,
                     const StoreRows& rows, std::string* error);

}  // namespace kgbuild

#endif  // KGBUILD_GRAPH_POST_STORE_H_
