#include "graph/post_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace kgbuild {
namespace {

class PostStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("post_store_test-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
    path_ = folder_ / "kg.sqlite";
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  // Creates an empty database at path_, as the SQLite export leaves one.
  void CreateDatabase() {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE meta(key TEXT, value TEXT)", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }

  void Execute(const char* sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }

  static PostContribution SampleContribution() {
    PostContribution contribution;
    contribution.sha256 = Sha256Hex("post bytes");
    contribution.post.path = "2026/\"><]]>.md";
    contribution.post.front_matter.title = "Title with \"quotes\", \\ and \xff";
    contribution.post.front_matter.tags = {"a", "비전"};
    contribution.post.front_matter.present = true;
    Paper paper;
    paper.arxiv_id = "2601.00001";
    paper.title = "_:b0 <http://x>";
    paper.line = 7;
    contribution.post.papers.push_back(paper);
    Mention mention;
    mention.name = "Q<&>\"Net";
    mention.surface = "Q<&>\"Net은";
    mention.entry = 42;
    mention.type = EntityType::kDataset;
    mention.evidence = TypeEvidence::kCue;
    mention.proposed = true;
    mention.section = SectionKind::kResults;
    mention.line = 9;
    mention.parameters = "7B";
    mention.aliases = {"QNet"};
    Result result{"99.38", "%", "accuracy", "MNIST", "Q<&>\"Net", SectionKind::kResults, 10};
    contribution.extractions.push_back({{mention}, {result}});
    contribution.diagnostics.push_back({Severity::kWarning, 1, 1, "UTF-8 byte order mark"});
    return contribution;
  }

  std::filesystem::path folder_;
  std::filesystem::path path_;
};

TEST_F(PostStoreTest, Sha256OfKnownInput) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(PostStoreTest, ContributionRoundTripsThroughJson) {
  const PostContribution original = SampleContribution();
  PostContribution parsed;
  std::string error;
  ASSERT_TRUE(ContributionFromJson(ContributionToJson(original), &parsed, &error)) << error;

  EXPECT_EQ(parsed.post.path, original.post.path);
  EXPECT_EQ(parsed.post.front_matter.title, original.post.front_matter.title);
  EXPECT_EQ(parsed.post.front_matter.tags, original.post.front_matter.tags);
  EXPECT_TRUE(parsed.post.front_matter.present);
  ASSERT_EQ(parsed.post.papers.size(), 1u);
  EXPECT_EQ(parsed.post.papers[0].title, "_:b0 <http://x>");
  EXPECT_EQ(parsed.post.papers[0].line, 7u);
  ASSERT_EQ(parsed.extractions.size(), 1u);
  ASSERT_EQ(parsed.extractions[0].mentions.size(), 1u);
  const Mention& mention = parsed.extractions[0].mentions[0];
  EXPECT_EQ(mention.name, "Q<&>\"Net");
  EXPECT_EQ(mention.surface, "Q<&>\"Net은");
  EXPECT_EQ(mention.entry, std::optional<EntityId>(42));
  EXPECT_EQ(mention.type, EntityType::kDataset);
  EXPECT_EQ(mention.evidence, TypeEvidence::kCue);
  EXPECT_TRUE(mention.proposed);
  EXPECT_EQ(mention.section, SectionKind::kResults);
  EXPECT_EQ(mention.line, 9u);
  EXPECT_EQ(mention.parameters, "7B");
  EXPECT_EQ(mention.aliases, std::vector<std::string>{"QNet"});
  ASSERT_EQ(parsed.extractions[0].results.size(), 1u);
  EXPECT_EQ(parsed.extractions[0].results[0].value, "99.38");
  EXPECT_EQ(parsed.extractions[0].results[0].model, "Q<&>\"Net");
  EXPECT_EQ(parsed.extractions[0].results[0].line, 10u);
}

TEST_F(PostStoreTest, ContributionWithoutPapersIsRejected) {
  PostContribution parsed;
  std::string error;
  EXPECT_FALSE(ContributionFromJson(R"({"path": "a.md", "front_matter": {}})", &parsed, &error));
  EXPECT_EQ(error, "contribution: missing or invalid 'title'");
}

TEST_F(PostStoreTest, MissingFileIsMissing) {
  Contributions loaded;
  std::string error;
  EXPECT_EQ(LoadPostStore(path_, "f", &loaded, &error), StoreState::kMissing);
}

TEST_F(PostStoreTest, AppendThenLoadReturnsContributions) {
  CreateDatabase();
  Contributions contributions;
  contributions["2026/\"><]]>.md"] = SampleContribution();
  std::string error;
  ASSERT_TRUE(AppendPostStore(path_, "fingerprint-1", contributions, &error)) << error;

  Contributions loaded;
  ASSERT_EQ(LoadPostStore(path_, "fingerprint-1", &loaded, &error), StoreState::kLoaded) << error;
  ASSERT_EQ(loaded.size(), 1u);
  const PostContribution& stored = loaded.begin()->second;
  EXPECT_EQ(stored.sha256, Sha256Hex("post bytes"));
  ASSERT_EQ(stored.diagnostics.size(), 1u);
  EXPECT_EQ(stored.diagnostics[0].reason, "UTF-8 byte order mark");
  EXPECT_EQ(stored.post.front_matter.title, "Title with \"quotes\", \\ and \xff");
}

TEST_F(PostStoreTest, OtherFingerprintIsStale) {
  CreateDatabase();
  std::string error;
  ASSERT_TRUE(AppendPostStore(path_, "fingerprint-1", {}, &error)) << error;
  Contributions loaded;
  EXPECT_EQ(LoadPostStore(path_, "fingerprint-2", &loaded, &error), StoreState::kStale);
}

TEST_F(PostStoreTest, NewerStoreVersionIsRejected) {
  CreateDatabase();
  std::string error;
  ASSERT_TRUE(AppendPostStore(path_, "f", {}, &error)) << error;
  Execute("UPDATE store_meta SET value = '7' WHERE key = 'store_version'");

  Contributions loaded;
  EXPECT_EQ(LoadPostStore(path_, "f", &loaded, &error), StoreState::kRejected);
  EXPECT_EQ(error,
            "store version '7' is not 1, the one this kgbuild writes; it was written by another "
            "version of kgbuild");
}

TEST_F(PostStoreTest, DamagedRowIsReported) {
  CreateDatabase();
  std::string error;
  ASSERT_TRUE(AppendPostStore(path_, "f", {}, &error)) << error;
  Execute("INSERT INTO store_posts VALUES('a.md', 'x', '{broken', '[]')");

  Contributions loaded;
  EXPECT_EQ(LoadPostStore(path_, "f", &loaded, &error), StoreState::kDamaged);
  EXPECT_EQ(error, "damaged row for 'a.md': contribution is not a JSON object");
  EXPECT_TRUE(loaded.empty());
}

TEST_F(PostStoreTest, FileThatIsNotSqliteIsRejected) {
  std::FILE* file = std::fopen(path_.c_str(), "w");
  ASSERT_NE(file, nullptr);
  std::fputs("this is not a database, just text that is long enough to look like a header\n", file);
  std::fclose(file);

  Contributions loaded;
  std::string error;
  EXPECT_EQ(LoadPostStore(path_, "f", &loaded, &error), StoreState::kRejected);
  EXPECT_EQ(error, "not an SQLite database: file is not a database");
}

}  // namespace
}  // namespace kgbuild
