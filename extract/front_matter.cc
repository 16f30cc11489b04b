#include "extract/front_matter.h"

#include <yaml-cpp/yaml.h>

#include <vector>

#include "vocab/text.h"

namespace kgbuild {

namespace {

bool IsFenceLine(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' ||
                           line.back() == '\r')) {
    line.remove_suffix(1);
  }
  return line == "---" || (closing && line == "...");
}

std::string Unquote(std::string_view value) {
  std::string_view text = value;
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' ||
                           text.back() == '\r')) {
    text.remove_suffix(1);
  }
  if (!text.empty() && (text.front() == '"' || text.front() == '\'')) {
    text.remove_prefix(1);
  }
  if (!text.empty() && (text.back() == '"' || text.back() == '\'')) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

// Splits a flow list `[a, b, "c"]` or a bare `a, b`.
std::vector<std::string> SplitList(std::string_view value) {
  std::string inner = Unquote(value);
  if (!inner.empty() && inner.front() == '[') inner.erase(0, 1);
  if (!inner.empty() && inner.back() == ']') inner.pop_back();
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= inner.size()) {
    size_t comma = inner.find(',', start);
    if (comma == std::string::npos) comma = inner.size();
    std::string item = Unquote(std::string_view(inner).substr(start, comma - start));
    if (!item.empty()) items.push_back(std::move(item));
    start = comma + 1;
  }
  return items;
}

// The fallback for YAML that does not parse: `key: value` lines, with tags
// as a flow list or as `- item` lines below `tags:`.
void ReadLineByLine(std::string_view yaml, FrontMatter* front_matter) {
  bool in_tags = false;
  size_t start = 0;
  while (start < yaml.size()) {
    size_t end = yaml.find('\n', start);
    if (end == std::string_view::npos) end = yaml.size();
    const std::string_view line = yaml.substr(start, end - start);
    start = end + 1;

    const size_t dash = line.find_first_not_of(" \t");
    if (in_tags && dash != std::string_view::npos && line[dash] == '-') {
      std::string tag = Unquote(line.substr(dash + 1));
      if (!tag.empty()) front_matter->tags.push_back(std::move(tag));
      continue;
    }
    in_tags = false;

    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || line.empty() || line[0] == ' ') {
      continue;
    }
    const std::string_view key = line.substr(0, colon);
    const std::string_view value = line.substr(colon + 1);
    if (key == "title") {
      front_matter->title = Unquote(value);
    } else if (key == "date") {
      front_matter->date = Unquote(value);
    } else if (key == "arxiv") {
      front_matter->has_arxiv_key = true;
      front_matter->arxiv = Unquote(value);
    } else if (key == "tags") {
      front_matter->tags = SplitList(value);
      in_tags = front_matter->tags.empty();
    }
  }
}

// The keys at the start of lines (`title:`), with their 1-based line within
// the YAML text.
std::vector<std::pair<std::string, int>> TopLevelKeys(std::string_view yaml) {
  std::vector<std::pair<std::string, int>> keys;
  int line = 0;
  size_t start = 0;
  while (start < yaml.size()) {
    size_t end = yaml.find('\n', start);
    if (end == std::string_view::npos) end = yaml.size();
    ++line;
    const std::string_view text = yaml.substr(start, end - start);
    start = end + 1;
    const size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || !IsAsciiAlnum(static_cast<unsigned char>(text[0]))) {
      continue;
    }
    const std::string_view key = text.substr(0, colon);
    if (key.find_first_of(" \t\"'") != std::string_view::npos) continue;
    keys.emplace_back(std::string(key), line);
  }
  return keys;
}

// yaml-cpp 0.7 accepts a double-quoted value that is never closed and lets
// it swallow the keys below it. Returns the line of the key whose value
// swallowed others, or 0 when every key written in the text was parsed.
int SwallowedKeyLine(std::string_view yaml, const YAML::Node& root) {
  const auto keys = TopLevelKeys(yaml);
  for (size_t i = 1; i < keys.size(); ++i) {
    if (!root[keys[i].first]) return keys[i - 1].second;
  }
  return 0;
}

std::string ScalarOrEmpty(const YAML::Node& node) {
  if (!node || !node.IsScalar()) return "";
  return node.as<std::string>();
}

}  // namespace

FrontMatterSpan ReadFrontMatter(std::string_view text, const std::string& file,
                                const DiagnosticSink& sink,
                                FrontMatter* front_matter) {
  FrontMatterSpan span;
  if (text.starts_with("\xEF\xBB\xBF")) span.begin = 3;

  size_t first_end = text.find('\n', span.begin);
  if (first_end == std::string_view::npos) first_end = text.size();
  if (!IsFenceLine(text.substr(span.begin, first_end - span.begin), false)) {
    return span;
  }
  front_matter->present = true;

  size_t start = first_end + 1;
  int line_number = 1;
  size_t close_begin = std::string_view::npos;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++line_number;
    if (IsFenceLine(text.substr(start, end - start), true)) {
      close_begin = start;
      span.end = std::min(end + 1, text.size());
      break;
    }
    start = end + 1;
  }
  if (close_begin == std::string_view::npos) {
    sink({Severity::kWarning, file, 1, 1,
          "front matter is not closed by a '---' line; reading the whole "
          "file as Markdown"});
    front_matter->present = false;
    return span;
  }

  const size_t yaml_begin = std::min(first_end + 1, close_begin);
  const std::string yaml(text.substr(yaml_begin, close_begin - yaml_begin));
  try {
    const YAML::Node root = YAML::Load(yaml);
    const int swallowed = root.IsMap() ? SwallowedKeyLine(yaml, root) : 0;
    if (swallowed > 0) {
      sink({Severity::kWarning, file, swallowed + 1, 1,
            "invalid YAML in front matter (a quoted value is not closed); reading it line by line"});
    } else if (root.IsMap()) {
      front_matter->title = CollapseWhitespace(ScalarOrEmpty(root["title"]));
      front_matter->date = ScalarOrEmpty(root["date"]);
      front_matter->has_arxiv_key = static_cast<bool>(root["arxiv"]);
      front_matter->arxiv = ScalarOrEmpty(root["arxiv"]);
      const YAML::Node tags = root["tags"];
      if (tags && tags.IsSequence()) {
        for (const YAML::Node& tag : tags) {
          if (tag.IsScalar()) front_matter->tags.push_back(tag.as<std::string>());
        }
      } else if (tags && tags.IsScalar()) {
        front_matter->tags = SplitList(tags.as<std::string>());
      }
      return span;
    }
    if (swallowed == 0 && !root.IsNull()) {
      sink({Severity::kWarning, file, 2, 1,
            "front matter is not a YAML mapping; reading it line by line"});
    }
  } catch (const YAML::Exception& error) {
    // yaml-cpp counts lines from 0 inside the block, which starts on line 2.
    const int line = error.mark.is_null() ? 2 : error.mark.line + 2;
    const int column = error.mark.is_null() ? 1 : error.mark.column + 1;
    sink({Severity::kWarning, file, line, column,
          "invalid YAML in front matter (" + error.msg +
              "); reading it line by line"});
  }
  ReadLineByLine(yaml, front_matter);
  front_matter->title = CollapseWhitespace(front_matter->title);
  return span;
}

}  // namespace kgbuild
