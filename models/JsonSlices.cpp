#include "JsonSlices.h"

#include <array>
#include <cstring>

namespace JsonSlices {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r'; // JSON's whitespace (RFC 8259 section 2)
}

// Whether the byte starts a string, is whitespace or a bracket, brace or comma: the only bytes the split looks
// at. A table, as most bytes of an answer are none of these.
bool isSpecial(char c)
{
    static constexpr auto table = [] {
        std::array<bool, 256> special {};
        for (unsigned char b : {'"', ' ', '\t', '\n', '\r', '{', '}', '[', ']', ','})
            special[b] = true;
        return special;
    }();
    return table[static_cast<unsigned char>(c)];
}

} // namespace

std::optional<QList<QByteArray>> arrayElements(const QByteArray &json)
{
    const char *const data = json.constData();
    const qsizetype size = json.size();
    qsizetype at = 0;
    while (at < size && isSpace(data[at]))
        ++at;
    if (at >= size || data[at] != '[')
        return std::nullopt;
    QList<QByteArray> elements;
    QByteArray current;
    int depth = 0;
    // Runs of bytes are copied whole: from `run` up to the next whitespace between tokens or element's end.
    qsizetype run = at + 1;
    const auto flush = [&](qsizetype end) {
        if (end > run)
            current.append(data + run, end - run);
    };
    for (++at; at < size; ++at) {
        const char c = data[at];
        if (!isSpecial(c))
            continue;
        if (c == '"') { // a string, copied whole later: skip to its closing quote
            for (;;) {
                const auto *quote = static_cast<const char *>(std::memchr(data + at + 1, '"', size_t(size - at - 1)));
                if (!quote)
                    return std::nullopt;
                at = quote - data;
                qsizetype backslashes = 0; // an odd number before it escapes the quote
                while (data[at - 1 - backslashes] == '\\')
                    ++backslashes;
                if (backslashes % 2 == 0)
                    break;
            }
            continue;
        }
        if (isSpace(c)) {
            flush(at);
            run = at + 1;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        } else if (c == ']' || (c == ',' && depth == 0)) { // the end of an element
            flush(at);
            run = at + 1;
            if (!current.isEmpty() || c == ',') {
                current.squeeze(); // kept for as long as the status: without the slack of its growth
                elements.append(current);
            }
            current.clear();
            if (c == ']')
                return elements;
        } else if (c == '}') {
            return std::nullopt; // a brace closing nothing: not an array this can split
        }
    }
    return std::nullopt;
}

bool isKeepableObject(QByteArrayView slice)
{
    if (slice.size() < 2 || slice.front() != '{' || slice.back() != '}')
        return false;
    for (qsizetype at = 0; at < slice.size(); ++at) {
        const auto c = static_cast<unsigned char>(slice[at]);
        if (c < 0x20)
            return false; // outside strings arrayElements has taken the whitespace out: this is inside one
        if (c == '\\') {
            if (++at >= slice.size() || !std::strchr("\"\\/bfnrtu", slice[at]) || slice[at] == '\0')
                return false;
        }
    }
    return true;
}

} // namespace JsonSlices
