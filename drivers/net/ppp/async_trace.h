/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tracepoints of ppp_async (system "ppp_async"): a frame the decoder
 * dropped, with why (enum ppp_hdlc_err) and how many bytes it had.
 *
 *   echo 1 > /sys/kernel/tracing/events/ppp_async/frame_error/enable
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM ppp_async

#if !defined(_PPP_ASYNC_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _PPP_ASYNC_TRACE_H

#include <linux/tracepoint.h>
#include "async_hdlc.h"

TRACE_DEFINE_ENUM(PPP_HDLC_ERR_FCS);
TRACE_DEFINE_ENUM(PPP_HDLC_ERR_RUNT);
TRACE_DEFINE_ENUM(PPP_HDLC_ERR_LONG);
TRACE_DEFINE_ENUM(PPP_HDLC_ERR_ABORT);
TRACE_DEFINE_ENUM(PPP_HDLC_ERR_NOBUF);
TRACE_DEFINE_ENUM(PPP_HDLC_ERR_LINE);

/* Channel @chan's decoder dropped a frame of @len bytes for @cause. */
TRACE_EVENT(frame_error,
	TP_PROTO(int chan, int cause, unsigned int len),
	TP_ARGS(chan, cause, len),
	TP_STRUCT__entry(
		__field(int, chan)
		__field(int, cause)
		__field(unsigned int, len)
	),
	TP_fast_assign(
		__entry->chan = chan;
		__entry->cause = cause;
		__entry->len = len;
	),
	TP_printk("chan=%d cause=%s len=%u", __entry->chan,
		  __print_symbolic(__entry->cause,
				   { PPP_HDLC_ERR_FCS, "fcs" },
				   { PPP_HDLC_ERR_RUNT, "runt" },
				   { PPP_HDLC_ERR_LONG, "over_mru" },
				   { PPP_HDLC_ERR_ABORT, "abort" },
				   { PPP_HDLC_ERR_NOBUF, "no_buffer" },
				   { PPP_HDLC_ERR_LINE, "line_error" }),
		  __entry->len)
);

#endif /* _PPP_ASYNC_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE async_trace
#include <trace/define_trace.h>
