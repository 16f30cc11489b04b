#include "cli/post_walker.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <set>
#include <system_error>

namespace kgbuild {

namespace {

bool IsPostName(const std::filesystem::path& path) {
  const std::string extension = path.extension().string();
  return extension == ".md" || extension == ".markdown";
}

std::string Reason(const std::error_code& error) { return error.message(); }

// The paths, relative to `root`, that the root's `.kgbuildignore` lists:
// one file or folder per line; blank lines and `#` comments are skipped.
std::set<std::string> ReadIgnoreFile(const std::filesystem::path& root) {
  std::set<std::string> ignored;
  std::ifstream file(root / ".kgbuildignore");
  std::string line;
  while (std::getline(file, line)) {
    while (!line.empty() && (line.back() == '/' || line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty() && line[0] != '#') ignored.insert(line);
  }
  return ignored;
}

void Walk(const std::filesystem::path& folder, const std::string& relative,
          const std::set<std::string>& ignored,
          std::set<std::filesystem::path>* open_folders, const DiagnosticSink& sink,
          std::vector<PostFile>* posts, std::vector<std::string>* unread_folders) {
  std::error_code error;
  const std::filesystem::path canonical = std::filesystem::canonical(folder, error);
  if (error) {
    sink({Severity::kError, folder.string(), 0, 0, "cannot resolve folder: " + Reason(error)});
    unread_folders->push_back(relative);
    return;
  }
  if (!open_folders->insert(canonical).second) {
    sink({Severity::kError, folder.string(), 0, 0,
          "symlink loop: this folder is already being read as " + canonical.string()});
    return;
  }

  std::filesystem::directory_iterator it(folder, error);
  if (error) {
    sink({Severity::kError, folder.string(), 0, 0, "cannot read folder: " + Reason(error)});
    unread_folders->push_back(relative);
    open_folders->erase(canonical);
    return;
  }
  std::vector<std::filesystem::directory_entry> entries;
  for (; it != std::filesystem::directory_iterator(); it.increment(error)) {
    if (error) {
      sink({Severity::kError, folder.string(), 0, 0, "cannot read folder: " + Reason(error)});
      unread_folders->push_back(relative);
      break;
    }
    entries.push_back(*it);
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.path().filename().string() < b.path().filename().string();
  });

  for (const auto& entry : entries) {
    const std::string name = entry.path().filename().string();
    const std::string child = relative.empty() ? name : relative + "/" + name;
    if (ignored.count(child) != 0) continue;
    std::error_code status_error;
    const bool is_folder = entry.is_directory(status_error);
    if (status_error && entry.is_symlink()) {
      sink({Severity::kError, entry.path().string(), 0, 0, "broken symlink; skipped"});
      continue;
    }
    if (is_folder) {
      if (!name.empty() && name[0] == '.') continue;  // .git, .jekyll-cache ...
      Walk(entry.path(), child, ignored, open_folders, sink, posts, unread_folders);
    } else if (IsPostName(entry.path())) {
      posts->push_back({entry.path(), child});
    }
  }
  open_folders->erase(canonical);
}

}  // namespace

std::vector<PostFile> FindPosts(const std::filesystem::path& root, const DiagnosticSink& sink,
                                std::vector<std::string>* unread_folders) {
  std::vector<std::string> ignored_folders;
  if (unread_folders == nullptr) unread_folders = &ignored_folders;
  std::vector<PostFile> posts;
  std::error_code error;
  if (std::filesystem::is_regular_file(root, error)) {
    posts.push_back({root, root.filename().string()});
    return posts;
  }
  if (!std::filesystem::is_directory(root, error)) {
    sink({Severity::kError, root.string(), 0, 0, "input folder not found"});
    return posts;
  }
  std::set<std::filesystem::path> open_folders;
  Walk(root, "", ReadIgnoreFile(root), &open_folders, sink, &posts, unread_folders);
  std::sort(posts.begin(), posts.end(),
            [](const PostFile& a, const PostFile& b) { return a.relative < b.relative; });
  return posts;
}

}  // namespace kgbuild
