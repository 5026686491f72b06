/* Converts a plain-text article to EPUB and JATS through galley's C ABI.
 *
 *   cc -std=c99 convert_article.c $(pkg-config --cflags --libs --static galley)
 *   ./a.out examples/article.txt out      -> out/article.epub, out/article.xml
 *
 * Prints the warnings and, on failure, the stable error id and message. */
#include <galley/galley.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The whole file in memory (NULL when it cannot be read). */
static char* read_all(const char* path, size_t* len) {
  FILE* f = fopen(path, "rb");
  char* data = NULL;
  size_t size = 0, cap = 0, n;
  if (!f) return NULL;
  do {
    if (size == cap) {
      char* bigger = realloc(data, cap = cap ? cap * 2 : 65536);
      if (!bigger) { free(data); fclose(f); return NULL; }
      data = bigger;
    }
    n = fread(data + size, 1, cap - size, f);
    size += n;
  } while (n > 0);
  fclose(f);
  *len = size;
  return data;
}

/* One conversion of `text` to `format`, written to `path`; 0 on success. */
static int convert_to(const galley_options* base, const char* format, const char* text, size_t len, const char* path) {
  galley_options* options = galley_options_copy(base);
  galley_result* result = NULL;
  int status, failed = 1;
  size_t i, n;
  if (!options || galley_options_set(options, "to", format) != GALLEY_OK) {
    fprintf(stderr, "cannot set the output format %s\n", format);
    galley_options_free(options);
    return 1;
  }
  status = galley_convert(NULL, options, text, len, &result);
  for (i = 0; i < galley_result_warning_count(result); ++i)
    fprintf(stderr, "[WARNING] %s: %s\n", galley_result_warning_kind(result, i), galley_result_warning_message(result, i));
  if (status != GALLEY_OK) {
    fprintf(stderr, "%s: [%s] %s\n", format, galley_result_error_id(result), galley_result_error_message(result));
  } else {
    const char* out = galley_result_output(result, &n);
    FILE* f = fopen(path, "wb");
    if (f && fwrite(out, 1, n, f) == n && fclose(f) == 0) {
      printf("%s: %lu bytes (%s)\n", path, (unsigned long)n, galley_result_is_binary(result) ? "binary" : "text");
      failed = 0;
    } else {
      fprintf(stderr, "cannot write %s\n", path);
      if (f) fclose(f);
    }
  }
  galley_result_free(result);
  galley_options_free(options);
  return failed;
}

int main(int argc, char** argv) {
  const char* input = argc > 1 ? argv[1] : "examples/article.txt";
  const char* folder = argc > 2 ? argv[2] : ".";
  char epub[4096], jats[4096];
  size_t len = 0;
  char* text;
  galley_options* options;
  int failed;
  if (galley_abi_version() != GALLEY_ABI_VERSION) {
    fprintf(stderr, "galley.h is ABI %d, the library %d\n", GALLEY_ABI_VERSION, galley_abi_version());
    return 1;
  }
  text = read_all(input, &len);
  if (!text) { fprintf(stderr, "cannot read %s\n", input); return 1; }
  options = galley_options_new();
  /* The input's name: guesses nothing here (from is given), but local images are
   * then read below its folder, as the command does. */
  if (!options || galley_options_set(options, "from", "plain") != GALLEY_OK ||
      galley_options_set(options, "input-name", input) != GALLEY_OK ||
      galley_options_add_metadata(options, "publisher", "The Example Gazette") != GALLEY_OK) {
    fprintf(stderr, "cannot set the options\n");
    return 1;
  }
  snprintf(epub, sizeof epub, "%s/article.epub", folder);
  snprintf(jats, sizeof jats, "%s/article.xml", folder);
  failed = convert_to(options, "epub", text, len, epub) | convert_to(options, "jats", text, len, jats);
  galley_options_free(options);
  free(text);
  printf("galley %s, ABI %d\n", galley_version(), galley_abi_version());
  return failed;
}
