#include "export/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/unit/export_test_graph.h"

namespace kgbuild {
namespace {

namespace fs = std::filesystem;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("kgbuild_sqlite_test_" + std::to_string(::getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
    fs::create_directories(folder_);
    path_ = folder_ / "kg.sqlite";
  }
  void TearDown() override {
    if (db_ != nullptr) sqlite3_close(db_);
    fs::remove_all(folder_);
  }

  void OpenReadOnly() {
    ASSERT_EQ(sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr),
              SQLITE_OK);
  }

  // Returns the rows of `sql`, each row's columns joined by '|', NULL as "NULL".
  std::vector<std::string> Query(const std::string& sql) {
    std::vector<std::string> rows;
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db_);
    while (sqlite3_step(statement) == SQLITE_ROW) {
      std::string row;
      for (int column = 0; column < sqlite3_column_count(statement); ++column) {
        if (column > 0) row += '|';
        const unsigned char* text = sqlite3_column_text(statement, column);
        row += text == nullptr ? "NULL" : reinterpret_cast<const char*>(text);
      }
      rows.push_back(row);
    }
    sqlite3_finalize(statement);
    return rows;
  }

  std::vector<std::string> FolderEntries() const {
    std::vector<std::string> names;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder_)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path folder_;
  fs::path path_;
  sqlite3* db_ = nullptr;
};

TEST_F(SqliteStoreTest, PassesIntegrityCheck) {
  std::string error;
  ASSERT_TRUE(WriteSqliteStore(testing::MakeSampleGraph(), path_, IriOptions{}, &error))
      << error;
  OpenReadOnly();

  EXPECT_EQ(Query("PRAGMA integrity_check"), std::vector<std::string>{"ok"});
  EXPECT_EQ(Query("SELECT value FROM meta WHERE key = 'schema_version'"),
            std::vector<std::string>{"1"});
  EXPECT_EQ(FolderEntries(), std::vector<std::string>{"kg.sqlite"});
}

TEST_F(SqliteStoreTest, WritesEveryTable) {
  std::string error;
  ASSERT_TRUE(WriteSqliteStore(testing::MakeSampleGraph(), path_, IriOptions{}, &error))
      << error;
  OpenReadOnly();

  EXPECT_EQ(Query("SELECT id, path, title, date, tags FROM posts"),
            std::vector<std::string>{
                "1|2025/09/digest.md|Daily digest|2025-09-18 08:15:00|[\"ml\",\"digest\"]"});
  EXPECT_EQ(Query("SELECT id, iri, arxiv_id, title, url FROM papers"),
            std::vector<std::string>{
                "1|https://arxiv.org/abs/2509.13353|2509.13353|TinyNet: small nets|"
                "https://arxiv.org/abs/2509.13353"});
  EXPECT_EQ(Query("SELECT post_id, paper_id FROM post_papers"),
            std::vector<std::string>{"1|1"});
  EXPECT_EQ(Query("SELECT id, type, name, parameters FROM entities ORDER BY id"),
            (std::vector<std::string>{"1|Model|TinyNet|7B", "2|Model|Net|NULL",
                                      "3|Dataset|MNIST|NULL", "4|Metric|accuracy|NULL"}));
  EXPECT_EQ(Query("SELECT entity_id, alias, lang FROM aliases"),
            std::vector<std::string>{"3|엠니스트|ko"});
  EXPECT_EQ(Query("SELECT paper_id, entity_id, role, file, section, line FROM mentions "
                  "ORDER BY entity_id, role, line"),
            (std::vector<std::string>{"1|1|mentions|2025/09/digest.md|goal|12",
                                      "1|1|mentions|2025/09/digest.md|results|15",
                                      "1|1|proposes|2025/09/digest.md|goal|12",
                                      "1|3|mentions|2025/09/digest.md|results|15"}));
  EXPECT_EQ(Query("SELECT id, iri, paper_id, typeof(value), value, value_text, unit, "
                  "metric_id, dataset_id, model_id, label, file, section, line "
                  "FROM results"),
            std::vector<std::string>{
                "1|https://w3id.org/kgbuild/id/result/2509.13353%2F1|1|real|99.38|99.38|%|"
                "4|3|1|99.38 % accuracy|2025/09/digest.md|results|15"});
}

TEST_F(SqliteStoreTest, StoresInvalidValueAsNull) {
  Graph graph;
  testing::AddResultNode(&graph, "r", "about 3", "~3");
  std::string error;
  ASSERT_TRUE(WriteSqliteStore(graph, path_, IriOptions{}, &error)) << error;
  OpenReadOnly();

  EXPECT_EQ(Query("SELECT value, value_text, paper_id FROM results"),
            std::vector<std::string>{"NULL|~3|NULL"});
}

TEST_F(SqliteStoreTest, KeepsTextWithQuotesAndControls) {
  Graph graph;
  const std::string title = std::string("it's \"x\"; DROP TABLE posts;--\n\t\0end", 35);
  testing::AddPostNode(&graph, "p.md", title, "");
  std::string error;
  ASSERT_TRUE(WriteSqliteStore(graph, path_, IriOptions{}, &error)) << error;
  OpenReadOnly();

  EXPECT_EQ(Query("SELECT length(CAST(title AS BLOB)), date FROM posts"),
            std::vector<std::string>{"35|NULL"});
  EXPECT_EQ(Query("SELECT count(*) FROM posts"), std::vector<std::string>{"1"});
}

TEST_F(SqliteStoreTest, FailureKeepsPreviousFile) {
  std::string error;
  ASSERT_TRUE(WriteSqliteStore(testing::MakeSampleGraph(), path_, IriOptions{}, &error))
      << error;

  // Two entities with one IRI break the UNIQUE constraint on entities.iri.
  Graph graph;
  testing::AddEntityNode(&graph, EntityType::kModel, "Twin");
  testing::AddEntityNode(&graph, EntityType::kModel, "Twin");
  EXPECT_FALSE(WriteSqliteStore(graph, path_, IriOptions{}, &error));

  EXPECT_EQ(error, "failed to write " + path_.string() +
                       ": insert into entities: UNIQUE constraint failed: entities.iri");
  EXPECT_EQ(FolderEntries(), std::vector<std::string>{"kg.sqlite"});
  OpenReadOnly();
  EXPECT_EQ(Query("SELECT name FROM entities WHERE id = 1"),
            std::vector<std::string>{"TinyNet"});
}

TEST_F(SqliteStoreTest, RejectsEdgeBetweenWrongKinds) {
  Graph graph;
  const Vertex model = testing::AddEntityNode(&graph, EntityType::kModel, "M");
  const Vertex dataset = testing::AddEntityNode(&graph, EntityType::kDataset, "D");
  testing::AddEdgeOfKind(&graph, model, dataset, EdgeKind::kHasPart);

  std::string error;
  EXPECT_FALSE(WriteSqliteStore(graph, path_, IriOptions{}, &error));
  EXPECT_EQ(error, "failed to write " + path_.string() +
                       ": edge from entity:M to entity:D joins nodes of the "
                       "wrong kinds for its kind");
  EXPECT_EQ(FolderEntries(), std::vector<std::string>{});
}

}  // namespace
}  // namespace kgbuild
