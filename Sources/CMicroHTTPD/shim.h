#ifndef ZHANGGUI_CMICROHTTPD_SHIM_H
#define ZHANGGUI_CMICROHTTPD_SHIM_H
/* libmicrohttpd needs the socket types declared before its header. */
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>
#endif
