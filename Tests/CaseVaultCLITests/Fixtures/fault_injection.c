/* Fault injection for the reliability tests, loaded into `casevault` with LD_PRELOAD (compiled by
 * FaultInjectionTests with the system cc). It makes the file system under one folder fail the way
 * a real one does, and leaves every other file alone:
 *   CASEVAULT_FAULT=enospc   writes fail with ENOSPC (disk full) once CASEVAULT_FAULT_AFTER bytes
 *                            were written under the folder
 *   CASEVAULT_FAULT=eio      the same with EIO (an I/O error on write)
 *   CASEVAULT_FAULT=erofs    the folder is on a read-only file system: opening a file there for
 *                            writing, creating, renaming or removing one fails with EROFS
 *   CASEVAULT_FAULT_PATH     the folder (an absolute path, without a trailing slash)
 * Written by hand: no Debian package injects errno faults per folder without root (libfiu needs
 * its own launcher and wraps every file; a small tmpfs or a read-only mount needs mount rights). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static int fault_kind(void) {
    const char *kind = getenv("CASEVAULT_FAULT");
    if (!kind) return 0;
    if (!strcmp(kind, "enospc")) return ENOSPC;
    if (!strcmp(kind, "eio")) return EIO;
    if (!strcmp(kind, "erofs")) return EROFS;
    return 0;
}

static int under_folder(const char *path) {
    const char *folder = getenv("CASEVAULT_FAULT_PATH");
    if (!folder || !path) return 0;
    char absolute[PATH_MAX];
    if (path[0] != '/') {
        if (!getcwd(absolute, sizeof absolute)) return 0;
        size_t length = strlen(absolute);
        snprintf(absolute + length, sizeof absolute - length, "/%s", path);
        path = absolute;
    }
    size_t length = strlen(folder);
    return strncmp(path, folder, length) == 0 && (path[length] == '/' || path[length] == 0);
}

static int fd_under_folder(int fd) {
    char link[64], target[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t length = readlink(link, target, sizeof target - 1);
    if (length <= 0) return 0;
    target[length] = 0;
    return under_folder(target);
}

static long long written;

/* Whether a write of `count` bytes to `fd` fails; sets errno when it does. */
static int write_fails(int fd, size_t count) {
    int kind = fault_kind();
    if ((kind != ENOSPC && kind != EIO) || !fd_under_folder(fd)) return 0;
    const char *after = getenv("CASEVAULT_FAULT_AFTER");
    long long budget = after ? atoll(after) : 0;
    if (written + (long long)count <= budget) {
        written += (long long)count;
        return 0;
    }
    errno = kind;
    return 1;
}

static int open_fails(const char *path, int flags) {
    if (fault_kind() != EROFS || !under_folder(path)) return 0;
    if ((flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC)) == 0) return 0;
    errno = EROFS;
    return 1;
}

#define NEXT(name) static __typeof__(name) *next; if (!next) next = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buffer, size_t count) {
    NEXT(write);
    return write_fails(fd, count) ? -1 : next(fd, buffer, count);
}
ssize_t pwrite(int fd, const void *buffer, size_t count, off_t offset) {
    NEXT(pwrite);
    return write_fails(fd, count) ? -1 : next(fd, buffer, count, offset);
}
ssize_t pwrite64(int fd, const void *buffer, size_t count, off_t offset) {
    NEXT(pwrite64);
    return write_fails(fd, count) ? -1 : next(fd, buffer, count, offset);
}
ssize_t writev(int fd, const struct iovec *vector, int count) {
    NEXT(writev);
    size_t total = 0;
    for (int index = 0; index < count; index++) total += vector[index].iov_len;
    return write_fails(fd, total) ? -1 : next(fd, vector, count);
}
int ftruncate(int fd, off_t length) {
    NEXT(ftruncate);
    if (fault_kind() == EROFS && fd_under_folder(fd)) { errno = EROFS; return -1; }
    return next(fd, length);
}
int ftruncate64(int fd, off_t length) {
    NEXT(ftruncate64);
    if (fault_kind() == EROFS && fd_under_folder(fd)) { errno = EROFS; return -1; }
    return next(fd, length);
}
int fallocate(int fd, int mode, off_t offset, off_t length) {
    NEXT(fallocate);
    if (write_fails(fd, (size_t)length)) return -1;
    return next(fd, mode, offset, length);
}
int posix_fallocate(int fd, off_t offset, off_t length) {
    NEXT(posix_fallocate);
    if (write_fails(fd, (size_t)length)) return errno;
    return next(fd, offset, length);
}

static mode_t mode_argument(int flags, va_list arguments) {
    return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? (mode_t)va_arg(arguments, int) : 0;
}
int open(const char *path, int flags, ...) {
    NEXT(open);
    va_list arguments; va_start(arguments, flags); mode_t mode = mode_argument(flags, arguments); va_end(arguments);
    return open_fails(path, flags) ? -1 : next(path, flags, mode);
}
int open64(const char *path, int flags, ...) {
    NEXT(open64);
    va_list arguments; va_start(arguments, flags); mode_t mode = mode_argument(flags, arguments); va_end(arguments);
    return open_fails(path, flags) ? -1 : next(path, flags, mode);
}
int openat(int directory, const char *path, int flags, ...) {
    NEXT(openat);
    va_list arguments; va_start(arguments, flags); mode_t mode = mode_argument(flags, arguments); va_end(arguments);
    return (path[0] == '/' || directory == AT_FDCWD) && open_fails(path, flags) ? -1 : next(directory, path, flags, mode);
}
int openat64(int directory, const char *path, int flags, ...) {
    NEXT(openat64);
    va_list arguments; va_start(arguments, flags); mode_t mode = mode_argument(flags, arguments); va_end(arguments);
    return (path[0] == '/' || directory == AT_FDCWD) && open_fails(path, flags) ? -1 : next(directory, path, flags, mode);
}

static int changes_folder(const char *path) {
    if (fault_kind() != EROFS || !under_folder(path)) return 0;
    errno = EROFS;
    return 1;
}
int unlink(const char *path) { NEXT(unlink); return changes_folder(path) ? -1 : next(path); }
int rename(const char *from, const char *to) {
    NEXT(rename);
    return changes_folder(from) || changes_folder(to) ? -1 : next(from, to);
}
int renameat(int from_directory, const char *from, int to_directory, const char *to) {
    NEXT(renameat);
    return changes_folder(from) || changes_folder(to) ? -1 : next(from_directory, from, to_directory, to);
}
int renameat2(int from_directory, const char *from, int to_directory, const char *to, unsigned int flags) {
    NEXT(renameat2);
    return changes_folder(from) || changes_folder(to) ? -1 : next(from_directory, from, to_directory, to, flags);
}
int mkdir(const char *path, mode_t mode) { NEXT(mkdir); return changes_folder(path) ? -1 : next(path, mode); }
int link(const char *from, const char *to) { NEXT(link); return changes_folder(to) ? -1 : next(from, to); }
