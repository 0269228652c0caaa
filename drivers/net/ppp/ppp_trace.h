/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tracepoints of ppp_generic (system "ppp"): every frame in from a
 * channel, every frame out to one, every frame dropped, with why
 * (ppp_stats.h), and every multilink fragment sent or received.  Off,
 * each is a static branch over a few loads.
 *
 *   echo 1 > /sys/kernel/tracing/events/ppp/enable
 *   perf record -e 'pp?:*' -a    (perf reads a bare "ppp" as a modifier)
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM ppp

#if !defined(_PPP_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _PPP_TRACE_H

#include <linux/tracepoint.h>
#include "ppp_stats.h"

#define PPP_STAT_TRACE_ENUM(id, name)	TRACE_DEFINE_ENUM(PPP_STAT_##id);
#define PPP_STAT_SYM(id, name)		{ PPP_STAT_##id, #name },
#define PPP_STAT_SYM_END(id, name)	{ PPP_STAT_##id, #name }

PPP_STATS(PPP_STAT_TRACE_ENUM, PPP_STAT_TRACE_ENUM)

/* A frame from channel @chan, for unit @unit (-1: pppd's, on the channel). */
TRACE_EVENT(ppp_input,
	TP_PROTO(int chan, int unit, u16 proto, unsigned int len),
	TP_ARGS(chan, unit, proto, len),
	TP_STRUCT__entry(
		__field(int, chan)
		__field(int, unit)
		__field(u16, proto)
		__field(unsigned int, len)
	),
	TP_fast_assign(
		__entry->chan = chan;
		__entry->unit = unit;
		__entry->proto = proto;
		__entry->len = len;
	),
	TP_printk("chan=%d unit=%d proto=0x%04x len=%u",
		  __entry->chan, __entry->unit, __entry->proto, __entry->len)
);

/* A frame of unit @unit handed to channel @chan's start_xmit. */
TRACE_EVENT(ppp_xmit,
	TP_PROTO(int unit, u16 proto, unsigned int len, int chan),
	TP_ARGS(unit, proto, len, chan),
	TP_STRUCT__entry(
		__field(int, unit)
		__field(u16, proto)
		__field(unsigned int, len)
		__field(int, chan)
	),
	TP_fast_assign(
		__entry->unit = unit;
		__entry->proto = proto;
		__entry->len = len;
		__entry->chan = chan;
	),
	TP_printk("unit=%d proto=0x%04x len=%u chan=%d",
		  __entry->unit, __entry->proto, __entry->len, __entry->chan)
);

/* A frame of unit @unit dropped at @location for @cause. */
TRACE_EVENT(ppp_drop,
	TP_PROTO(int unit, int cause, unsigned int len, void *location),
	TP_ARGS(unit, cause, len, location),
	TP_STRUCT__entry(
		__field(int, unit)
		__field(int, cause)
		__field(unsigned int, len)
		__field(void *, location)
	),
	TP_fast_assign(
		__entry->unit = unit;
		__entry->cause = cause;
		__entry->len = len;
		__entry->location = location;
	),
	TP_printk("unit=%d cause=%s len=%u location=%pS",
		  __entry->unit,
		  __print_symbolic(__entry->cause,
				   PPP_STATS(PPP_STAT_SYM, PPP_STAT_SYM_END)),
		  __entry->len, __entry->location)
);

/*
 * A multilink fragment: sent (@tx) by unit @unit on channel @chan (handed
 * to it or queued behind its frames), or received on it.  @flags has
 * the header's B (0x80, a frame's first fragment) and E (0x40, its
 * last) bits, @seq the sequence number (received: widened to 32 bits),
 * @len the bytes after the fragment header.
 */
TRACE_EVENT(ppp_mp_fragment,
	TP_PROTO(int unit, int chan, bool tx, u32 seq, u8 flags,
		 unsigned int len),
	TP_ARGS(unit, chan, tx, seq, flags, len),
	TP_STRUCT__entry(
		__field(int, unit)
		__field(int, chan)
		__field(bool, tx)
		__field(u32, seq)
		__field(u8, flags)
		__field(unsigned int, len)
	),
	TP_fast_assign(
		__entry->unit = unit;
		__entry->chan = chan;
		__entry->tx = tx;
		__entry->seq = seq;
		__entry->flags = flags;
		__entry->len = len;
	),
	TP_printk("unit=%d chan=%d dir=%s seq=%u flags=%s len=%u",
		  __entry->unit, __entry->chan, __entry->tx ? "tx" : "rx",
		  __entry->seq,
		  __print_flags(__entry->flags, "", { 0x80, "B" }, { 0x40, "E" }),
		  __entry->len)
);

#endif /* _PPP_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE ppp_trace
#include <trace/define_trace.h>
