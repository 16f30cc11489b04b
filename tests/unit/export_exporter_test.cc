#include "export/exporter.h"

#include <gtest/gtest.h>
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

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

class WriteAllTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("kgbuild_exporter_test_" + std::to_string(::getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  fs::path folder_;
};

TEST_F(WriteAllTest, WritesEveryFormat) {
  std::vector<std::string> errors;
  ASSERT_TRUE(WriteAll(testing::MakeSampleGraph(), folder_ / "kg", IriOptions{}, &errors));

  EXPECT_EQ(errors, std::vector<std::string>{});
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder_ / "kg")) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{
                       "graph.comention.graphml", "graph.gexf", "graph.graphml",
                       "graph.jsonld", "graph.nq", "graph.nt", "graph.ttl",
                       "kg.sqlite"}));
}

TEST_F(WriteAllTest, IsByteIdenticalAcrossRuns) {
  std::vector<std::string> errors;
  ASSERT_TRUE(WriteAll(testing::MakeSampleGraph(), folder_ / "a", IriOptions{}, &errors));
  ASSERT_TRUE(WriteAll(testing::MakeSampleGraph(), folder_ / "b", IriOptions{}, &errors));

  for (const char* name : {"graph.nt", "graph.jsonld", "graph.graphml", "graph.ttl",
                           "graph.nq", "graph.comention.graphml", "graph.gexf"}) {
    EXPECT_EQ(ReadFile(folder_ / "a" / name), ReadFile(folder_ / "b" / name)) << name;
  }
}

TEST_F(WriteAllTest, ThreadsGiveSameBytesAndStepOrder) {
  std::vector<std::string> errors;
  std::vector<ExportTiming> one_thread;
  std::vector<ExportTiming> four_threads;
  ASSERT_TRUE(WriteAll(testing::MakeSampleGraph(), folder_ / "a", IriOptions{}, 1, &errors, &one_thread));
  ASSERT_TRUE(WriteAll(testing::MakeSampleGraph(), folder_ / "b", IriOptions{}, 4, &errors, &four_threads));

  const std::vector<std::string> steps = {
      "rdf triples", "graph.nt",      "graph.jsonld",       "graph.ttl",
      "kg.sqlite",   "graph.nq",      "graph.graphml",      "co-mention network",
      "graph.comention.graphml",      "graph.gexf"};
  for (const std::vector<ExportTiming>* timings : {&one_thread, &four_threads}) {
    ASSERT_EQ(timings->size(), steps.size());
    for (size_t i = 0; i < steps.size(); ++i) {
      EXPECT_EQ((*timings)[i].step, steps[i]);
      EXPECT_GE((*timings)[i].wall_seconds, 0.0);
    }
  }
  for (const char* name : {"graph.nt", "graph.jsonld", "graph.graphml", "graph.ttl",
                           "graph.nq", "graph.comention.graphml", "graph.gexf"}) {
    EXPECT_EQ(ReadFile(folder_ / "a" / name), ReadFile(folder_ / "b" / name)) << name;
  }
}

TEST_F(WriteAllTest, AppendsToWrittenSqliteAsOwnStep) {
  std::vector<std::string> errors;
  std::vector<ExportTiming> timings;
  bool database_existed = false;
  const SqliteAppender append = [&](const fs::path& database, std::string*) {
    database_existed = fs::file_size(database) > 0;
    return true;
  };
  ASSERT_TRUE(WriteAll(testing::MakeSampleGraph(), folder_ / "kg", IriOptions{}, 2, &errors, &timings,
                       append));

  EXPECT_TRUE(database_existed);
  ASSERT_EQ(timings.size(), 11u);
  EXPECT_EQ(timings[4].step, "kg.sqlite");
  EXPECT_EQ(timings[5].step, "kg.sqlite store tables");
}

TEST_F(WriteAllTest, ReportsFailedSqliteAppend) {
  std::vector<std::string> errors;
  const SqliteAppender append = [](const fs::path&, std::string* error) {
    *error = "failed to write the store: disk full";
    return false;
  };
  EXPECT_FALSE(WriteAll(testing::MakeSampleGraph(), folder_ / "kg", IriOptions{}, 2, &errors, nullptr,
                        append));
  EXPECT_EQ(errors, std::vector<std::string>{"failed to write the store: disk full"});
}

TEST_F(WriteAllTest, ReportsOutputFolderThatIsAFile) {
  fs::create_directories(folder_);
  std::ofstream(folder_ / "kg") << "not a folder";

  std::vector<std::string> errors;
  EXPECT_FALSE(WriteAll(testing::MakeSampleGraph(), folder_ / "kg", IriOptions{}, &errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("failed to create output folder " + (folder_ / "kg").string() + ": ", 0),
            0u)
      << errors[0];
  EXPECT_EQ(ReadFile(folder_ / "kg"), "not a folder");
}

}  // namespace
}  // namespace kgbuild
