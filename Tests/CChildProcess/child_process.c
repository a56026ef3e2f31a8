#define _GNU_SOURCE
#include "child_process.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/// Closes every descriptor from `first` below `limit`, but `keep`; only async-signal-safe calls.
static void close_from(int first, int keep, long limit) {
#ifdef SYS_close_range
    if (keep > first && syscall(SYS_close_range, first, keep - 1, 0) == 0 &&
        syscall(SYS_close_range, keep + 1, ~0U, 0) == 0) {
        return;
    }
#endif
    for (int fd = first; fd < limit; fd++) {
        if (fd != keep) close(fd);
    }
}

pid_t casevault_test_spawn(const char *path, char *const argv[], char *const envp[], const char *directory,
                           int input, int output, int errors) {
    long limit = sysconf(_SC_OPEN_MAX);
    if (limit < 0 || limit > 65536) limit = 65536;
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) return -errno;
    pid_t pid = fork();
    if (pid < 0) {
        int failure = errno;
        close(report[0]);
        close(report[1]);
        return -failure;
    }
    if (pid == 0) {
        setsid();
        for (int signal_number = 1; signal_number < NSIG; signal_number++) {
            if (signal_number != SIGKILL && signal_number != SIGSTOP) signal(signal_number, SIG_DFL);
        }
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        int failure = 0;
        if (directory != NULL && chdir(directory) != 0) failure = errno;
        if (failure == 0 && (dup2(input, 0) < 0 || dup2(output, 1) < 0 || dup2(errors, 2) < 0)) failure = errno;
        // dup2 onto the same number keeps close-on-exec: clear it on the three the child gets.
        for (int fd = 0; failure == 0 && fd <= 2; fd++) {
            if (fcntl(fd, F_SETFD, 0) < 0) failure = errno;
        }
        if (failure == 0) {
            close_from(3, report[1], limit);
            execve(path, argv, envp);
            failure = errno;
        }
        while (write(report[1], &failure, sizeof failure) < 0 && errno == EINTR) {}
        _exit(127);
    }
    close(report[1]);
    int failure = 0;
    ssize_t got;
    do {
        got = read(report[0], &failure, sizeof failure);
    } while (got < 0 && errno == EINTR);
    close(report[0]);
    if (got == (ssize_t)sizeof failure) {
        while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {}
        return -failure;
    }
    return pid;
}

int casevault_test_detach_terminal(void) {
    int null_device = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (null_device < 0) return -errno;
    int failure = dup2(null_device, 0) < 0 ? errno : 0;
    if (null_device != 0) close(null_device);
    if (failure != 0) return -failure;
    if (getsid(0) == getpid()) return 0;
    int terminal = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (terminal < 0) return 0;
    failure = ioctl(terminal, TIOCNOTTY) < 0 ? errno : 0;
    close(terminal);
    return -failure;
}

int casevault_test_pipe(int descriptors[2]) {
    return pipe2(descriptors, O_CLOEXEC) == 0 ? 0 : -errno;
}

void casevault_test_line_buffer_stdout(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
}
