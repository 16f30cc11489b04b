// The one seam through which every export writer emits bytes.
//
// A writer streams its format into a ByteSink and never opens files itself,
// so the same writer can fill a file (FileSink) or memory (StringSink, for
// tests). A FileSink publishes its file only on Commit: until then the bytes
// go to a temporary file beside the target, so readers of the target see the
// previous version or the new one, never part of one.
//
// This module does not format anything and does not print. A sink is not
// safe to share between threads; separate sinks may be used concurrently.
#ifndef KGBUILD_EXPORT_OUTPUT_H_
#define KGBUILD_EXPORT_OUTPUT_H_

#include <cstddef>
#include <filesystem>
#include <limits>
#include <string>
#include <string_view>

namespace kgbuild {

class ByteSink {
 public:
  virtual ~ByteSink() = default;

  // Appends `bytes`. Returns false when the write failed. After a failure
  // every later Write also returns false, and Commit reports the reason.
  virtual bool Write(std::string_view bytes) = 0;

  // Makes everything written visible at the destination. Returns false and
  // stores the reason in `*error` when an earlier Write failed or the
  // destination could not be completed; nothing is published then.
  // Call at most once.
  virtual bool Commit(std::string* error) = 0;
};

// Writes to `path` through the temporary file `path` + ".tmp-<pid>" in the
// same folder. Commit flushes, fsyncs and renames the temporary file over
// `path`. When a write or the commit fails, or the sink is destroyed without
// a successful Commit, the temporary file is removed and any existing file
// at `path` is left untouched.
class FileSink : public ByteSink {
 public:
  // Creates the temporary file. A failure here is reported by Commit.
  explicit FileSink(std::filesystem::path path);
  ~FileSink() override;

  FileSink(const FileSink&) = delete;
  FileSink& operator=(const FileSink&) = delete;

  bool Write(std::string_view bytes) override;
  bool Commit(std::string* error) override;

  const std::filesystem::path& path() const { return path_; }
  const std::filesystem::path& temporary_path() const { return temporary_path_; }

 private:
  bool Flush();
  bool Fail(std::string_view action, int error_number);
  void RemoveTemporary();

  std::filesystem::path path_;
  std::filesystem::path temporary_path_;
  int fd_ = -1;
  std::string buffer_;  // bytes not yet passed to write(2)
  std::string error_;   // the first failure, or ""
  bool committed_ = false;
};

// Collects the bytes in memory. With `fail_after_bytes` set, the sink keeps
// only that many bytes and fails the write that would exceed them, so tests
// can check how a writer handles a failed write.
class StringSink : public ByteSink {
 public:
  static constexpr size_t kNeverFail = std::numeric_limits<size_t>::max();

  explicit StringSink(size_t fail_after_bytes = kNeverFail)
      : fail_after_bytes_(fail_after_bytes) {}

  bool Write(std::string_view bytes) override;
  bool Commit(std::string* error) override;

  const std::string& contents() const { return contents_; }
  bool committed() const { return committed_; }
  bool failed() const { return failed_; }

 private:
  size_t fail_after_bytes_;
  std::string contents_;
  bool failed_ = false;
  bool committed_ = false;
};

}  // namespace kgbuild

#endif  // KGBUILD_EXPORT_OUTPUT_H_
