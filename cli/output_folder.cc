#include "cli/output_folder.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

namespace kgbuild {
namespace {

constexpr const char* kLockName = ".kgbuild.lock";
constexpr const char* kStagingPrefix = ".kgbuild-staging-";

std::string ErrnoText() { return std::strerror(errno); }

}  // namespace

OutputLock::~OutputLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases the flock
}

bool OutputLock::Acquire(const std::filesystem::path& folder, std::string* error) {
  const std::filesystem::path path = folder / kLockName;
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    *error = path.string() + ": cannot open lock file: " + ErrnoText();
    return false;
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const bool busy = errno == EWOULDBLOCK;
    *error = busy ? folder.string() +
                        ": another kgbuild run is writing this output folder (it holds " +
                        path.string() + "); wait for it to end or choose another folder with -o"
                  : path.string() + ": cannot lock: " + ErrnoText();
    ::close(fd_);
    fd_ = -1;
    return false;
  }
  return true;
}

void RemoveStaleStaging(const std::filesystem::path& folder) {
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    if (entry.path().filename().string().starts_with(kStagingPrefix)) {
      std::error_code ignored;
      std::filesystem::remove_all(entry.path(), ignored);
    }
  }
}

std::filesystem::path CreateStaging(const std::filesystem::path& folder, std::string* error) {
  const std::filesystem::path staging = folder / (kStagingPrefix + std::to_string(::getpid()));
  std::error_code code;
  std::filesystem::remove_all(staging, code);
  if (!std::filesystem::create_directory(staging, code)) {
    *error = staging.string() + ": cannot create staging folder: " +
             (code ? code.message() : "it already exists");
    return {};
  }
  return staging;
}

bool PublishStaging(const std::filesystem::path& staging, const std::filesystem::path& folder,
                    void (*after_first_move)(), std::string* error) {
  std::vector<std::string> names;
  std::error_code code;
  for (const auto& entry : std::filesystem::directory_iterator(staging, code)) {
    if (entry.is_regular_file()) names.push_back(entry.path().filename().string());
  }
  if (code) {
    *error = staging.string() + ": cannot list staging folder: " + code.message();
    return false;
  }
  // kg.sqlite last, the other files in name order.
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return std::make_pair(a == "kg.sqlite", a) < std::make_pair(b == "kg.sqlite", b);
  });

  bool first = true;
  for (const std::string& name : names) {
    const std::filesystem::path from = staging / name;
    const std::filesystem::path to = folder / name;
    if (::rename(from.c_str(), to.c_str()) != 0) {
      *error = "failed to move " + from.string() + " to " + to.string() + ": " + ErrnoText();
      return false;
    }
    if (first && after_first_move != nullptr) after_first_move();
    first = false;
  }

  const int folder_fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder_fd >= 0) {
    ::fsync(folder_fd);
    ::close(folder_fd);
  }
  std::filesystem::remove_all(staging, code);
  return true;
}

}  // namespace kgbuild
