/*
 * LD_PRELOAD shim that confines a server to this machine: every bind() to the wildcard address
 * (0.0.0.0 or ::) binds to loopback instead. Orthanc 1.10.1 has no bind-address option and
 * listens on all interfaces; `RemoteAccessAllowed: false` only refuses remote requests after
 * accepting them, while this keeps the port closed to the network altogether.
 *
 * It also asks the kernel to end the process when its parent (the test run) dies, so a killed
 * test run leaves no server behind.
 *
 * Build: gcc -shared -fPIC -o loopback.so loopback.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <netinet/in.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>

__attribute__((constructor)) static void die_with_parent(void) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
}

int bind(int fd, const struct sockaddr *addr, socklen_t len) {
  static int (*real_bind)(int, const struct sockaddr *, socklen_t);
  if (real_bind == NULL) real_bind = (int (*)(int, const struct sockaddr *, socklen_t))dlsym(RTLD_NEXT, "bind");
  if (addr != NULL && addr->sa_family == AF_INET && len >= (socklen_t)sizeof(struct sockaddr_in)) {
    struct sockaddr_in local;
    memcpy(&local, addr, sizeof local);
    if (local.sin_addr.s_addr == htonl(INADDR_ANY)) {
      local.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      return real_bind(fd, (const struct sockaddr *)&local, sizeof local);
    }
  }
  if (addr != NULL && addr->sa_family == AF_INET6 && len >= (socklen_t)sizeof(struct sockaddr_in6)) {
    struct sockaddr_in6 local;
    memcpy(&local, addr, sizeof local);
    if (memcmp(&local.sin6_addr, &in6addr_any, sizeof local.sin6_addr) == 0) {
      local.sin6_addr = in6addr_loopback;
      return real_bind(fd, (const struct sockaddr *)&local, sizeof local);
    }
  }
  return real_bind(fd, addr, len);
}
