// Entry points for the fuzz executables (see fuzz_driver.c).
#pragma once
