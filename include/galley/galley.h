/* galley's C ABI: convert articles from C (and from anything that calls C:
 * Python's ctypes, Rust, Go, ...). Plain C99, no C++ types cross it.
 *
 *   galley_options* o = galley_options_new();
 *   galley_options_set(o, "from", "plain");
 *   galley_options_set(o, "to", "epub");
 *   galley_result* r = NULL;
 *   int code = galley_convert(NULL, o, text, strlen(text), &r);
 *   if (code == GALLEY_OK) { size_t n; const char* bytes = galley_result_output(r, &n); ... }
 *   else fprintf(stderr, "[%s] %s\n", galley_result_error_id(r), galley_result_error_message(r));
 *   galley_result_free(r);
 *   galley_options_free(o);
 *
 * Rules that hold for every function:
 * - Strings are UTF-8. Those given to galley are NUL-terminated unless a length
 *   goes with them; those galley returns are NUL-terminated and stay valid until the
 *   handle they came from is freed.
 * - Nothing throws or aborts across the boundary: failures are return codes
 *   (galley_status), and a conversion's result handle also carries the stable
 *   error id ("galley.<area>.<what>") and the message.
 * - Thread safety: handles are independent. One options handle or registry handle
 *   may be used by many threads at once for conversions (they only read it); setting
 *   options while another thread converts with the same handle is not allowed.
 *   There is no global state besides the built-in formats, made once on first use.
 * - Memory that galley hands over (galley_result_take_output, galley_formats_json)
 *   is freed with galley_free; handles with their own _free function.
 */
#ifndef GALLEY_GALLEY_H
#define GALLEY_GALLEY_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The ABI this header describes. galley_abi_version() returns the ABI of the
 * library linked; a program checks they are equal before anything else. Added
 * functions do not change it; changed or removed ones do. */
#define GALLEY_ABI_VERSION 1
int galley_abi_version(void);
/* The library's version, e.g. "0.1.0". */
const char* galley_version(void);

/* Return codes: the galley command's exit status for the same failure. */
typedef enum galley_status {
  GALLEY_OK = 0,
  GALLEY_ERROR_USAGE = 2,      /* unknown format, option or value; a NULL argument */
  GALLEY_ERROR_INPUT = 3,      /* the input cannot be read as the format */
  GALLEY_ERROR_OUTPUT = 4,     /* the writer cannot write this document */
  GALLEY_ERROR_FILTER = 5,     /* a Pandoc JSON filter failed */
  GALLEY_ERROR_CANCELLED = 130,
  GALLEY_ERROR_INTERNAL = 70,  /* a bug, or out of memory */
} galley_status;

/* The formats known to conversions. NULL wherever a registry is asked for means the
 * built-in formats. A handle is only needed to keep a private copy; it is
 * read-only once made, so threads may share it. */
typedef struct galley_registry galley_registry;
galley_registry* galley_registry_builtin(void); /* NULL when out of memory */
void galley_registry_free(galley_registry* registry);

/* The readers and writers as JSON (UTF-8, NUL-terminated; free with galley_free):
 *   {"readers": [{"name", "aliases", "description", "extensions": [{"name", "default", "description"}],
 *                 "file_extensions"}...],
 *    "writers": [{... as readers, and "binary": true|false, "joins_documents": true|false}...],
 *    "default_reader": "...", "default_writer": "..."}
 * NULL when out of memory. */
char* galley_formats_json(const galley_registry* registry);
/* 1 when the writer `spec` ("epub", "jats+...") writes binary output, 0 when text,
 * -1 when no such writer. */
int galley_writer_is_binary(const galley_registry* registry, const char* spec);

/* Conversion options. Keys are the galley command's long options, values their
 * arguments as text:
 *   from, to                   format specs ("html+extract", "jats_publishing"); to: default json
 *   input-name                 the input's path: guesses `from`, default resource root, messages
 *   source-url, resource-root, encoding, epub-cover-image, pdf-engine
 *   standalone, toc            "true" or "false"
 *   columns, split-level, max-input-size, max-nesting, pandoc-api ("1.22" or "1.23"),
 *   source-date-epoch          numbers (SOURCE_DATE_EPOCH is NOT read from the environment)
 *   wrap                       auto, none, preserve
 * and these, which add one more each time (in order, as the command's repeated options):
 *   metadata                   "KEY=VALUE" (-M; "true"/"false" are booleans, no '=': true)
 *   variable                   "KEY=VALUE" (-V)
 *   metadata-file, filter, css, resource-path, pdf-engine-opt
 * galley_options_set returns GALLEY_ERROR_USAGE for an unknown key or a bad value
 * (the options are then unchanged). */
typedef struct galley_options galley_options;
galley_options* galley_options_new(void); /* NULL when out of memory */
galley_options* galley_options_copy(const galley_options* options);
void galley_options_free(galley_options* options);
int galley_options_set(galley_options* options, const char* key, const char* value);
/* One metadata field (as "metadata" with "KEY=VALUE", but the key may hold '=' and ':'),
 * and one writer variable (as "variable"). */
int galley_options_add_metadata(galley_options* options, const char* key, const char* value);
int galley_options_add_variable(galley_options* options, const char* key, const char* value);
/* Cancels every conversion running with these options, and later ones, between
 * stages (they return GALLEY_ERROR_CANCELLED). May be called from any thread. */
void galley_options_cancel(galley_options* options);

/* What a conversion made: the output, or the error; and the warnings either way. */
typedef struct galley_result galley_result;

/* Converts `input_len` bytes at `input` (need not be NUL-terminated; may be NULL when
 * input_len is 0). Returns the status, and stores a result handle in *result
 * whenever result is not NULL (also on failure, for the error's id and message;
 * NULL only when out of memory). */
int galley_convert(const galley_registry* registry, const galley_options* options, const char* input,
                   size_t input_len, galley_result** result);

int galley_result_status(const galley_result* result);
/* The output bytes (NUL-terminated beyond `*len` for text writers' convenience;
 * binary output may hold NUL bytes). Empty after a failure. `len` may be NULL. */
const char* galley_result_output(const galley_result* result, size_t* len);
/* The output, handed over: free it with galley_free. The result's output is then empty. */
char* galley_result_take_output(galley_result* result, size_t* len);
/* 1 when the writer wrote binary output (EPUB, PDF), else 0. */
int galley_result_is_binary(const galley_result* result);
/* The stable error id ("galley.json.parse") and the message; "" after success. */
const char* galley_result_error_id(const galley_result* result);
const char* galley_result_error_message(const galley_result* result);
/* Warnings about lost or rewritten content, in the order they were reported: the
 * kind ("lost-content", "rewritten-id", ...) and the message. NULL past the end. */
size_t galley_result_warning_count(const galley_result* result);
const char* galley_result_warning_kind(const galley_result* result, size_t index);
const char* galley_result_warning_message(const galley_result* result, size_t index);
void galley_result_free(galley_result* result);

/* Frees memory galley handed over. NULL is allowed. */
void galley_free(void* p);

#ifdef __cplusplus
}
#endif

#endif /* GALLEY_GALLEY_H */
