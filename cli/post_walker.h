// Finding the posts under an input folder: every `*.md` and `*.markdown`
// file, recursively, in a stable order (byte order of the path relative to
// the folder), whatever order the file system lists them in.
//
// A `.kgbuildignore` file in the root lists files and folders (relative
// paths, one per line) to leave out. Folder symlinks are followed once; a symlink that leads back into a
// folder already being walked is reported as a loop and not entered.
// Unreadable folders are reported and skipped. The walker never prints.
#ifndef KGBUILD_CLI_POST_WALKER_H_
#define KGBUILD_CLI_POST_WALKER_H_

#include <filesystem>
#include <string>
#include <vector>

#include "vocab/diagnostic.h"

namespace kgbuild {

struct PostFile {
  std::filesystem::path path;  // as found on disk
  std::string relative;        // relative to the input root, '/' separators
};

// Returns the posts under `root`. Problems go to `sink` as errors; the
// return value holds every post that could be listed. When
// `unread_folders` is given, it receives the relative path of each folder
// that could not be listed, so a caller can tell a post that is gone from
// one it could not see.
std::vector<PostFile> FindPosts(const std::filesystem::path& root, const DiagnosticSink& sink,
                                std::vector<std::string>* unread_folders = nullptr);

}  // namespace kgbuild

#endif  // KGBUILD_CLI_POST_WALKER_H_
