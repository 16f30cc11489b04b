// Internal to export/: XML 1.0 text escaping shared by the GraphML and GEXF
// writers. Public headers: export/graphml.h, export/gexf.h.
#ifndef KGBUILD_EXPORT_XML_TEXT_H_
#define KGBUILD_EXPORT_XML_TEXT_H_

#include <string>
#include <string_view>

namespace kgbuild {

// Appends `text` escaped for XML 1.0 text or a double-quoted attribute
// value: `&` `<` `>` `"` `'` as &amp; &lt; &gt; &quot; &apos;, and tab,
// newline and carriage return as &#9; &#10; &#13; so that parsers do not
// normalise them away. Characters that XML 1.0 cannot carry (other
// U+0000-U+001F, U+FFFE, U+FFFF) and bytes that are not valid UTF-8 are
// replaced by U+FFFD, written like U+FFFD itself as the reference &#xFFFD;.
void AppendXmlEscaped(std::string_view text, std::string* out);

}  // namespace kgbuild

#endif  // KGBUILD_EXPORT_XML_TEXT_H_
