#include "extract/post_reader.h"

#include <re2/re2.h>

#include <algorithm>

#include "extract/front_matter.h"
#include "extract/markdown_items.h"
#include "extract/sections.h"
#include "vocab/text.h"

namespace kgbuild {

namespace {

const RE2& ArxivUrlPattern() {
  // The host must be arxiv.org itself: alphaxiv.org and mirrors are other
  // sites. Old-style identifiers look like `hep-th/9901001`.
  static const RE2 pattern(
      R"((?i)^(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html|format)/)"
      R"(((?:\d{4}\.\d{4,5})|(?:[a-z\-]+(?:\.[A-Z]{2})?/\d{7}))?)");
  return pattern;
}

const RE2& BareArxivIdPattern() {
  static const RE2 pattern(R"((\d{4}\.\d{4,5})(?:v\d+)?)");
  return pattern;
}

// Replaces bytes the Markdown reader must not see, keeping every newline in
// place so that line numbers stay those of the file: CR before LF is
// dropped, invalid UTF-8 bytes become '?', and lines over the limit are cut.
std::string CleanText(std::string_view bytes, const std::string& path,
                      const DiagnosticSink& sink, const ReadLimits& limits) {
  std::string text;
  text.reserve(bytes.size());

  size_t invalid_count = 0;
  int line = 1;
  size_t line_start = 0;
  bool line_cut = false;
  size_t position = 0;
  while (position < bytes.size()) {
    const size_t invalid = FindInvalidUtf8(bytes.substr(position));
    const size_t valid_end =
        invalid == std::string_view::npos ? bytes.size() : position + invalid;

    for (size_t i = position; i < valid_end; ++i) {
      const char c = bytes[i];
      if (c == '\n') {
        ++line;
        line_start = text.size() + 1;
        line_cut = false;
        text.push_back('\n');
        continue;
      }
      if (c == '\r') {
        if (i + 1 < bytes.size() && bytes[i + 1] == '\n') continue;
        ++line;
        line_start = text.size() + 1;
        line_cut = false;
        text.push_back('\n');
        continue;
      }
      if (text.size() - line_start >= limits.max_line_bytes &&
          (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        if (!line_cut) {
          sink({Severity::kWarning, path, line, static_cast<int>(limits.max_line_bytes) + 1,
                "line longer than " + std::to_string(limits.max_line_bytes) +
                    " bytes; the rest of it is ignored (see --max-line-bytes)"});
        }
        line_cut = true;
      }
      if (!line_cut) text.push_back(c);
    }

    if (invalid == std::string_view::npos) break;
    if (invalid_count == 0) {
      sink({Severity::kWarning, path, line, static_cast<int>(text.size() - line_start) + 1,
            "invalid UTF-8; each invalid byte is read as '?'"});
    }
    ++invalid_count;
    text.push_back('?');
    position = valid_end + 1;
  }
  return text;
}

std::vector<size_t> LineStarts(std::string_view text) {
  std::vector<size_t> starts = {0};
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

bool IsBlankRange(std::string_view text, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    if (text[i] != ' ' && text[i] != '\t') return false;
  }
  return true;
}

int BracketDepth(std::string_view text, size_t begin, size_t end) {
  int depth = 0;
  for (size_t i = begin; i < end; ++i) {
    if (text[i] == '[') ++depth;
    if (text[i] == ']') --depth;
  }
  return depth;
}

// An ATX heading whose link text the author wrapped (`# 2. [First half` /
// `second half](https://arxiv.org/...)`) is not a heading to CommonMark.
// Joining up to three lines with a space makes it one and keeps every
// offset, so line numbers stay those of the file.
void JoinWrappedHeadings(std::string* text) {
  size_t start = 0;
  while (start < text->size()) {
    size_t end = text->find('\n', start);
    if (end == std::string::npos) return;

    const size_t hash = text->find_first_not_of(' ', start);
    const bool heading = hash != std::string::npos && hash - start <= 3 && (*text)[hash] == '#';
    int depth = heading ? BracketDepth(*text, start, end) : 0;
    for (int joined = 0; depth > 0 && joined < 2; ++joined) {
      const size_t next_start = end + 1;
      size_t next_end = text->find('\n', next_start);
      if (next_end == std::string::npos) next_end = text->size();
      if (IsBlankRange(*text, next_start, next_end)) break;
      (*text)[end] = ' ';
      depth += BracketDepth(*text, next_start, next_end);
      end = next_end;
    }
    start = end + 1;
  }
}

void Blank(std::string* text, size_t begin, size_t end) {
  for (size_t i = begin; i < end && i < text->size(); ++i) {
    if ((*text)[i] != '\n') (*text)[i] = ' ';
  }
}

// Cleans a title for display: drops leading numbering (`3. `, `IV) `) and
// the LaTeX that arXiv titles carry (`\textsc{Gen2Real}` becomes
// `Gen2Real`, `LLM$\times$MapReduce` becomes `LLM×MapReduce`).
std::string StripNumbering(std::string_view title) {
  static const RE2 numbering(R"(^\s*(?:\d+|[IVX]+)[.)]\s+)");
  static const RE2 text_macro(R"(\\(?:textsc|textbf|textit|texttt|emph|mathrm|mathbf|mathcal|text)\{([^{}]*)\})");
  static const RE2 times(R"(\\times)");
  std::string text(title);
  RE2::Replace(&text, numbering, "");
  RE2::GlobalReplace(&text, text_macro, "\\1");
  RE2::GlobalReplace(&text, times, "\xC3\x97");
  std::erase(text, '$');
  return CollapseWhitespace(text);
}

bool IsGenericLinkText(std::string_view text) {
  const std::string lower = AsciiLowercase(CollapseWhitespace(text));
  return lower.empty() || lower == "paper" || lower == "arxiv" || lower == "pdf" ||
         lower == "link" || lower == "abs" || lower == "논문" || lower == "원문" ||
         lower.starts_with("http://") || lower.starts_with("https://");
}

// The item's first link to arxiv.org. A URL written as plain text counts
// too, because Markdown leaves `Title (http://arxiv.org/abs/ID)` unlinked
// when the URL is not delimited the way autolinks must be.
std::optional<Link> FindArxivLink(const Item& item) {
  for (const Link& link : item.links) {
    if (IsArxivUrl(link.href)) return link;
  }
  static const RE2 bare_url(R"((?i)((?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/[^\s)\]>"']+))");
  re2::StringPiece input(item.text);
  re2::StringPiece url;
  if (!RE2::FindAndConsume(&input, bare_url, &url)) return std::nullopt;
  Link link;
  link.href = std::string(url);
  link.begin = static_cast<uint32_t>(url.data() - item.text.data());
  link.end = static_cast<uint32_t>(link.begin + url.size());
  return link;
}

// True when `text` starts with an `arXiv:` label.
bool HasArxivLabel(std::string_view text) {
  static const RE2 label(R"((?i)^\s*\**\s*arxiv\s*\**\s*[:：])");
  return RE2::PartialMatch(text, label);
}

std::string ArxivIdFromLabel(const Item& item) {
  if (const auto link = FindArxivLink(item)) return ArxivIdFromUrl(link->href);
  std::string id;
  if (RE2::PartialMatch(item.text, BareArxivIdPattern(), &id)) return id;
  return "";
}

// The title of a list item that is a paper: its link text, or its text with
// the URL and the brackets around it removed.
std::string TitleOfListItem(const Item& item, const Link& link) {
  const std::string_view link_text =
      std::string_view(item.text).substr(link.begin, link.end - link.begin);
  if (!IsGenericLinkText(link_text)) return StripNumbering(link_text);

  std::string text = item.text.substr(0, link.begin) + item.text.substr(link.end);
  static const RE2 empty_brackets(R"(\(\s*\)|\[\s*\]|<\s*>)");
  RE2::GlobalReplace(&text, empty_brackets, "");
  std::string title = StripNumbering(text);
  while (!title.empty() && (title.back() == ':' || title.back() == '-' || title.back() == ' ')) {
    title.pop_back();
  }
  return title;
}

class PaperSegmenter {
 public:
  explicit PaperSegmenter(const std::vector<Item>& items) : items_(items) {}

  // A post whose front matter names one arXiv paper (`arxiv: URL`) is a
  // review of that paper: all its text belongs to it.
  void StartWholePostPaper(const FrontMatter& front_matter) {
    Paper paper;
    paper.arxiv_id = ArxivIdFromUrl(front_matter.arxiv);
    if (paper.arxiv_id.empty()) {
      RE2::FullMatch(front_matter.arxiv, BareArxivIdPattern(), &paper.arxiv_id);
    }
    paper.title = front_matter.title;
    if (IsArxivUrl(front_matter.arxiv)) paper.url = front_matter.arxiv;
    paper.line = 1;
    papers_.push_back(std::move(paper));
    anchor_ = Anchor::kPost;
  }

  std::vector<Paper> Run() {
    for (size_t i = 0; i < items_.size(); ++i) {
      const Item& item = items_[i];
      if (item.kind == ItemKind::kHeading) {
        OnHeading(i);
      } else {
        OnBody(i);
      }
    }
    return std::move(papers_);
  }

 private:
  enum class Anchor { kNone, kPost, kHeading, kListItem };

  void OnHeading(size_t index) {
    const Item& item = items_[index];
    const SectionKind section = SectionFromHeading(item.text);

    // A section heading stays in the paper at any level: some posts put
    // `## 방법` under a `### 1. [Paper]` heading.
    const bool in_text_of_paper = anchor_ == Anchor::kHeading || anchor_ == Anchor::kPost;
    if (in_text_of_paper && section != SectionKind::kOther && !FindArxivLink(item)) {
      section_ = section;
      return;
    }
    if (anchor_ == Anchor::kListItem ||
        (anchor_ == Anchor::kHeading && item.level <= anchor_level_)) {
      anchor_ = Anchor::kNone;
    }

    std::string arxiv_id;
    std::string url;
    std::string title = StripNumbering(item.text);
    bool is_paper = false;
    if (const auto link = FindArxivLink(item)) {
      is_paper = true;
      arxiv_id = ArxivIdFromUrl(link->href);
      url = link->href;
      const std::string_view link_text =
          std::string_view(item.text).substr(link->begin, link->end - link->begin);
      if (!IsGenericLinkText(link_text)) title = StripNumbering(link_text);
    } else if (const Item* label = section == SectionKind::kOther ? FindArxivLabelBelow(index) : nullptr) {
      is_paper = true;
      arxiv_id = ArxivIdFromLabel(*label);
      if (const auto label_link = FindArxivLink(*label)) url = label_link->href;
    } else if (anchor_ != Anchor::kPost && section == SectionKind::kOther &&
               HasSectionsBelow(index)) {
      is_paper = true;
      if (!item.links.empty()) {
        const Link& first = item.links.front();
        url = first.href;
        const std::string_view link_text =
            std::string_view(item.text).substr(first.begin, first.end - first.begin);
        if (!IsGenericLinkText(link_text)) title = StripNumbering(link_text);
      }
    }

    if (is_paper) {
      StartPaper(arxiv_id, title, url, item, Anchor::kHeading, item.level);
      return;
    }
    if (anchor_ == Anchor::kHeading || anchor_ == Anchor::kPost) AddBlock(item, section_);
  }

  void OnBody(size_t index) {
    const Item& item = items_[index];
    if (anchor_ == Anchor::kListItem &&
        (item.kind != ItemKind::kListItem || item.level <= anchor_level_)) {
      anchor_ = Anchor::kNone;
    }

    const bool in_text_of_paper = anchor_ == Anchor::kHeading || anchor_ == Anchor::kPost;
    if (in_text_of_paper && HasArxivLabel(item.text)) {
      Paper& paper = papers_.back();
      if (paper.arxiv_id.empty()) paper.arxiv_id = ArxivIdFromLabel(item);
      if (paper.url.empty()) {
        if (const auto link = FindArxivLink(item)) paper.url = link->href;
      }
      return;
    }

    const std::optional<Link> link = FindArxivLink(item);
    if (link && !in_text_of_paper && item.kind == ItemKind::kListItem) {
      StartListPaper(index, *link);
      return;
    }

    if (anchor_ != Anchor::kNone) AddBlock(item, SectionFromLabel(item.text, section_));
  }

  void StartListPaper(size_t index, const Link& link) {
    const Item& item = items_[index];
    const std::string_view link_text =
        std::string_view(item.text).substr(link.begin, link.end - link.begin);
    std::string title = TitleOfListItem(item, link);

    // `* vqvae` / `  * [paper](https://arxiv.org/...)`: the parent item
    // has the title, and the paper spans the parent's children.
    const Item* parent = IsGenericLinkText(link_text) && title.empty() ? ParentOf(index) : nullptr;
    if (parent != nullptr) {
      StartPaper(ArxivIdFromUrl(link.href), StripNumbering(parent->text), link.href, *parent,
                 Anchor::kListItem, parent->level);
      return;
    }
    StartPaper(ArxivIdFromUrl(link.href), title, link.href, item, Anchor::kListItem, item.level);
  }

  const Item* ParentOf(size_t index) const {
    const int level = items_[index].level;
    for (size_t i = index; i-- > 0;) {
      const Item& candidate = items_[i];
      if (candidate.kind != ItemKind::kListItem) return nullptr;
      if (candidate.level < level) return &candidate;
    }
    return nullptr;
  }

  // The `arXiv: URL` line in the text of heading `index`, before any heading
  // at its level or a deeper heading that is not a section name, or
  // nullptr. Section headings are looked through: review posts put the
  // label under `## Abstract`.
  const Item* FindArxivLabelBelow(size_t index) const {
    const int level = items_[index].level;
    for (size_t i = index + 1; i < items_.size(); ++i) {
      const Item& item = items_[i];
      if (item.kind == ItemKind::kHeading &&
          (item.level <= level || SectionFromHeading(item.text) == SectionKind::kOther)) {
        return nullptr;
      }
      if (item.kind != ItemKind::kHeading && HasArxivLabel(item.text)) return &item;
    }
    return nullptr;
  }

  // True when at least two headings right under heading `index` are
  // section names (Introduction, Method, Results, Abstract ...), or its
  // paragraphs carry section labels (`Goal:`): the shape of one paper's
  // summary. A heading over arXiv-linked items is a digest's topic instead.
  bool HasSectionsBelow(size_t index) const {
    const int level = items_[index].level;
    int child_level = 0;
    int sections = 0;
    for (size_t i = index + 1; i < items_.size(); ++i) {
      const Item& item = items_[i];
      if (FindArxivLink(item)) return false;
      if (item.kind == ItemKind::kHeading) {
        if (item.level <= level) break;
        if (child_level == 0) child_level = item.level;
        if (item.level == child_level &&
            SectionFromHeading(item.text) != SectionKind::kOther) {
          ++sections;
        }
      } else if (child_level == 0 &&
                 SectionFromLabel(item.text, SectionKind::kOther) != SectionKind::kOther) {
        ++sections;
      }
    }
    return sections >= 2;
  }

  void StartPaper(const std::string& arxiv_id, const std::string& title,
                  const std::string& url, const Item& anchor_item, Anchor anchor,
                  int level) {
    Paper paper;
    paper.arxiv_id = arxiv_id;
    paper.title = title;
    paper.url = url;
    paper.line = anchor_item.lines.empty() ? 0 : anchor_item.lines.front().line;
    papers_.push_back(std::move(paper));
    anchor_ = anchor;
    anchor_level_ = level;
    section_ = SectionKind::kOther;
    if (anchor == Anchor::kListItem) AddBlock(anchor_item, section_);
  }

  void AddBlock(const Item& item, SectionKind section) {
    Block block;
    block.section = section;
    block.table_row = item.kind == ItemKind::kTableRow;
    block.text = item.text;
    block.lines = item.lines;
    if (block.lines.empty()) block.lines.push_back({0, papers_.back().line});
    block.lines.front().offset = 0;
    papers_.back().blocks.push_back(std::move(block));
  }

  const std::vector<Item>& items_;
  std::vector<Paper> papers_;
  Anchor anchor_ = Anchor::kNone;
  int anchor_level_ = 0;
  SectionKind section_ = SectionKind::kOther;
};

}  // namespace

bool IsArxivUrl(std::string_view url) {
  return RE2::PartialMatch(url, ArxivUrlPattern());
}

std::string ArxivIdFromUrl(std::string_view url) {
  std::string id;
  if (!RE2::PartialMatch(url, ArxivUrlPattern(), &id)) return "";
  return id;
}

std::optional<Post> ReadPost(std::string_view bytes, const std::string& path,
                             const DiagnosticSink& sink, const ReadLimits& limits) {
  const size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    const auto line = std::count(bytes.begin(), bytes.begin() + nul, '\n') + 1;
    sink({Severity::kError, path, static_cast<int>(line), 0,
          "NUL byte: not a text file; skipped"});
    return std::nullopt;
  }

  Post post;
  post.path = path;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    sink({Severity::kWarning, path, 1, 1, "UTF-8 byte order mark at the start; ignored"});
  }
  const size_t crlf = bytes.find("\r\n");
  if (crlf != std::string_view::npos) {
    const auto line = std::count(bytes.begin(), bytes.begin() + crlf, '\n') + 1;
    sink({Severity::kWarning, path, static_cast<int>(line), 0, "CRLF line ends; read as LF"});
  }
  std::string text = CleanText(bytes, path, sink, limits);

  const FrontMatterSpan span = ReadFrontMatter(text, path, sink, &post.front_matter);
  if (span.begin > 0) Blank(&text, 0, span.begin);
  if (span.end > 0) {
    Blank(&text, span.begin, span.end);
  } else if (!post.front_matter.present && text.compare(span.begin, 3, "---") == 0) {
    Blank(&text, span.begin, text.find('\n', span.begin));
  }
  // Line numbers come from the text before wrapped headings are joined.
  const std::vector<size_t> line_starts = LineStarts(text);
  JoinWrappedHeadings(&text);

  const std::vector<Item> items = ParseMarkdownItems(text, line_starts);
  PaperSegmenter segmenter(items);
  if (post.front_matter.has_arxiv_key) {
    const std::string& value = post.front_matter.arxiv;
    if (!value.empty() && ArxivIdFromUrl(value).empty() && !RE2::FullMatch(value, BareArxivIdPattern())) {
      sink({Severity::kWarning, path, 0, 0,
            "front matter key arxiv holds no arXiv identifier or URL ('" + value + "'); the post's paper has none"});
    }
    segmenter.StartWholePostPaper(post.front_matter);
  }
  post.papers = segmenter.Run();
  return post;
}

}  // namespace kgbuild
