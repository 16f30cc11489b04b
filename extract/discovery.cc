#include "extract/discovery.h"

#include <re2/re2.h>

#include <algorithm>

#include "extract/korean.h"
#include "vocab/text.h"

namespace kgbuild {

namespace {

// True for a hyphenated compound of ordinary capitalised words
// (`Arabic-Centric`, `Quantum-Classical`, `End-To-End`), which title case
// produces and which names nothing.
bool IsTitleCaseCompound(std::string_view token) {
  if (token.find('-') == std::string_view::npos) return false;
  size_t start = 0;
  while (start <= token.size()) {
    size_t end = token.find('-', start);
    if (end == std::string_view::npos) end = token.size();
    const std::string_view part = token.substr(start, end - start);
    if (part.empty()) return false;
    for (size_t i = 0; i < part.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(part[i]);
      const bool lower = c >= 'a' && c <= 'z';
      if (!lower && !(i == 0 && IsAsciiUpper(c))) return false;
    }
    start = end + 1;
  }
  return true;
}

// True for number formats and ranks that look like names: `FP16`, `BF16`,
// `INT8`, `W4A8`, `Top-1`.
bool IsNumberFormat(std::string_view token) {
  static const RE2 format(R"((?i)^(?:u?int\d+|fp\d+|bf\d+|tf\d+|w\d+a\d+|top-?\d+|v\d+(?:\.\d+)*|x\d+|\d+x)$)");
  return RE2::FullMatch(re2::StringPiece(token.data(), token.size()), format);
}

bool IsShapeName(std::string_view token) {
  if (token.size() < 2 || IsTitleCaseCompound(token) || IsNumberFormat(token)) return false;
  int upper = 0;
  int lower = 0;
  int digits = 0;
  for (char raw : token) {
    const unsigned char c = static_cast<unsigned char>(raw);
    if (IsAsciiUpper(c)) ++upper;
    if (c >= 'a' && c <= 'z') ++lower;
    if (IsAsciiDigit(c)) ++digits;
  }
  const int letters = upper + lower;
  if (lower == 0 && digits == 0) return upper >= 3;
  if (upper >= 2) return true;
  if (digits > 0 && letters >= 2) return true;
  const bool lowercase_start = token[0] >= 'a' && token[0] <= 'z';
  return lowercase_start && upper >= 1;
}

// Words that the last Korean word of a gloss may not be: they start a
// clause rather than name a thing.
bool IsKoreanFunctionWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {"본", "및", "또는", "그리고", "이를",
                                                "통해", "위한", "대한", "이", "그"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

bool IsHangulWord(std::string_view word) {
  if (word.empty()) return false;
  for (size_t i = 0; i < word.size();) {
    size_t length = 0;
    const char32_t c = DecodeUtf8(word, i, &length);
    if (!IsHangul(c) && !IsAsciiDigit(static_cast<unsigned char>(word[i]))) return false;
    i += length;
  }
  return true;
}

// True when the Hangul `word` ends in a case particle, which ends a noun
// phrase: `논문은` cannot be part of the term that follows it.
bool EndsWithParticle(std::string_view word) {
  static constexpr std::string_view kEndings[] = {"은", "는", "을", "를", "의", "에",
                                                  "와", "과", "도", "가", "서"};
  for (const std::string_view ending : kEndings) {
    if (word.size() > ending.size() && word.ends_with(ending)) return true;
  }
  return false;
}

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// The Korean term that ends at `end` (exclusive): up to `max_words` words
// of Hangul, nearest first, stopping after a word with a case particle.
std::string KoreanTermBefore(std::string_view text, size_t end, int max_words) {
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t begin = end;
  for (int words = 0; words < max_words; ++words) {
    size_t cursor = begin;
    while (cursor > 0 && text[cursor - 1] == ' ') --cursor;
    size_t word_begin = cursor;
    while (word_begin > 0 && text[word_begin - 1] != ' ' && text[word_begin - 1] != '(' &&
           text[word_begin - 1] != ',') {
      --word_begin;
    }
    const std::string_view word = text.substr(word_begin, cursor - word_begin);
    if (!IsHangulWord(word) || IsKoreanFunctionWord(word)) break;
    if (words > 0 && EndsWithParticle(word)) break;
    begin = word_begin;
  }
  return std::string(TrimSpaces(text.substr(begin, end - begin)));
}

int CountWords(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    if (c == ' ') {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

bool IsAcronym(std::string_view text) {
  if (text.size() < 2 || text.size() > 12) return false;
  int upper = 0;
  for (char c : text) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (!IsAsciiAlnum(byte) && c != '-') return false;
    if (IsAsciiUpper(byte)) ++upper;
  }
  return upper >= 2;
}

// True for the English side of a gloss that can be a name: a letter first,
// at most six words, and not a single plain lowercase word, which glosses
// translate as ordinary vocabulary (`폭(width)`, `(gradient)`).
bool IsEnglishName(std::string_view text) {
  if (text.size() < 2 || text.size() > 60) return false;
  const unsigned char first = static_cast<unsigned char>(text[0]);
  if (!IsAsciiAlnum(first) || IsAsciiDigit(first)) return false;
  const bool one_word = text.find(' ') == std::string_view::npos;
  const bool plain_lowercase = std::all_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (one_word && plain_lowercase) return false;
  for (char c : text) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (!IsAsciiAlnum(byte) && c != ' ' && c != '-' && c != '.' && c != '\'') return false;
  }
  return CountWords(text) <= 6;
}

// The offset of a descriptive suffix joined by a hyphen (`-based`,
// `-style`, `-free` ...), or npos.
size_t SuffixStart(std::string_view word) {
  static constexpr std::string_view kSuffixes[] = {
      "based", "like", "style", "aware", "free", "level", "scale", "wise", "driven", "guided",
      "specific", "only", "agnostic", "conditioned", "centric", "tuned", "augmented", "enhanced",
      "powered", "generated", "friendly", "compatible", "native", "ready", "sized"};
  const size_t hyphen = word.rfind('-');
  if (hyphen == std::string_view::npos || hyphen == 0) return std::string_view::npos;
  const std::string lower = AsciiLowercase(word.substr(hyphen + 1));
  for (const std::string_view suffix : kSuffixes) {
    if (lower == suffix) return hyphen;
  }
  return std::string_view::npos;
}

// True for arXiv subject classes (`cs.LG`, `stat.ML`, `eess.IV`) and
// LaTeX left in text (`exp\Big`, `x\times`), which are not names.
bool IsCategoryOrMarkup(std::string_view word) {
  static const RE2 pattern(
      R"(^(?:cs|stat|eess|math|econ|physics|q-bio|q-fin|quant-ph|cond-mat|astro-ph|hep-[a-z]+|nlin|gr-qc)\.[A-Za-z]{2}$|\\(?:Big|big|left|right|frac|math[a-z]*|text[a-z]*|times|cdot|sum|log|exp|sqrt|alpha|beta|lambda|theta|sigma|mu|pi|in|leq|geq|approx)\b)");
  return RE2::PartialMatch(re2::StringPiece(word.data(), word.size()), pattern);
}

// True for file-name artifacts such as `Biomarkers_20250922`: a run of six
// or more digits after an underscore is a date stamp, not part of a name.
bool HasDateStamp(std::string_view word) {
  static const RE2 stamp(R"(_\d{6,})");
  return RE2::PartialMatch(re2::StringPiece(word.data(), word.size()), stamp);
}

}  // namespace

std::vector<ShapeName> FindShapeNames(std::string_view text, const Vocabulary& vocabulary) {
  // Parts may be joined by `-_.+&\` (`GRPO-RoC`, `K&R-GEC`, `Esc\Former`)
  // or by an apostrophe before digits (`NIKL'21-GEC`); `C#` keeps its `#`.
  static const RE2 token(R"(([A-Za-z][A-Za-z0-9]*#?(?:(?:[-_.+&\\][A-Za-z0-9]+|'\d[A-Za-z0-9]*)#?)*))");
  static const RE2 url(R"(((?:https?://|www\.)[^\s)\]>]+))");

  std::vector<std::pair<size_t, size_t>> urls;
  re2::StringPiece url_input(text.data(), text.size());
  re2::StringPiece url_match;
  while (RE2::FindAndConsume(&url_input, url, &url_match)) {
    const size_t begin = static_cast<size_t>(url_match.data() - text.data());
    urls.emplace_back(begin, begin + url_match.size());
  }

  std::vector<ShapeName> names;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  while (RE2::FindAndConsume(&input, token, &match)) {
    const size_t begin = static_cast<size_t>(match.data() - text.data());
    size_t end = begin + match.size();
    if (begin > 0 && IsAsciiAlnum(static_cast<unsigned char>(text[begin - 1]))) continue;
    const bool in_url = std::any_of(urls.begin(), urls.end(), [&](const auto& range) {
      return begin >= range.first && begin < range.second;
    });
    if (in_url) continue;
    std::string_view word = text.substr(begin, end - begin);
    // `DiT-based`, `SAM-style`: the name is the part before the suffix.
    const size_t suffix = SuffixStart(word);
    if (suffix != std::string_view::npos) {
      word = word.substr(0, suffix);
      end = begin + word.size();
    }
    if (!IsShapeName(word) || vocabulary.IsStopword(NameKey(word)) || HasDateStamp(word) ||
        IsCategoryOrMarkup(word)) {
      continue;
    }

    // `IFS ENS`: two name-shaped words with one space between are one name.
    if (!names.empty() && names.back().end + 1 == begin && text[begin - 1] == ' ') {
      names.back().end = static_cast<uint32_t>(end);
      continue;
    }
    names.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
  }
  return names;
}

std::vector<Gloss> FindGlosses(std::string_view text) {
  std::vector<Gloss> glosses;
  size_t open = text.find('(');
  while (open != std::string_view::npos) {
    const size_t close = text.find(')', open);
    const size_t next_open = text.find('(', open + 1);
    if (close == std::string_view::npos) break;
    if (next_open != std::string_view::npos && next_open < close) {
      open = next_open;
      continue;
    }

    const std::string_view inner = text.substr(open + 1, close - open - 1);
    const size_t comma = inner.find(',');
    const std::string_view english = TrimSpaces(inner.substr(0, comma));
    const std::string_view acronym =
        comma == std::string_view::npos ? std::string_view() : TrimSpaces(inner.substr(comma + 1));

    size_t before = open;
    while (before > 0 && text[before - 1] == ' ') --before;
    size_t start = 0;
    const bool after_hangul = before > 0 && IsHangul(DecodeUtf8Before(text, before, &start));
    const bool after_latin = before > 0 && IsAsciiAlnum(static_cast<unsigned char>(text[before - 1]));

    if (after_hangul && IsEnglishName(english) && (acronym.empty() || IsAcronym(acronym))) {
      Gloss gloss;
      gloss.begin = static_cast<uint32_t>(english.data() - text.data());
      gloss.end = static_cast<uint32_t>(gloss.begin + english.size());
      gloss.english = std::string(english);
      gloss.korean = KoreanTermBefore(text, open, std::max(2, CountWords(english)));
      if (!acronym.empty()) {
        gloss.acronym = std::string(acronym);
        gloss.acronym_begin = static_cast<uint32_t>(acronym.data() - text.data());
        gloss.acronym_end = static_cast<uint32_t>(gloss.acronym_begin + acronym.size());
      }
      glosses.push_back(std::move(gloss));
    } else if (after_latin && comma == std::string_view::npos && IsAcronym(english)) {
      // `Long Name (ACRONYM)`: walk back over capitalised words to the one
      // whose initial is the acronym's.
      size_t name_begin = std::string_view::npos;
      size_t word_end = before;
      for (int words = 0; words < 6 && word_end > 0; ++words) {
        size_t word_begin = word_end;
        while (word_begin > 0 && text[word_begin - 1] != ' ') --word_begin;
        const std::string_view word = text.substr(word_begin, word_end - word_begin);
        if (word.empty() || !IsAsciiUpper(static_cast<unsigned char>(word[0]))) break;
        if (word[0] == english[0]) name_begin = word_begin;
        if (word_begin == 0) break;
        word_end = word_begin - 1;
      }
      if (name_begin != std::string_view::npos && before - name_begin > english.size()) {
        Gloss gloss;
        gloss.begin = static_cast<uint32_t>(name_begin);
        gloss.end = static_cast<uint32_t>(before);
        gloss.english = std::string(text.substr(name_begin, before - name_begin));
        gloss.acronym = std::string(english);
        gloss.acronym_begin = static_cast<uint32_t>(english.data() - text.data());
        gloss.acronym_end = static_cast<uint32_t>(gloss.acronym_begin + english.size());
        glosses.push_back(std::move(gloss));
      }
    }
    open = next_open;
  }
  return glosses;
}

std::string TitleName(std::string_view title) {
  const size_t colon = title.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 40) return "";
  const std::string_view prefix = TrimSpaces(title.substr(0, colon));
  const int words = CountWords(prefix);
  if (words == 0 || words > 2) return "";

  static constexpr std::string_view kNotNames[] = {
      "Behind", "Towards", "Toward", "Beyond", "When", "Why", "How", "What", "Is", "Are",
      "Do", "Does", "Can", "Not", "Rethinking", "Revisiting", "On", "A", "An", "The", "Survey",
      "Position", "Review", "Tutorial", "Note", "Report"};
  const std::string_view first = prefix.substr(0, prefix.find(' '));
  for (const std::string_view word : kNotNames) {
    if (first == word) return "";
  }
  // Two words are a name only when the first is name-shaped (`Hunyuan3D
  // Studio`); `Hala Technical` would be a phrase.
  if (words == 2 && !IsShapeName(first)) return "";
  // `제목: ...` and `입장: ...` are Korean labels, not names.
  if (!std::any_of(prefix.begin(), prefix.end(),
                   [](char c) { return IsAsciiUpper(static_cast<unsigned char>(c)) ||
                                       (c >= 'a' && c <= 'z'); })) {
    return "";
  }
  return std::string(prefix);
}

}  // namespace kgbuild
