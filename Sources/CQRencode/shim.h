#ifndef ZHANGGUI_CQRENCODE_SHIM_H
#define ZHANGGUI_CQRENCODE_SHIM_H
/* libqrencode (Debian libqrencode-dev): QR codes for the authenticator app's enrolment. */
#include <qrencode.h>
#endif
