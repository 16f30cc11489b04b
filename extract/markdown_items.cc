#include "extract/markdown_items.h"

#include <md4c.h>

#include <algorithm>
#include <cstdlib>

#include "vocab/text.h"

namespace kgbuild {

namespace {

// Decodes an HTML character reference such as `&amp;` or `&#x41;`; returns
// the reference itself when it is not one this reader knows.
std::string DecodeEntity(std::string_view entity) {
  static constexpr struct {
    std::string_view name;
    std::string_view text;
  } kNamed[] = {{"&amp;", "&"},  {"&lt;", "<"},    {"&gt;", ">"},
                {"&quot;", "\""}, {"&apos;", "'"}, {"&nbsp;", " "},
                {"&middot;", "\xC2\xB7"}, {"&times;", "\xC3\x97"}};
  for (const auto& named : kNamed) {
    if (entity == named.name) return std::string(named.text);
  }
  if (entity.size() > 3 && entity[1] == '#') {
    const bool hex = entity[2] == 'x' || entity[2] == 'X';
    const std::string digits(entity.substr(hex ? 3 : 2, entity.size() - (hex ? 4 : 3)));
    char* end = nullptr;
    const unsigned long value = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (end != digits.c_str() && *end == '\0' && value > 0 && value <= 0x10FFFF &&
        !(value >= 0xD800 && value <= 0xDFFF)) {
      std::string out;
      AppendUtf8(static_cast<char32_t>(value), &out);
      return out;
    }
  }
  return std::string(entity);
}

class ItemBuilder {
 public:
  ItemBuilder(std::string_view text, const std::vector<size_t>& line_starts)
      : text_(text), line_starts_(line_starts) {}

  std::vector<Item> Take() {
    EndItem();
    return std::move(items_);
  }

  void EnterBlock(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_H:
        StartItem(ItemKind::kHeading,
                  static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level));
        break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        ++list_depth_;
        break;
      case MD_BLOCK_LI:
        StartItem(ItemKind::kListItem, list_depth_);
        break;
      case MD_BLOCK_P:
        // A loose list item wraps its text in a paragraph: keep the item.
        if (open_ && items_.back().kind == ItemKind::kListItem &&
            items_.back().text.empty()) {
          break;
        }
        StartItem(list_depth_ > 0 ? ItemKind::kListItem : ItemKind::kParagraph,
                  list_depth_);
        break;
      case MD_BLOCK_TR:
        StartItem(ItemKind::kTableRow, 0);
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        if (open_ && !items_.back().text.empty()) items_.back().text += " | ";
        break;
      case MD_BLOCK_CODE:
        EndItem();
        ++skip_depth_;
        break;
      case MD_BLOCK_HTML:
        EndItem();
        break;
      default:
        break;
    }
  }

