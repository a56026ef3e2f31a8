#ifndef CASEVAULT_TEST_CHILD_PROCESS_H
#define CASEVAULT_TEST_CHILD_PROCESS_H

#include <sys/types.h>

/// Starts `path` for a test in a new session, so it has no controlling terminal and can never
/// wait on the terminal of whoever runs the tests. Its stdin, stdout and stderr are the given
/// descriptors, every other descriptor is closed, signal dispositions and the signal mask are
/// reset to their defaults. `directory` may be NULL. Returns the child's pid, or -errno when it
/// could not be started (the program missing included).
pid_t casevault_test_spawn(const char *path, char *const argv[], char *const envp[], const char *directory,
                           int input, int output, int errors);

/// Detaches the calling test process from its controlling terminal and points its stdin at
/// /dev/null, so code under test that runs in-process and asks the terminal or reads stdin gets
/// "no terminal" or end of input instead of waiting on whoever runs the tests. A session leader
/// keeps its terminal (detaching it would hang up the whole session). Returns 0, or -errno.
int casevault_test_detach_terminal(void);

/// Creates a pipe whose ends are closed on exec (children get only what they are given).
/// Returns 0, or -errno.
int casevault_test_pipe(int descriptors[2]);

/// Makes the test process's stdout line-buffered, so a log cut off by a CI time limit still
/// shows the test that was running.
void casevault_test_line_buffer_stdout(void);

#endif
