// SPDX-License-Identifier: GPL-2.0
/*
 * ppp_synctty: the framing of a synchronous line, as pure functions
 * (no tty, no locks, no skbs), so that KUnit can drive them alone.
 *
 * A frame on the line is [ff 03] protocol information: the address and
 * control field may be left out once ACFC is agreed (SC_COMP_AC), and a
 * protocol below 0x100 sent as one byte once PFC is (SC_COMP_PROT).  An
 * LCP Configure, Terminate or Code-Reject packet (codes 1 to 7) always
 * goes out in full (RFC 1661, 6.5 and 6.6), as ppp_async does.
 */
#include "ppp_synctty.h"

/**
 * ppp_sync_tx_header - how a frame from ppp_generic goes on the line
 * @data: the frame: protocol field (two bytes), information
 * @len: its length
 * @flags: the channel's SC_COMP_PROT and SC_COMP_AC
 * @pull: set to the bytes to take off the front (1: protocol compressed)
 *
 * Return: the bytes of address and control to put in front after that
 * (0 or PPP_SYNC_AC_LEN), or -EINVAL for a frame too short to carry a
 * protocol field and an LCP code, which is dropped.
 */
int ppp_sync_tx_header(const u8 *data, unsigned int len, unsigned int flags,
		       unsigned int *pull)
{
	bool lcp_full;

	*pull = 0;
	if (len < 3)
		return -EINVAL;
	lcp_full = data[0] == 0xc0 && data[1] == 0x21 &&
		   data[2] >= 1 && data[2] <= 7;
	if (lcp_full)
		return PPP_SYNC_AC_LEN;
	if (data[0] == 0 && (flags & SC_COMP_PROT))
		*pull = 1;
	return (flags & SC_COMP_AC) ? 0 : PPP_SYNC_AC_LEN;
}

/**
 * ppp_sync_rx_strip - check a received frame, find its protocol field
 * @buf: the frame, as one read of the tty gave it
 * @len: its length
 * @mru: the channel's MRU
 *
 * Address and control are skipped when present (ff 03); a frame without
 * them is taken as it is, as ACFC allows.  The protocol field must be
 * there: one odd byte (PFC) or two bytes.  The information behind it may
 * not exceed @mru: a longer frame is most likely two frames the line
 * merged, and delivering it would pass the second off as part of the
 * first.
 *
 * Return: the offset of the protocol field, -EINVAL for a runt or
 * -EMSGSIZE for a frame over the MRU.
 */
int ppp_sync_rx_strip(const u8 *buf, unsigned int len, unsigned int mru)
{
	unsigned int off = 0, plen;

	if (len >= PPP_SYNC_AC_LEN && buf[0] == PPP_ALLSTATIONS &&
	    buf[1] == PPP_UI)
		off = PPP_SYNC_AC_LEN;
	if (len <= off)
		return -EINVAL;			/* no protocol field */
	plen = (buf[off] & 1) ? 1 : 2;
	if (len < off + plen)
		return -EINVAL;
	if (len - off - plen > mru)
		return -EMSGSIZE;		/* over the MRU */
	return off;
}
