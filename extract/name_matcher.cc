#include "extract/name_matcher.h"

#include <algorithm>
#include <deque>
#include <set>

#include "extract/korean.h"
#include "vocab/text.h"

namespace kgbuild {

namespace {

int CountUppercase(std::string_view text) {
  return static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) {
    return IsAsciiUpper(static_cast<unsigned char>(c));
  }));
}

// The spellings matched for one vocabulary name: the name itself, and for a
// hyphenated name the forms without the hyphen and with a space; for a
// Korean name with spaces, the form without them.
std::set<std::string> Spellings(const std::string& name) {
  std::set<std::string> forms = {name};
  if (name.find('-') != std::string::npos) {
    std::string joined;
    std::string spaced;
    for (char c : name) {
      if (c != '-') joined.push_back(c);
      spaced.push_back(c == '-' ? ' ' : c);
    }
    forms.insert(joined);
    forms.insert(spaced);
  }
  if (ContainsHangul(name) && name.find(' ') != std::string::npos) {
    std::string joined;
    for (char c : name) {
      if (c != ' ') joined.push_back(c);
    }
    forms.insert(joined);
  }
  return forms;
}

}  // namespace

NameMatcher::NameMatcher(const Vocabulary& vocabulary) {
  states_.emplace_back();
  for (EntityId id = 0; id < vocabulary.entries().size(); ++id) {
    const VocabularyEntry& entry = vocabulary.entries()[id];
    std::set<std::string> forms;
    for (const std::string& name : {entry.name}) forms.merge(Spellings(name));
    for (const std::string& alias : entry.aliases) forms.merge(Spellings(alias));
    for (const std::string& form : forms) {
      if (form.size() >= 2) AddPattern(form, id);
    }
  }
  Build();
}

void NameMatcher::AddPattern(const std::string& form, EntityId entry) {
  int32_t state = 0;
  for (char raw : form) {
    const unsigned char byte = static_cast<unsigned char>(AsciiLower(raw));
    auto& next = states_[state].next;
    auto slot = std::lower_bound(next.begin(), next.end(), byte,
                                 [](const auto& edge, unsigned char b) { return edge.first < b; });
    if (slot != next.end() && slot->first == byte) {
      state = slot->second;
      continue;
    }
    const int32_t created = static_cast<int32_t>(states_.size());
    next.insert(slot, {byte, created});
    states_.emplace_back();
    state = created;
  }

  Pattern pattern;
  pattern.text = form;
  pattern.entry = entry;
  pattern.case_sensitive = CountUppercase(form) >= 2;
  states_[state].outputs.push_back(static_cast<int32_t>(patterns_.size()));
  patterns_.push_back(std::move(pattern));
}

void NameMatcher::Build() {
  std::fill(std::begin(root_next_), std::end(root_next_), 0);
  for (const auto& [byte, target] : states_[0].next) root_next_[byte] = target;

  // Breadth-first, so that each state's fail target is finished before it.
  std::deque<int32_t> queue;
  for (const auto& edge : states_[0].next) {
    states_[edge.second].fail = 0;
    queue.push_back(edge.second);
  }
  while (!queue.empty()) {
    const int32_t state = queue.front();
    queue.pop_front();
    for (const auto& [byte, target] : states_[state].next) {
      int32_t fallback = states_[state].fail;
      states_[target].fail = Step(fallback, byte);
      if (states_[target].fail == target) states_[target].fail = 0;
      const int32_t fail = states_[target].fail;
      states_[target].output_link =
          states_[fail].outputs.empty() ? states_[fail].output_link : fail;
      queue.push_back(target);
    }
  }
}

int32_t NameMatcher::Step(int32_t state, unsigned char byte) const {
  while (true) {
    if (state == 0) return root_next_[byte];
    const auto& next = states_[state].next;
    auto slot = std::lower_bound(next.begin(), next.end(), byte,
                                 [](const auto& edge, unsigned char b) { return edge.first < b; });
    if (slot != next.end() && slot->first == byte) return slot->second;
    state = states_[state].fail;
  }
}

bool NameMatcher::AcceptMatch(std::string_view text, size_t begin, size_t end,
                              const Pattern& pattern) const {
  if (pattern.case_sensitive && text.substr(begin, end - begin) != pattern.text) {
    return false;
  }

  const unsigned char first = static_cast<unsigned char>(text[begin]);
  const unsigned char last = static_cast<unsigned char>(text[end - 1]);
  if (begin > 0) {
    const unsigned char before = static_cast<unsigned char>(text[begin - 1]);
    if (IsAsciiAlnum(first)) {
      if (IsAsciiAlnum(before)) return false;
      // `Post-Training` does not hold the name `Training`.
      if ((before == '-' || before == '.') && begin > 1 &&
          IsAsciiAlnum(static_cast<unsigned char>(text[begin - 2]))) {
        return false;
      }
    } else if (first >= 0x80) {
      size_t start = 0;
      if (IsHangul(DecodeUtf8Before(text, begin, &start))) return false;
    }
  }

  if (end < text.size()) {
    const unsigned char after = static_cast<unsigned char>(text[end]);
    if (IsAsciiAlnum(last)) {
      if (IsAsciiAlnum(after)) return false;
      // `Qwen2.5-Coder` is not the name in `Qwen2.5-Coder-7B`.
      if ((after == '-' || after == '.' || after == '_') && end + 1 < text.size() &&
          IsAsciiAlnum(static_cast<unsigned char>(text[end + 1]))) {
        return false;
      }
    } else if (last >= 0x80) {
      size_t length = 0;
      if (IsHangul(DecodeUtf8(text, end, &length)) && !StartsWithParticle(text, end)) {
        return false;
      }
    }
  }
  return true;
}

std::vector<NameMatch> NameMatcher::FindAll(std::string_view text) const {
  std::vector<NameMatch> candidates;
  int32_t state = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    state = Step(state, static_cast<unsigned char>(AsciiLower(text[i])));
    for (int32_t at = states_[state].outputs.empty() ? states_[state].output_link : state;
         at > 0; at = states_[at].output_link) {
      for (const int32_t index : states_[at].outputs) {
        const Pattern& pattern = patterns_[index];
        const size_t end = i + 1;
        const size_t begin = end - pattern.text.size();
        if (AcceptMatch(text, begin, end, pattern)) {
          candidates.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end),
                                pattern.entry});
        }
      }
    }
  }

  std::sort(candidates.begin(), candidates.end(), [](const NameMatch& a, const NameMatch& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end > b.end;
  });
  std::vector<NameMatch> chosen;
  uint32_t covered = 0;
  for (const NameMatch& match : candidates) {
    if (!chosen.empty() && match.begin < covered) continue;
    chosen.push_back(match);
    covered = match.end;
  }
  return chosen;
}

}  // namespace kgbuild
