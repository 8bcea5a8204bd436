#ifndef ZHANGGUI_CHTTPSHIMS_H
#define ZHANGGUI_CHTTPSHIMS_H
/* Plain functions around the variadic libmicrohttpd calls, which Swift does not import. */
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>

/* What the daemon is started with; see zhanggui_http_start_daemon. */
struct zhanggui_http_daemon_options {
    unsigned int flags;
    const struct sockaddr *address;
    unsigned int thread_pool_size;
    unsigned int connection_timeout_seconds;
    unsigned int connection_limit;
    MHD_AccessHandlerCallback handler;
    void *handler_context;
    MHD_RequestCompletedCallback completed;
    void *completed_context;
};

/* Starts a daemon bound to options->address with a thread pool; NULL when it cannot start. */
struct MHD_Daemon *zhanggui_http_start_daemon(const struct zhanggui_http_daemon_options *options);

/* The port the daemon listens on (the one the system chose when asked for port 0); 0 when unknown. */
uint16_t zhanggui_http_bound_port(struct MHD_Daemon *daemon);

/* Writes the client's numeric address (IPv4 or IPv6) into buffer; returns 0, or -1 when unknown. */
int zhanggui_http_client_address(struct MHD_Connection *connection, char *buffer, size_t size);

#endif
