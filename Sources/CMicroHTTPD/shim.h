/* CMicroHTTPD: GNU libmicrohttpd for MoltServer's HTTP listener.
 * MHD_start_daemon, MHD_get_daemon_info and MHD_get_connection_info are variadic; the wrappers below take
 * typed arguments and build the option lists in C. microhttpd.h wants the socket headers first. */
#ifndef CMICROHTTPD_SHIM_H
#define CMICROHTTPD_SHIM_H
#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <string.h>
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <microhttpd.h>

/* How the daemon is started; zero values mean "library default" except where noted. */
struct cmhd_options {
    uint32_t ipv4_address;        /* host byte order; INADDR_LOOPBACK for 127.0.0.1 */
    uint16_t port;                /* 0 = ephemeral, read back with cmhd_bound_port */
    unsigned int thread_pool;     /* 0 = one thread per connection */
    unsigned int connection_timeout_seconds;
    unsigned int connection_limit;
    size_t connection_memory_limit;
};

/* The URI log callback: called first for each request with the raw URI (query string included); its
 * return value becomes the request's per-connection context. */
typedef void *(*cmhd_uri_callback)(void *cls, const char *uri, struct MHD_Connection *connection);

/* MHD_start_daemon with an option list built from cmhd_options (the call is variadic). The same `cls` goes
 * to the access handler, the completion callback and the URI callback. */
static inline struct MHD_Daemon *cmhd_start(const struct cmhd_options *o, MHD_AccessHandlerCallback handler,
                                            MHD_RequestCompletedCallback completed, cmhd_uri_callback uri,
                                            void *cls) {
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_port = htons(o->port);
    address.sin_addr.s_addr = htonl(o->ipv4_address);
    unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ITC;
    if (o->thread_pool == 0) flags |= MHD_USE_THREAD_PER_CONNECTION;
    else flags |= MHD_USE_EPOLL;
    unsigned int limit = o->connection_limit ? o->connection_limit : 1024;
    size_t memory = o->connection_memory_limit ? o->connection_memory_limit : 64 * 1024;
    if (o->thread_pool <= 1) {
        /* One polling thread: MHD ignores (and warns about) a pool of size 1. */
        if (o->thread_pool == 1) flags = (flags & ~MHD_USE_THREAD_PER_CONNECTION) | MHD_USE_EPOLL;
        return MHD_start_daemon(flags, o->port, NULL, NULL, handler, cls,
                                MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&address,
                                MHD_OPTION_CONNECTION_TIMEOUT, o->connection_timeout_seconds,
                                MHD_OPTION_CONNECTION_LIMIT, limit,
                                MHD_OPTION_CONNECTION_MEMORY_LIMIT, memory,
                                MHD_OPTION_NOTIFY_COMPLETED, completed, cls,
                                MHD_OPTION_URI_LOG_CALLBACK, uri, cls,
                                MHD_OPTION_END);
    }
    return MHD_start_daemon(flags, o->port, NULL, NULL, handler, cls,
                            MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&address,
                            MHD_OPTION_THREAD_POOL_SIZE, o->thread_pool,
                            MHD_OPTION_CONNECTION_TIMEOUT, o->connection_timeout_seconds,
                            MHD_OPTION_CONNECTION_LIMIT, limit,
                            MHD_OPTION_CONNECTION_MEMORY_LIMIT, memory,
                            MHD_OPTION_NOTIFY_COMPLETED, completed, cls,
                            MHD_OPTION_URI_LOG_CALLBACK, uri, cls,
                            MHD_OPTION_END);
}

/* MHD_get_daemon_info(MHD_DAEMON_INFO_BIND_PORT): the port actually bound (useful with port 0). */
static inline uint16_t cmhd_bound_port(struct MHD_Daemon *d) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    return info ? info->port : 0;
}

/* MHD_get_connection_info(MHD_CONNECTION_INFO_CLIENT_ADDRESS) as printable text ("" when unknown). */
static inline void cmhd_client_address(struct MHD_Connection *c, char *out, size_t out_size) {
    out[0] = '\0';
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr) return;
    const struct sockaddr *sa = info->client_addr;
    if (sa->sa_family == AF_INET) {
        inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, (socklen_t)out_size);
    } else if (sa->sa_family == AF_INET6) {
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, out, (socklen_t)out_size);
    }
}

#endif
