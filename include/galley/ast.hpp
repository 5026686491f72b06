// galley's document model: a one-to-one C++ mirror of pandoc-types 1.23.
// Type names are pandoc's constructor names because they are the JSON tags.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace galley {

// Box<T>: a value-semantics heap cell. The variants below hold their large
// alternatives (Link, Table, Header ...) in boxes so that an Inline stays 40
// bytes and a Block 32 (unboxed they were 176 and 400, and a document took
// ~90 bytes of memory per input byte). Callers never see the boxes: use
// x.as<Link>(), x.is<Link>() and galley::visit, which unwrap them.
template <class T>
class Box {
 public:
  Box(T value) : p_(std::make_unique<T>(std::move(value))) {}  // implicit, like the value itself
  Box(const Box& o) : p_(std::make_unique<T>(*o.p_)) {}
  Box(Box&&) noexcept = default;
  Box& operator=(const Box& o) { if (this != &o) p_ = std::make_unique<T>(*o.p_); return *this; }
  Box& operator=(Box&&) noexcept = default;
  T& operator*() { return *p_; }
  const T& operator*() const { return *p_; }
  T* operator->() { return p_.get(); }
  const T* operator->() const { return p_.get(); }
  T* get() { return p_.get(); }
  const T* get() const { return p_.get(); }
  bool operator==(const Box& o) const { return *p_ == *o.p_; }

 private:
  std::unique_ptr<T> p_;
};

namespace detail {
template <class T> struct stored { using type = T; };
template <class T> struct stored<Box<T>> { using type = T; };
template <class T> const T& unbox(const T& v) { return v; }
template <class T> T& unbox(T& v) { return v; }
template <class T> const T& unbox(const Box<T>& b) { return *b; }
template <class T> T& unbox(Box<T>& b) { return *b; }
// The alternative type that holds T in variant V (T itself or Box<T>).
template <class T, class V> struct holder;
template <class T, class... Ts> struct holder<T, std::variant<Ts...>> {
  static constexpr bool boxed = (std::is_same_v<Ts, Box<T>> || ...);
  using type = std::conditional_t<boxed, Box<T>, T>;
};
}  // namespace detail

struct Inline;
struct Block;
struct MetaValue;
using Inlines = std::vector<Inline>;
using Blocks = std::vector<Block>;

// Attr: identifier, classes, key-value pairs (pandoc's ("id", ["c"], [("k","v")])).
struct Attr {
  std::string id;
  std::vector<std::string> classes;
  std::vector<std::pair<std::string, std::string>> attributes;
  bool empty() const { return id.empty() && classes.empty() && attributes.empty(); }
  bool has_class(std::string_view c) const {
    for (auto& x : classes) if (x == c) return true;
    return false;
  }
  const std::string* get(std::string_view key) const {
    for (auto& kv : attributes) if (kv.first == key) return &kv.second;
    return nullptr;
  }
  bool operator==(const Attr&) const = default;
};

struct Target {
  std::string url;
  std::string title;
  bool operator==(const Target&) const = default;
};

enum class QuoteType { SingleQuote, DoubleQuote };
enum class MathType { DisplayMath, InlineMath };
enum class CitationMode { AuthorInText, SuppressAuthor, NormalCitation };
enum class ListNumberStyle { DefaultStyle, Example, Decimal, LowerRoman, UpperRoman, LowerAlpha, UpperAlpha };
enum class ListNumberDelim { DefaultDelim, Period, OneParen, TwoParens };
enum class Alignment { AlignLeft, AlignRight, AlignCenter, AlignDefault };

struct Citation {
  std::string id;
  Inlines prefix;
  Inlines suffix;
  CitationMode mode = CitationMode::NormalCitation;
  int note_num = 0;
  int hash = 0;
  bool operator==(const Citation&) const;
};

