#include "export/output.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace kgbuild {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

void WriteFile(const fs::path& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary);
  out << contents;
}

std::vector<std::string> FolderEntries(const fs::path& folder) {
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Lowers the process's file size limit so that write(2) past it fails with
// EFBIG, a real failed write, and restores the limit on destruction.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    previous_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    getrlimit(RLIMIT_FSIZE, &previous_);
    rlimit lowered = previous_;
    lowered.rlim_cur = bytes;
    setrlimit(RLIMIT_FSIZE, &lowered);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &previous_);
    std::signal(SIGXFSZ, previous_handler_);
  }

 private:
  rlimit previous_{};
  void (*previous_handler_)(int) = nullptr;
};

class FileSinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("kgbuild_output_test_" + std::to_string(::getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
    fs::create_directories(folder_);
    target_ = folder_ / "graph.nt";
  }
  void TearDown() override { fs::remove_all(folder_); }

  fs::path folder_;
  fs::path target_;
};

TEST_F(FileSinkTest, CommitReplacesTarget) {
  WriteFile(target_, "old\n");
  FileSink sink(target_);
  ASSERT_TRUE(sink.Write("new "));
  ASSERT_TRUE(sink.Write("contents\n"));

  std::string error;
  ASSERT_TRUE(sink.Commit(&error)) << error;

  EXPECT_EQ(ReadFile(target_), "new contents\n");
  EXPECT_EQ(FolderEntries(folder_), std::vector<std::string>{"graph.nt"});
}

TEST_F(FileSinkTest, WritesToTemporaryUntilCommit) {
  FileSink sink(target_);
  ASSERT_TRUE(sink.Write("pending"));

  EXPECT_FALSE(fs::exists(target_));
  EXPECT_TRUE(fs::exists(sink.temporary_path()));
  EXPECT_EQ(sink.temporary_path().parent_path(), folder_);
  EXPECT_EQ(sink.temporary_path().filename().string(),
            "graph.nt.tmp-" + std::to_string(::getpid()));
}

TEST_F(FileSinkTest, FailedWriteKeepsPreviousFile) {
  WriteFile(target_, "previous version\n");
  std::string error;
  {
    FileSink sink(target_);
    bool written = true;
    {
      FileSizeLimit limit(1000);
      const std::string chunk(16 * 1024, 'x');
      for (int i = 0; i < 8 && written; ++i) written = sink.Write(chunk);
    }
    EXPECT_FALSE(written);
    EXPECT_FALSE(sink.Write("more")) << "writes after a failure must fail too";
    EXPECT_FALSE(sink.Commit(&error));
  }

  EXPECT_EQ(ReadFile(target_), "previous version\n");
  EXPECT_EQ(FolderEntries(folder_), std::vector<std::string>{"graph.nt"});
  EXPECT_NE(error.find("failed to write " + target_.string() + ": write "),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("File too large"), std::string::npos) << error;
}

TEST_F(FileSinkTest, FailedFlushAtCommitKeepsPreviousFile) {
  WriteFile(target_, "previous version\n");
  FileSink sink(target_);
  ASSERT_TRUE(sink.Write(std::string(5000, 'x')));  // buffered, not yet written

  std::string error;
  {
    FileSizeLimit limit(1000);
    EXPECT_FALSE(sink.Commit(&error));
  }

  EXPECT_EQ(ReadFile(target_), "previous version\n");
  EXPECT_EQ(FolderEntries(folder_), std::vector<std::string>{"graph.nt"});
  EXPECT_NE(error.find("File too large"), std::string::npos) << error;
}

TEST_F(FileSinkTest, DestroyedUncommittedLeavesNoFile) {
  WriteFile(target_, "previous version\n");
  {
    FileSink sink(target_);
    ASSERT_TRUE(sink.Write("abandoned"));
  }

  EXPECT_EQ(ReadFile(target_), "previous version\n");
  EXPECT_EQ(FolderEntries(folder_), std::vector<std::string>{"graph.nt"});
}

TEST_F(FileSinkTest, MissingFolderFailsAtCommit) {
  const fs::path target = folder_ / "missing" / "graph.nt";
  FileSink sink(target);
  EXPECT_FALSE(sink.Write("data"));

  std::string error;
  EXPECT_FALSE(sink.Commit(&error));
  EXPECT_EQ(error, "failed to write " + target.string() + ": create " +
                       target.string() + ".tmp-" + std::to_string(::getpid()) +
                       ": No such file or directory");
  EXPECT_EQ(FolderEntries(folder_), std::vector<std::string>{});
}

TEST_F(FileSinkTest, SecondCommitFails) {
  FileSink sink(target_);
  std::string error;
  ASSERT_TRUE(sink.Commit(&error)) << error;

  EXPECT_FALSE(sink.Commit(&error));
  EXPECT_EQ(error, "failed to commit " + target_.string() + ": already committed");
  EXPECT_EQ(ReadFile(target_), "");
}

TEST(StringSinkTest, CollectsWrites) {
  StringSink sink;
  ASSERT_TRUE(sink.Write("ab"));
  ASSERT_TRUE(sink.Write("cd"));

  std::string error;
  ASSERT_TRUE(sink.Commit(&error));
  EXPECT_EQ(sink.contents(), "abcd");
  EXPECT_TRUE(sink.committed());
}

TEST(StringSinkTest, FailsAfterLimit) {
  StringSink sink(3);
  EXPECT_TRUE(sink.Write("ab"));
  EXPECT_FALSE(sink.Write("cd"));
  EXPECT_FALSE(sink.Write("e"));
  EXPECT_EQ(sink.contents(), "abc");

  std::string error;
  EXPECT_FALSE(sink.Commit(&error));
  EXPECT_EQ(error, "write failed after 3 bytes (injected by StringSink)");
  EXPECT_FALSE(sink.committed());
}

}  // namespace
}  // namespace kgbuild