  void LeaveBlock(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        --list_depth_;
        break;
      case MD_BLOCK_CODE:
        --skip_depth_;
        break;
      case MD_BLOCK_H:
      case MD_BLOCK_LI:
      case MD_BLOCK_P:
      case MD_BLOCK_TR:
      case MD_BLOCK_HTML:
        EndItem();
        break;
      default:
        break;
    }
  }

  void EnterSpan(MD_SPANTYPE type, void* detail) {
    if (type == MD_SPAN_IMG) {
      ++skip_depth_;
    } else if (type == MD_SPAN_A && skip_depth_ == 0) {
      const auto* link = static_cast<MD_SPAN_A_DETAIL*>(detail);
      EnsureItem();
      open_links_.push_back(
          {std::string(link->href.text, link->href.size),
           static_cast<uint32_t>(items_.back().text.size()), 0});
    }
  }

  void LeaveSpan(MD_SPANTYPE type) {
    if (type == MD_SPAN_IMG) {
      --skip_depth_;
    } else if (type == MD_SPAN_A && skip_depth_ == 0) {
      CloseLink();
    }
  }

  void Text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size) {
    if (skip_depth_ > 0) return;
    const std::string_view chunk(data, size);
    switch (type) {
      case MD_TEXT_NULLCHAR:
        Append("\xEF\xBF\xBD", data);
        break;
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR:
        Append(" ", data);
        break;
      case MD_TEXT_ENTITY:
        Append(DecodeEntity(chunk), data);
        break;
      case MD_TEXT_HTML:
        ReadHtml(chunk);
        break;
      default:
        Append(chunk, data);
        break;
    }
  }

 private:
  void StartItem(ItemKind kind, int level) {
    EndItem();
    Item item;
    item.kind = kind;
    item.level = level;
    items_.push_back(std::move(item));
    open_ = true;
  }

  void EnsureItem() {
    if (!open_) StartItem(list_depth_ > 0 ? ItemKind::kListItem : ItemKind::kParagraph, list_depth_);
  }

  // Closes the open item; an item that holds only whitespace is dropped.
  void EndItem() {
    while (!open_links_.empty()) CloseLink();
    if (!open_) return;
    open_ = false;
    Item& item = items_.back();
    const bool blank = item.text.find_first_not_of(" \t\n") == std::string::npos;
    if (blank && item.links.empty()) items_.pop_back();
  }

  void CloseLink() {
    if (open_links_.empty()) return;
    Link link = std::move(open_links_.back());
    open_links_.pop_back();
    if (!open_) return;
    link.end = static_cast<uint32_t>(items_.back().text.size());
    items_.back().links.push_back(std::move(link));
  }

  // The source line of `where`, or 0 when it does not point into the text
  // (md4c passes its own buffers for a few replacements).
  uint32_t LineOf(const char* where) const {
    if (where < text_.data() || where >= text_.data() + text_.size()) return 0;
    const size_t offset = static_cast<size_t>(where - text_.data());
    const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    return static_cast<uint32_t>(next - line_starts_.begin());
  }

  void Append(std::string_view piece, const char* source) {
    if (piece.empty()) return;
    EnsureItem();
    Item& item = items_.back();
    const uint32_t line = LineOf(source);
    if (line != 0 && (item.lines.empty() || item.lines.back().line != line)) {
      item.lines.push_back({static_cast<uint32_t>(item.text.size()), line});
    }
    for (char c : piece) item.text.push_back(c == '\n' || c == '\r' ? ' ' : c);
  }

  void ReadHtml(std::string_view chunk) {
    size_t position = 0;
    while (position < chunk.size()) {
      const size_t open = chunk.find('<', position);
      const size_t text_end = open == std::string_view::npos ? chunk.size() : open;
      AppendHtmlText(chunk.substr(position, text_end - position));
      if (open == std::string_view::npos) break;

      const size_t close = chunk.find('>', open);
      if (close == std::string_view::npos) break;
      ReadTag(chunk.substr(open + 1, close - open - 1));
      position = close + 1;
    }
  }

  void AppendHtmlText(std::string_view text) {
    size_t position = 0;
    while (position < text.size()) {
      const size_t amp = text.find('&', position);
      const size_t end = amp == std::string_view::npos ? text.size() : amp;
      if (end > position) {
        const std::string_view plain = text.substr(position, end - position);
        if (open_ || plain.find_first_not_of(" \t\r\n") != std::string_view::npos) {
          Append(plain, plain.data());
        }
      }
      if (amp == std::string_view::npos) break;
      const size_t semicolon = text.find(';', amp);
      if (semicolon == std::string_view::npos || semicolon - amp > 10) {
        Append("&", text.data() + amp);
        position = amp + 1;
        continue;
      }
      Append(DecodeEntity(text.substr(amp, semicolon - amp + 1)), text.data() + amp);
      position = semicolon + 1;
    }
  }

  void ReadTag(std::string_view tag) {
    const bool closing = !tag.empty() && tag.front() == '/';
    if (closing) tag.remove_prefix(1);
    size_t name_end = 0;
    while (name_end < tag.size() && IsAsciiAlnum(static_cast<unsigned char>(tag[name_end]))) {
      ++name_end;
    }
    const std::string name = AsciiLowercase(tag.substr(0, name_end));

    if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
      if (closing) {
        EndItem();
      } else {
        StartItem(ItemKind::kHeading, name[1] - '0');
      }
    } else if (name == "p" || name == "div" || name == "li" || name == "tr" ||
               name == "br" || name == "ul" || name == "ol" || name == "section") {
      EndItem();
    } else if (name == "a") {
      if (closing) {
        CloseLink();
      } else {
        EnsureItem();
        open_links_.push_back({HrefOf(tag), static_cast<uint32_t>(items_.back().text.size()), 0});
      }
    }
  }

  static std::string HrefOf(std::string_view tag) {
    const std::string lower = AsciiLowercase(tag);
    const size_t at = lower.find("href");
    if (at == std::string::npos) return "";
    size_t position = lower.find('=', at);
    if (position == std::string::npos) return "";
    ++position;
    while (position < tag.size() && tag[position] == ' ') ++position;
    if (position >= tag.size()) return "";
    const char quote = tag[position];
    if (quote == '"' || quote == '\'') {
      const size_t end = tag.find(quote, position + 1);
      if (end == std::string_view::npos) return "";
      return std::string(tag.substr(position + 1, end - position - 1));
    }
    size_t end = position;
    while (end < tag.size() && tag[end] != ' ' && tag[end] != '/') ++end;
    return std::string(tag.substr(position, end - position));
  }

  std::string_view text_;
  const std::vector<size_t>& line_starts_;
  std::vector<Item> items_;
  bool open_ = false;
  int list_depth_ = 0;
  int skip_depth_ = 0;
  std::vector<Link> open_links_;
};

int OnEnterBlock(MD_BLOCKTYPE type, void* detail, void* user) {
  static_cast<ItemBuilder*>(user)->EnterBlock(type, detail);
  return 0;
}
int OnLeaveBlock(MD_BLOCKTYPE type, void*, void* user) {
  static_cast<ItemBuilder*>(user)->LeaveBlock(type);
  return 0;
}
int OnEnterSpan(MD_SPANTYPE type, void* detail, void* user) {
  static_cast<ItemBuilder*>(user)->EnterSpan(type, detail);
  return 0;
}
int OnLeaveSpan(MD_SPANTYPE type, void*, void* user) {
  static_cast<ItemBuilder*>(user)->LeaveSpan(type);
  return 0;
}
int OnText(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
  static_cast<ItemBuilder*>(user)->Text(type, text, size);
  return 0;
}

}  // namespace

std::vector<Item> ParseMarkdownItems(std::string_view text,
                                     const std::vector<size_t>& line_starts) {
  ItemBuilder builder(text, line_starts);
  MD_PARSER parser = {};
  parser.abi_version = 0;
  // No strikethrough: md4c takes a single `~` as its delimiter, and Korean
  // digests write ranges as `94~99%`, which must keep the tilde.
  parser.flags = MD_FLAG_TABLES | MD_FLAG_PERMISSIVEURLAUTOLINKS | MD_FLAG_LATEXMATHSPANS;
  parser.enter_block = OnEnterBlock;
  parser.leave_block = OnLeaveBlock;
  parser.enter_span = OnEnterSpan;
  parser.leave_span = OnLeaveSpan;
  parser.text = OnText;
  md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &builder);
  return builder.Take();
}

}  // namespace kgbuild
