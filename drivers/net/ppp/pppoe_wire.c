// SPDX-License-Identifier: GPL-2.0
/*
 * pppoe: header checks on received frames.  Pure functions of the bytes
 * (no skb, no state), so that the KUnit suite can feed them every cut and
 * every bad field.  The receive path pulls the bytes into the linear area
 * first and passes how many there are.
 */
#include "pppoe.h"

/* Header (6) and the 2-byte PPP protocol that must follow it. */
#define PPPOE_SES_MIN	(sizeof(struct pppoe_hdr) + 2)

/**
 * pppoe_check_session - check a session-stage (0x8864) header
 * @hdr: the PPPoE header
 * @len: bytes from @hdr to the end of the frame (Ethernet padding included)
 * @payload_len: set to the length field (the PPP frame's length) on success
 *
 * The length field must fit in the frame (anything after it is Ethernet
 * padding) and cover at least the PPP protocol, and that protocol must be
 * uncompressed: RFC 2516 forbids protocol field compression, and
 * ppp_generic reads a 2-byte protocol (the in-tree driver once passed
 * such frames up, and the kernel then read the protocol from one byte
 * plus whatever followed).
 *
 * Return: PPPOE_HDR_OK or why the frame is dropped.
 */
enum pppoe_hdr_verdict pppoe_check_session(const void *hdr, unsigned int len,
					   unsigned int *payload_len)
{
	const struct pppoe_hdr *ph = hdr;
	const u8 *payload = (const u8 *)(ph + 1);
	unsigned int plen;

	if (len < PPPOE_SES_MIN)
		return PPPOE_HDR_SHORT;
	if (*(const u8 *)ph != PPPOE_VER_TYPE)
		return PPPOE_HDR_VER_TYPE;
	if (ph->code != PPPOE_CODE_SESSION)
		return PPPOE_HDR_CODE;
	plen = ntohs(ph->length);
	if (plen < 2 || plen > len - sizeof(*ph))
		return PPPOE_HDR_LENGTH;
	if (payload[0] & 1)
		return PPPOE_HDR_PFC;
	*payload_len = plen;
	return PPPOE_HDR_OK;
}

/**
 * pppoe_check_disc - check a discovery (0x8863) header before its code is
 * looked at
 * @hdr: the PPPoE header
 * @len: bytes from @hdr to the end of the frame
 *
 * Only PADT is acted upon in the kernel; its tags are not read, but the
 * length field must still fit in the frame.
 *
 * Return: PPPOE_HDR_OK or why the frame is ignored.
 */
enum pppoe_hdr_verdict pppoe_check_disc(const void *hdr, unsigned int len)
{
	const struct pppoe_hdr *ph = hdr;

	if (len < sizeof(*ph))
		return PPPOE_HDR_SHORT;
	if (*(const u8 *)ph != PPPOE_VER_TYPE)
		return PPPOE_HDR_VER_TYPE;
	if (ntohs(ph->length) > len - sizeof(*ph))
		return PPPOE_HDR_LENGTH;
	return PPPOE_HDR_OK;
}