// ---- Inline constructors ----
struct Str { std::string text; bool operator==(const Str&) const = default; };
struct Emph { Inlines content; bool operator==(const Emph&) const; };
struct Underline { Inlines content; bool operator==(const Underline&) const; };
struct Strong { Inlines content; bool operator==(const Strong&) const; };
struct Strikeout { Inlines content; bool operator==(const Strikeout&) const; };
struct Superscript { Inlines content; bool operator==(const Superscript&) const; };
struct Subscript { Inlines content; bool operator==(const Subscript&) const; };
struct SmallCaps { Inlines content; bool operator==(const SmallCaps&) const; };
struct Quoted { QuoteType type = QuoteType::DoubleQuote; Inlines content; bool operator==(const Quoted&) const; };
struct Cite { std::vector<Citation> citations; Inlines content; bool operator==(const Cite&) const; };
struct Code { Attr attr; std::string text; bool operator==(const Code&) const = default; };
struct Space { bool operator==(const Space&) const = default; };
struct SoftBreak { bool operator==(const SoftBreak&) const = default; };
struct LineBreak { bool operator==(const LineBreak&) const = default; };
struct Math { MathType type = MathType::InlineMath; std::string text; bool operator==(const Math&) const = default; };
struct RawInline { std::string format; std::string text; bool operator==(const RawInline&) const = default; };
struct Link { Attr attr; Inlines content; Target target; bool operator==(const Link&) const; };
struct Image { Attr attr; Inlines content; Target target; bool operator==(const Image&) const; };
struct Note { Blocks content; bool operator==(const Note&) const; };
struct Span { Attr attr; Inlines content; bool operator==(const Span&) const; };

using InlineVariant = std::variant<Str, Emph, Underline, Strong, Strikeout, Superscript, Subscript, SmallCaps,
                                   Quoted, Box<Cite>, Box<Code>, Space, SoftBreak, LineBreak, Box<Math>,
                                   Box<RawInline>, Box<Link>, Box<Image>, Note, Box<Span>>;

struct Inline : InlineVariant {
  using InlineVariant::InlineVariant;
  using InlineVariant::operator=;
  const InlineVariant& base() const { return *this; }
  InlineVariant& base() { return *this; }
  template <class T> bool is() const { return std::holds_alternative<typename detail::holder<T, InlineVariant>::type>(base()); }
  template <class T> T* as() {
    auto p = std::get_if<typename detail::holder<T, InlineVariant>::type>(&base());
    return p ? &detail::unbox(*p) : nullptr;
  }
  template <class T> const T* as() const {
    auto p = std::get_if<typename detail::holder<T, InlineVariant>::type>(&base());
    return p ? &detail::unbox(*p) : nullptr;
  }
};

// ---- Table structure ----
struct ColSpec {
  Alignment align = Alignment::AlignDefault;
  std::optional<double> width;  // nullopt = ColWidthDefault
  bool operator==(const ColSpec&) const = default;
};
struct Cell {
  Attr attr;
  Alignment align = Alignment::AlignDefault;
  int row_span = 1;
  int col_span = 1;
  Blocks content;
  bool operator==(const Cell&) const;
};
struct Row { Attr attr; std::vector<Cell> cells; bool operator==(const Row&) const; };
struct TableHead { Attr attr; std::vector<Row> rows; bool operator==(const TableHead&) const; };
struct TableBody {
  Attr attr;
  int row_head_columns = 0;
  std::vector<Row> head;
  std::vector<Row> body;
  bool operator==(const TableBody&) const;
};
struct TableFoot { Attr attr; std::vector<Row> rows; bool operator==(const TableFoot&) const; };
struct Caption {
  std::optional<Inlines> short_caption;
  Blocks long_caption;
  bool operator==(const Caption&) const;
};
struct ListAttributes {
  int start = 1;
  ListNumberStyle style = ListNumberStyle::DefaultStyle;
  ListNumberDelim delim = ListNumberDelim::DefaultDelim;
  bool operator==(const ListAttributes&) const = default;
};

// ---- Block constructors ----
struct Plain { Inlines content; bool operator==(const Plain&) const; };
struct Para { Inlines content; bool operator==(const Para&) const; };
struct LineBlock { std::vector<Inlines> lines; bool operator==(const LineBlock&) const; };
struct CodeBlock { Attr attr; std::string text; bool operator==(const CodeBlock&) const = default; };
struct RawBlock { std::string format; std::string text; bool operator==(const RawBlock&) const = default; };
struct BlockQuote { Blocks content; bool operator==(const BlockQuote&) const; };
struct OrderedList { ListAttributes attrs; std::vector<Blocks> items; bool operator==(const OrderedList&) const; };
struct BulletList { std::vector<Blocks> items; bool operator==(const BulletList&) const; };
struct DefinitionItem {
  Inlines term;
  std::vector<Blocks> definitions;
  bool operator==(const DefinitionItem&) const;
};
struct DefinitionList { std::vector<DefinitionItem> items; bool operator==(const DefinitionList&) const; };
struct Header { int level = 1; Attr attr; Inlines content; bool operator==(const Header&) const; };
struct HorizontalRule { bool operator==(const HorizontalRule&) const = default; };
struct Table {
  Attr attr;
  Caption caption;
  std::vector<ColSpec> colspecs;
  TableHead head;
  std::vector<TableBody> bodies;
  TableFoot foot;
  bool operator==(const Table&) const;
};
struct Figure { Attr attr; Caption caption; Blocks content; bool operator==(const Figure&) const; };
struct Div { Attr attr; Blocks content; bool operator==(const Div&) const; };

