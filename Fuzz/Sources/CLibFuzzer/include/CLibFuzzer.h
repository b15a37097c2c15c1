// libFuzzer's driver, for a program that keeps its own main (see FuzzSupport/FuzzDriver.swift).
#ifndef KHUYENHOC_CLIBFUZZER_H
#define KHUYENHOC_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer with the program's arguments, calling `callback` for each input (libFuzzer 12 and later).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
