// The package manager links each executable target with `main` defined as `<Target>_main`,
// the name its generated entry point would have. The harnesses are built as libraries
// (-parse-as-library), so that entry point does not exist: these provide it, and hand
// control to libFuzzer's driver with the harness's LLVMFuzzerTestOneInput.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run(int argc, char **argv) { return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput); }

int FuzzICalendar_main(int argc, char **argv) { return run(argc, argv); }
int FuzzRecurrence_main(int argc, char **argv) { return run(argc, argv); }
int FuzzExtract_main(int argc, char **argv) { return run(argc, argv); }
int FuzzISO8601_main(int argc, char **argv) { return run(argc, argv); }
