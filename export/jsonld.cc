#include "export/jsonld.h"

#include <rapidjson/prettywriter.h>

#include <string>
#include <string_view>
#include <utility>

#include "export/utf8.h"
#include "vocab/text.h"

namespace kgbuild {
namespace {

// A RapidJSON output stream that buffers characters and passes them to a
// ByteSink, remembering the first failed write.
class SinkStream {
 public:
  using Ch = char;

  explicit SinkStream(ByteSink* sink) : sink_(sink) {}

  void Put(char c) {
    buffer_.push_back(c);
    if (buffer_.size() >= kBufferSize) Flush();
  }

  void Flush() {
    if (ok_ && !buffer_.empty()) ok_ = sink_->Write(buffer_);
    buffer_.clear();
  }

  bool ok() const { return ok_; }

 private:
  static constexpr size_t kBufferSize = 16 * 1024;

  ByteSink* sink_;
  std::string buffer_;
  bool ok_ = true;
};

using JsonWriter = rapidjson::PrettyWriter<SinkStream>;

using Prefixes = std::vector<std::pair<std::string, std::string>>;

void WriteString(std::string_view text, JsonWriter* writer) {
  if (FindInvalidUtf8(text) == std::string_view::npos) {
    writer->String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
    return;
  }
  const std::string valid = ReplaceInvalidUtf8(text);
  writer->String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}

// Returns `iri` as prefix:local with the longest matching namespace, or the
// full IRI when none matches. A local part that starts with "//" would read
// as an absolute IRI, so such an IRI stays full.
std::string CompactIri(std::string_view iri, const Prefixes& prefixes) {
  const std::pair<std::string, std::string>* best = nullptr;
  for (const auto& prefix : prefixes) {
    const std::string& name_space = prefix.second;
    if (iri.size() <= name_space.size() || !iri.starts_with(name_space)) continue;
    if (iri.substr(name_space.size()).starts_with("//")) continue;
    if (best == nullptr || name_space.size() > best->second.size()) best = &prefix;
  }
  if (best == nullptr) return EscapeIriForbidden(iri);
  return best->first + ":" + std::string(iri.substr(best->second.size()));
}

void WriteObject(const TripleView& triple, const Prefixes& prefixes,
                 JsonWriter* writer) {
  writer->StartObject();
  if (triple.object_kind == ObjectKind::kIri) {
    writer->Key("@id");
    WriteString(EscapeIriForbidden(triple.object), writer);
  } else {
    writer->Key("@value");
    WriteString(triple.object, writer);
    if (!triple.language.empty()) {
      writer->Key("@language");
      WriteString(triple.language, writer);
    } else if (!triple.datatype.empty()) {
      writer->Key("@type");
      WriteString(CompactIri(triple.datatype, prefixes), writer);
    }
  }
  writer->EndObject();
}

// Writes the node object of the subject of triples[begin, end).
void WriteNode(const TripleTable& triples, size_t begin, size_t end,
               const Prefixes& prefixes, JsonWriter* writer) {
  const std::string rdf_type = std::string(kRdfNamespace) + "type";
  writer->StartObject();
  writer->Key("@id");
  WriteString(EscapeIriForbidden(triples[begin].subject), writer);

  size_t i = begin;
  while (i < end) {
    const std::string_view predicate = triples[i].predicate;
    size_t group_end = i;
    while (group_end < end && triples[group_end].predicate == predicate) ++group_end;

    // rdf:type values that are IRIs go under "@type"; a literal one, which
    // BuildTriples never makes, keeps the property so no triple is lost.
    const bool is_type = predicate == rdf_type;
    if (is_type && triples[i].object_kind == ObjectKind::kIri) {
      writer->Key("@type");
      writer->StartArray();
      while (i < group_end && triples[i].object_kind == ObjectKind::kIri) {
        WriteString(CompactIri(triples[i].object, prefixes), writer);
        ++i;
      }
      writer->EndArray();
    }
    if (i < group_end) {
      WriteString(CompactIri(predicate, prefixes), writer);
      writer->StartArray();
      for (; i < group_end; ++i) WriteObject(triples[i], prefixes, writer);
      writer->EndArray();
    }
  }
  writer->EndObject();
}

}  // namespace

bool WriteJsonLd(const std::vector<Triple>& triples, const IriOptions& options,
                 ByteSink* sink) {
  TripleTable table;
  for (const Triple& triple : triples) table.Add(triple);
  table.Finish();
  return WriteJsonLd(table, options, sink);
}

bool WriteJsonLd(const TripleTable& triples, const IriOptions& options, ByteSink* sink) {
  const Prefixes prefixes = RdfPrefixes(options);
  SinkStream stream(sink);
  JsonWriter writer(stream);
  writer.SetIndent(' ', 1);

  writer.StartObject();
  writer.Key("@context");
  writer.StartObject();
  for (const auto& [prefix, name_space] : prefixes) {
    WriteString(prefix, &writer);
    WriteString(name_space, &writer);
  }
  writer.EndObject();

  writer.Key("@graph");
  writer.StartArray();
  size_t begin = 0;
  while (begin < triples.size() && stream.ok()) {
    size_t end = begin;
    while (end < triples.size() && triples[end].subject == triples[begin].subject) ++end;
    WriteNode(triples, begin, end, prefixes, &writer);
    begin = end;
  }
  writer.EndArray();
  writer.EndObject();

  stream.Put('\n');
  stream.Flush();
  return stream.ok();
}

}  // namespace kgbuild
