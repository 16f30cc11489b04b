#include "export/output.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>
#include <utility>

namespace kgbuild {
namespace {

// Bytes buffered before a write(2); writers emit many small pieces.
constexpr size_t kFlushThreshold = 64 * 1024;

// fsyncs the folder so the rename survives a crash. Failure is ignored
// because some file systems do not support fsync on a directory, and the
// file itself is already complete.
void SyncFolder(const std::filesystem::path& folder) {
  const std::string name = folder.empty() ? "." : folder.string();
  const int fd = ::open(name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

FileSink::FileSink(std::filesystem::path path) : path_(std::move(path)) {
  temporary_path_ = path_;
  temporary_path_ += ".tmp-" + std::to_string(::getpid());
  fd_ = ::open(temporary_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
               0666);
  if (fd_ < 0) Fail("create", errno);
}

FileSink::~FileSink() {
  if (!committed_) RemoveTemporary();
}

bool FileSink::Write(std::string_view bytes) {
  if (!error_.empty()) return false;
  buffer_.append(bytes);
  if (buffer_.size() >= kFlushThreshold) return Flush();
  return true;
}

bool FileSink::Flush() {
  size_t written = 0;
  while (written < buffer_.size()) {
    const ssize_t result =
        ::write(fd_, buffer_.data() + written, buffer_.size() - written);
    if (result < 0) {
      if (errno == EINTR) continue;
      return Fail("write", errno);
    }
    written += static_cast<size_t>(result);
  }
  buffer_.clear();
  return true;
}

bool FileSink::Commit(std::string* error) {
  if (committed_) {
    *error = "failed to commit " + path_.string() + ": already committed";
    return false;
  }

  bool ok = error_.empty() && Flush();
  if (ok && ::fsync(fd_) != 0) ok = Fail("fsync", errno);
  if (ok && ::close(std::exchange(fd_, -1)) != 0) ok = Fail("close", errno);
  if (ok && ::rename(temporary_path_.c_str(), path_.c_str()) != 0) {
    ok = Fail("rename", errno);
  }
  if (!ok) {
    RemoveTemporary();
    *error = error_;
    return false;
  }

  committed_ = true;
  SyncFolder(path_.parent_path());
  return true;
}

bool FileSink::Fail(std::string_view action, int error_number) {
  if (error_.empty()) {
    const std::filesystem::path& target =
        action == "rename" ? path_ : temporary_path_;
    error_ = "failed to write " + path_.string() + ": " + std::string(action) +
             " " + target.string() + ": " + std::strerror(error_number);
  }
  return false;
}

void FileSink::RemoveTemporary() {
  if (fd_ >= 0) ::close(std::exchange(fd_, -1));
  std::error_code ignored;
  std::filesystem::remove(temporary_path_, ignored);
  buffer_.clear();
}

bool StringSink::Write(std::string_view bytes) {
  if (failed_) return false;
  const size_t room = fail_after_bytes_ - contents_.size();
  if (bytes.size() > room) {
    contents_.append(bytes.substr(0, room));
    failed_ = true;
    return false;
  }
  contents_.append(bytes);
  return true;
}

bool StringSink::Commit(std::string* error) {
  if (failed_) {
    *error = "write failed after " + std::to_string(fail_after_bytes_) +
             " bytes (injected by StringSink)";
    return false;
  }
  committed_ = true;
  return true;
}

}  // namespace kgbuild