using BlockVariant = std::variant<Plain, Para, LineBlock, Box<CodeBlock>, Box<RawBlock>, BlockQuote, Box<OrderedList>,
                                  BulletList, DefinitionList, Box<Header>, HorizontalRule, Box<Table>, Box<Figure>,
                                  Box<Div>>;

struct Block : BlockVariant {
  using BlockVariant::BlockVariant;
  using BlockVariant::operator=;
  const BlockVariant& base() const { return *this; }
  BlockVariant& base() { return *this; }
  template <class T> bool is() const { return std::holds_alternative<typename detail::holder<T, BlockVariant>::type>(base()); }
  template <class T> T* as() {
    auto p = std::get_if<typename detail::holder<T, BlockVariant>::type>(&base());
    return p ? &detail::unbox(*p) : nullptr;
  }
  template <class T> const T* as() const {
    auto p = std::get_if<typename detail::holder<T, BlockVariant>::type>(&base());
    return p ? &detail::unbox(*p) : nullptr;
  }
};

// ---- Metadata ----
// MetaMap holds `entries` (pandoc's `MetaMap (Map Text MetaValue)`).
struct MetaMap { std::map<std::string, MetaValue> entries; bool operator==(const MetaMap&) const; };
struct MetaList { std::vector<MetaValue> items; bool operator==(const MetaList&) const; };
struct MetaBool { bool value = false; bool operator==(const MetaBool&) const = default; };
struct MetaString { std::string text; bool operator==(const MetaString&) const = default; };
struct MetaInlines { Inlines content; bool operator==(const MetaInlines&) const; };
struct MetaBlocks { Blocks content; bool operator==(const MetaBlocks&) const; };

using MetaVariant = std::variant<MetaMap, MetaList, MetaBool, MetaString, MetaInlines, MetaBlocks>;
struct MetaValue : MetaVariant {
  using MetaVariant::MetaVariant;
  using MetaVariant::operator=;
  const MetaVariant& base() const { return *this; }
  MetaVariant& base() { return *this; }
  template <class T> bool is() const { return std::holds_alternative<typename detail::holder<T, MetaVariant>::type>(base()); }
  template <class T> T* as() {
    auto p = std::get_if<typename detail::holder<T, MetaVariant>::type>(&base());
    return p ? &detail::unbox(*p) : nullptr;
  }
  template <class T> const T* as() const {
    auto p = std::get_if<typename detail::holder<T, MetaVariant>::type>(&base());
    return p ? &detail::unbox(*p) : nullptr;
  }
};
using Meta = std::map<std::string, MetaValue>;

// The whole document: `Pandoc Meta [Block]`.
class ResourceStore;  // galley/resource_store.hpp

struct Document {
  Meta meta;
  Blocks blocks;
  // Resources the reader found with the document (a web archive's images), for
  // the writers (see WriterOptions::resources.store). Not part of Pandoc's
  // model: not written, not compared, lost through a JSON filter (the pipeline
  // keeps it).
  std::shared_ptr<const ResourceStore> resources;
  bool operator==(const Document&) const;
};

bool operator==(const Inline& a, const Inline& b);
bool operator==(const Block& a, const Block& b);
bool operator==(const MetaValue& a, const MetaValue& b);

// std::visit over an Inline, Block or MetaValue with boxes unwrapped: `f`
// receives Link&, Table& ... as if the variant held them directly.
template <class F> decltype(auto) visit(F&& f, const Inline& x) {
  return std::visit([&](const auto& v) -> decltype(auto) { return f(detail::unbox(v)); }, x.base());
}
template <class F> decltype(auto) visit(F&& f, Inline& x) {
  return std::visit([&](auto& v) -> decltype(auto) { return f(detail::unbox(v)); }, x.base());
}
template <class F> decltype(auto) visit(F&& f, const Block& x) {
  return std::visit([&](const auto& v) -> decltype(auto) { return f(detail::unbox(v)); }, x.base());
}
template <class F> decltype(auto) visit(F&& f, Block& x) {
  return std::visit([&](auto& v) -> decltype(auto) { return f(detail::unbox(v)); }, x.base());
}
template <class F> decltype(auto) visit(F&& f, const MetaValue& x) { return std::visit(std::forward<F>(f), x.base()); }
template <class F> decltype(auto) visit(F&& f, MetaValue& x) { return std::visit(std::forward<F>(f), x.base()); }

}  // namespace galley
