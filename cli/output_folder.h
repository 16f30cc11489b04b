// The output folder as one unit that runs update safely: a lock that lets
// only one kgbuild run write a folder at a time, and a staging folder in
// which a run writes every file before moving them into place.
//
// Each file moves with rename(2), so a reader, or a run killed at any
// moment, sees every output file either whole from the previous run or
// whole from the new one. kg.sqlite moves last: until it does, the previous
// store is the one a later run reads, and it rebuilds the other files from
// it. The command's helpers print nothing; problems come back as messages.
#ifndef KGBUILD_CLI_OUTPUT_FOLDER_H_
#define KGBUILD_CLI_OUTPUT_FOLDER_H_

#include <filesystem>
#include <string>

namespace kgbuild {

// An exclusive flock(2) on OUTDIR/.kgbuild.lock, held until destruction.
// The kernel releases it when the process ends, also after SIGKILL.
class OutputLock {
 public:
  OutputLock() = default;
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  // Takes the lock without waiting. Returns false with a message in
  // `*error` when another run holds it or the lock file cannot be opened.
  bool Acquire(const std::filesystem::path& folder, std::string* error);

 private:
  int fd_ = -1;
};

// Removes the staging folders that killed runs left in `folder`.
// REQUIRES: the caller holds the folder's OutputLock.
void RemoveStaleStaging(const std::filesystem::path& folder);

// The staging folder of this process inside `folder`, created empty.
// Returns an empty path with a message in `*error` on failure.
std::filesystem::path CreateStaging(const std::filesystem::path& folder, std::string* error);

// Moves every file of `staging` into `folder`, kg.sqlite last, syncs the
// folder and removes `staging`. `after_first_move` runs once after the
// first file has moved (a test hook). Returns false with a message on the
// first failure; files already moved stay moved.
bool PublishStaging(const std::filesystem::path& staging, const std::filesystem::path& folder,
                    void (*after_first_move)(), std::string* error);

}  // namespace kgbuild

#endif  // KGBUILD_CLI_OUTPUT_FOLDER_H_
