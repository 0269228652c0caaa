/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * <linux/ppp-ioctl.h> - the ioctl contract of the PPP driver.
 *
 * This project's copy of the PPP userspace ABI (with <linux/ppp_defs.h>
 * and <linux/if_ppp.h>).  Names, values, ioctl numbers and structure
 * layouts are the Linux kernel's and must never change; the build checks
 * them against the target kernel (drivers/net/ppp/uapi_check.c) and
 * `make -C include/uapi check` against the host's headers.  Userspace can
 * build against this copy with `gcc -I include/uapi ...`.
 *
 * Requests that pass a struct sock_fprog (PPPIOCSPASS, PPPIOCSACTIVE) need
 * <linux/filter.h> included before they are used.
 *
 *
 * THE FOUR KINDS OF FILE DESCRIPTOR
 *
 * unattached  A fresh open("/dev/ppp") (char 108/0).  open() needs
 *             CAP_NET_ADMIN (EPERM otherwise), and so does every ioctl on
 *             an unattached fd (over the caller's network namespace).
 *             read()/write() fail with ENXIO.  One of PPPIOCNEWUNIT,
 *             PPPIOCATTACH or PPPIOCATTCHAN turns it, once and for good,
 *             into a unit or a channel fd.
 *
 * unit        Attached to a PPP unit, i.e. one "pppN" network interface.
 *             The fd that created the unit (PPPIOCNEWUNIT, or RTM_NEWLINK
 *             with IFLA_PPP_DEV_FD) owns it: closing that fd unregisters
 *             the interface.  read() returns frames for pppd (control
 *             protocols 0x8000-0xbfff, anything the interface can't take,
 *             and all traffic while SC_LOOP_TRAFFIC is set); write() sends
 *             through the unit's compression/multilink path.
 *
 * channel     Attached to a channel (one link: a tty running the N_PPP
 *             line discipline, a PPPoE session, ...).  read() returns link
 *             protocols (0xc000 and up, PPP_CCPFRAG) and everything while
 *             the channel is connected to no unit; write() sends the frame
 *             on this link as is.  Requests this header does not list for
 *             channel fds are handed to the channel's driver; the ones the
 *             async tty driver (ppp_async) answers are listed below.
 *
 * tty         A serial or pty fd whose line discipline is N_PPP (3) -- it
 *             owns one channel.  Only PPPIOCGCHAN and PPPIOCGUNIT are PPP
 *             requests there; termios requests and TCFLSH keep working
 *             (TCFLSH with TCOFLUSH/TCIOFLUSH also drops the frame being
 *             sent) and FIONREAD always reports 0.  read()/write() on the
 *             tty fail with EAGAIN: frames go through /dev/ppp.
 *
 * read() and write() carry one frame each, starting at the 2-byte
 * protocol field (no address/control, no FCS).  read(): a frame longer
 * than the buffer is dropped and EOVERFLOW returned; 0 (end of file) means
 * the unit or channel is gone (for a unit: also "no channel connected and
 * no SC_LOOP_TRAFFIC"); EAGAIN when empty and O_NONBLOCK.  write():
 * EINVAL for fewer than 2 bytes, or for an LCP frame shorter than its
 * 4-byte header.  poll() is always writable; POLLHUP once the object is
 * gone.
 *
 * ERRNOS COMMON TO ALL REQUESTS
 *
 *   EFAULT   the argument pointer is not readable/writable
 *   ENOTTY   the request does not apply to this kind of fd (or the
 *            feature is not built in, e.g. filters or multilink)
 *   EPERM    unattached fd without CAP_NET_ADMIN
 *   EINVAL   PPPIOCDETACH on any attached fd (the request was removed)
 *
 * All requests below take a pointer to their argument (the _IOW/_IOR
 * type), except those marked "no argument".
 */
#ifndef _PPPSTACK_UAPI_PPP_IOCTL_H
#define _PPPSTACK_UAPI_PPP_IOCTL_H

#include <linux/types.h>
#include <linux/ioctl.h>
#include <linux/ppp_defs.h>

/* ======================================================================
 * Flag word of PPPIOCGFLAGS / PPPIOCSFLAGS.
 *
 * The same ioctl pair exists on unit fds and on (async) channel fds; each
 * side keeps only the bits it uses:
 *   unit:    SC_COMP_TCP, SC_NO_TCP_CCID, SC_REJ_COMP_TCP, SC_CCP_OPEN,
 *            SC_CCP_UP, SC_LOOP_TRAFFIC, SC_MULTILINK, SC_MP_SHORTSEQ,
 *            SC_MP_XSHORTSEQ, SC_MUST_COMP; reading also returns the
 *            status bits SC_COMP_RUN, SC_DECOMP_RUN, SC_DC_ERROR,
 *            SC_DC_FERROR.
 *   channel: SC_COMP_PROT, SC_COMP_AC (and remembers the rest); the
 *            SC_RCV_* status bits are reported on read and re-armed by
 *            writing them as 0.
 */

/* Transmit-side options */
#define SC_COMP_PROT	0x00000001	/* send 1-byte protocol field (PFC) */
#define SC_COMP_AC	0x00000002	/* omit address/control (ACFC) */
#define SC_COMP_TCP	0x00000004	/* VJ-compress TCP/IP headers */
#define SC_NO_TCP_CCID	0x00000008	/* VJ: never omit the connection id */

/* Receive-side options */
#define SC_REJ_COMP_AC	0x00000010	/* refuse frames without addr/ctrl */
#define SC_REJ_COMP_TCP	0x00000020	/* refuse VJ-compressed frames */

/* Compression control (CCP) */
#define SC_CCP_OPEN	0x00000040	/* CCP negotiating: watch CCP frames */
#define SC_CCP_UP	0x00000080	/* CCP up: compressed frames allowed */
#define SC_MUST_COMP	0x00400000	/* never send or accept uncompressed */

#define SC_ENABLE_IP	0x00000100	/* IP may flow (unused by Linux) */
#define SC_LOOP_TRAFFIC	0x00000200	/* give outgoing datagrams to pppd */

/* Multilink (RFC 1990) */
#define SC_MULTILINK	0x00000400	/* bundle: fragment over channels */
#define SC_MP_SHORTSEQ	0x00000800	/* receive 12-bit sequence numbers */
#define SC_MP_XSHORTSEQ	0x00004000	/* transmit 12-bit sequence numbers */

/* Compressor status (read only) */
#define SC_COMP_RUN	0x00001000	/* transmit compressor initialised */
#define SC_DECOMP_RUN	0x00002000	/* receive decompressor initialised */
/* SC_DC_ERROR shares its bit with SC_MUST_COMP. */
#define SC_DC_ERROR	0x00400000	/* recoverable decompression error */
#define SC_DC_FERROR	0x00800000	/* fatal decompression error */

/* Diagnostics (kept, not acted upon by Linux) */
#define SC_DEBUG	0x00010000	/* debug messages */
#define SC_LOG_INPKT	0x00020000	/* log good received frames */
#define SC_LOG_OUTPKT	0x00040000	/* log sent frames */
#define SC_LOG_RAWIN	0x00080000	/* log every received octet */
#define SC_LOG_FLUSH	0x00100000	/* log octets thrown away */

#define SC_SYNC		0x00200000	/* synchronous (HDLC) line */

/* Bits historically declared settable by the user. */
#define SC_MASK		0x0f600fff

/* Async receiver status (read only, channel fd) */
#define SC_RCV_B7_0	0x01000000	/* saw an octet with bit 7 clear */
#define SC_RCV_B7_1	0x02000000	/* saw an octet with bit 7 set */
#define SC_RCV_EVNP	0x04000000	/* saw an octet with even parity */
#define SC_RCV_ODDP	0x08000000	/* saw an octet with odd parity */

#define SC_XMIT_BUSY	0x10000000	/* obsolete, never reported */

/* ======================================================================
 * Argument structures.
 */

/*
 * PPPIOCGNPMODE / PPPIOCSNPMODE: mode of one network protocol, which is
 * PPP_IP, PPP_IPV6, PPP_IPX, PPP_AT, PPP_MPLS_UC or PPP_MPLS_MC.
 */
struct npioctl {
	int		protocol;
	enum NPmode	mode;
};

/*
 * PPPIOCSCOMPRESS: one CCP configuration option, as negotiated, that
 * selects and parameterises a compressor.
 */
struct ppp_option_data {
	__u8	*ptr;		/* option: type, length, data... */
	__u32	length;		/* bytes at ptr */
	int	transmit;	/* non-zero: compressor; 0: decompressor */
};

/*
 * PPPIOCGL2TPSTATS: L2TP counters.  Answered by PPPoL2TP sockets only,
 * never by /dev/ppp.
 */
struct pppol2tp_ioc_stats {
	__u16		tunnel_id;
	__u16		session_id;	/* 0: whole-tunnel counters */
	__u32		using_ipsec:1;
	__aligned_u64	tx_packets;
	__aligned_u64	tx_bytes;
	__aligned_u64	tx_errors;
	__aligned_u64	rx_packets;
	__aligned_u64	rx_bytes;
	__aligned_u64	rx_seq_discards;
	__aligned_u64	rx_oos_packets;
	__aligned_u64	rx_errors;
};

/* ======================================================================
 * Requests on an UNATTACHED /dev/ppp fd.  All need CAP_NET_ADMIN (EPERM).
 */

/*
 * PPPIOCNEWUNIT - create a unit and its network interface ("ppp<unit>"
 * unless that name is taken) in the caller's network namespace; the fd
 * becomes its owning unit fd.
 * Argument: int, in: wanted unit number or -1 for the lowest free one;
 *           out: the unit number created.
 * Errors:   EEXIST  that unit number is in use (pppd then retries with -1)
 *           ENOMEM, or an error from registering the network interface
 */
#define PPPIOCNEWUNIT	_IOWR('t', 62, int)

/*
 * PPPIOCATTACH - make the fd a further (non-owning) unit fd of an
 * existing unit in the caller's network namespace (multilink bundles).
 * Argument: int unit number.
 * Errors:   ENXIO  no such unit
 */
#define PPPIOCATTACH	_IOW('t', 61, int)

/*
 * PPPIOCATTCHAN - make the fd a channel fd of an existing channel in the
 * caller's network namespace (index from PPPIOCGCHAN).
 * Argument: int channel index.
 * Errors:   ENXIO  no such channel
 */
#define PPPIOCATTCHAN	_IOW('t', 56, int)

/* ======================================================================
 * Requests on a CHANNEL fd, handled by the generic layer.
 */

/*
 * PPPIOCCONNECT - connect the channel to a unit (of the channel's
 * network namespace); its traffic then goes through that unit.
 * Argument: int unit number.
 * Errors:   ENXIO     no such unit
 *           EINVAL    already connected to a unit, or bridged
 *           ENOTCONN  the channel's driver has unregistered it
 */
#define PPPIOCCONNECT	_IOW('t', 58, int)

/*
 * PPPIOCDISCONN - disconnect the channel from its unit.
 * No argument.
 * Errors:   EINVAL  not connected
 */
#define PPPIOCDISCONN	_IO('t', 57)

/*
 * PPPIOCBRIDGECHAN - bridge this channel to another one: frames received
 * on either are sent out on the other unchanged (e.g. PPPoE <-> L2TP).
 * Argument: int index of the other channel.
 * Errors:   ENXIO     no such channel
 *           EALREADY  either channel is already bridged or connected
 */
#define PPPIOCBRIDGECHAN _IOW('t', 53, int)

/*
 * PPPIOCUNBRIDGECHAN - undo PPPIOCBRIDGECHAN (both directions).
 * No argument.
 * Errors:   EINVAL  not bridged
 */
#define PPPIOCUNBRIDGECHAN _IO('t', 52)

/* ======================================================================
 * Requests on a CHANNEL fd answered by the async tty driver (N_PPP).
 * Other channel drivers answer their own subset; ENOTTY for the rest.
 * Note that PPPIOCGFLAGS/PPPIOCSFLAGS and PPPIOCSMRU also exist on unit
 * fds with a different meaning (see below); the fd decides.
 */

/*
 * PPPIOCGASYNCMAP / PPPIOCSASYNCMAP - transmit ACCM for octets 0x00-0x1f
 * (RFC 1662 section 7.1): bit n set = escape octet n.  Default 0xffffffff.
 * Argument: __u32 (declared int).
 */
#define PPPIOCGASYNCMAP	_IOR('t', 88, int)
#define PPPIOCSASYNCMAP	_IOW('t', 87, int)

/*
 * PPPIOCGRASYNCMAP / PPPIOCSRASYNCMAP - receive ACCM: control octets
 * whose bit is set are discarded when they arrive unescaped.
 * Argument: __u32 (declared int).
 */
#define PPPIOCGRASYNCMAP _IOR('t', 85, int)
#define PPPIOCSRASYNCMAP _IOW('t', 84, int)

/*
 * PPPIOCGXASYNCMAP / PPPIOCSXASYNCMAP - the full 256-octet transmit map.
 * Setting always escapes 0x7d and 0x7e and never 0x5e.
 * Argument: ext_accm.
 */
#define PPPIOCGXASYNCMAP _IOR('t', 80, ext_accm)
#define PPPIOCSXASYNCMAP _IOW('t', 79, ext_accm)

/*
 * PPPIOCGMRU (channel only) / PPPIOCSMRU (channel: receive buffer size) -
 * Argument: int.  Values below PPP_MRU are raised to PPP_MRU.
 * Errors:   EINVAL  more than 65535
 */
#define PPPIOCGMRU	_IOR('t', 83, int)
#define PPPIOCSMRU	_IOW('t', 82, int)

/* ======================================================================
 * Requests on the N_PPP TTY fd.
 */

/*
 * PPPIOCGCHAN - index of the channel the line discipline registered (in
 * the network namespace of whoever set N_PPP); give it to PPPIOCATTCHAN.
 * Also answered by PPPoE/PPTP/L2TP sockets for their channel.
 * Argument: int, out.
 * Errors:   ENXIO  line discipline going away
 */
#define PPPIOCGCHAN	_IOR('t', 55, int)

/*
 * PPPIOCGUNIT - on a tty (or PPPoX socket): number of the unit its channel
 * is connected to, -1 if none.  On a unit fd: the unit's number.
 * Argument: int, out.
 * Errors:   ENXIO  (tty) line discipline going away
 */
#define PPPIOCGUNIT	_IOR('t', 86, int)

/* ======================================================================
 * Requests on a UNIT fd.
 */

/*
 * PPPIOCGFLAGS / PPPIOCSFLAGS - the SC_* flag word (see above for which
 * bits a unit and a channel keep).  On a unit, clearing SC_CCP_OPEN
 * releases the compressors and setting SC_MULTILINK restarts sequence
 * numbering.
 * Argument: int.
 */
#define PPPIOCGFLAGS	_IOR('t', 90, int)
#define PPPIOCSFLAGS	_IOW('t', 89, int)

/*
 * PPPIOCSMRU (unit) - MRU used for decompression buffers.
 * Argument: int.
 * Errors:   EINVAL  (this stack only) negative or more than 65535; the
 *                   in-tree driver stores any value
 */

/*
 * PPPIOCSMAXCID - (re)start VJ header compression.  Low 16 bits: highest
 * transmit slot id; high 16 bits: highest receive slot id (0 means 15).
 * Argument: int.
 * Errors:   EINVAL  slot counts out of range;  ENOMEM
 */
#define PPPIOCSMAXCID	_IOW('t', 81, int)

/*
 * PPPIOCSCOMPRESS - install a CCP (de)compressor chosen by the option's
 * type octet (ptr[0]); the kernel may load module "ppp-compress-<type>".
 * Argument: struct ppp_option_data.
 * Errors:   EFAULT   length > 32 (CCP_MAX_OPTION_LENGTH) or bad ptr
 *           EINVAL   length < 2, ptr[1] < 2 or ptr[1] > length, or no
 *                    compressor for that type
 *           ENOBUFS  the compressor refused the options / no memory
 */
#define PPPIOCSCOMPRESS	_IOW('t', 77, struct ppp_option_data)

/*
 * PPPIOCGNPMODE / PPPIOCSNPMODE - per-protocol pass/drop switch for
 * network datagrams (both directions).  Setting wakes the transmit queue.
 * Argument: struct npioctl (in for S; protocol in, mode out for G).
 * Errors:   EINVAL  protocol is not one the driver carries
 */
#define PPPIOCGNPMODE	_IOWR('t', 76, struct npioctl)
#define PPPIOCSNPMODE	_IOW('t', 75, struct npioctl)

/*
 * PPPIOCSPASS / PPPIOCSACTIVE - classic BPF program run on datagrams,
 * prefixed by a 4-byte pseudo header (DLT_PPP_PPPD: direction, 0x03,
 * protocol).  The pass filter drops what it rejects; the active filter
 * decides which datagrams count as activity for PPPIOCGIDLE*.  A program
 * of length 0 removes the filter.
 * Argument: struct sock_fprog (<linux/filter.h>).
 * Errors:   EINVAL  program rejected by the BPF checker;  ENOMEM;
 *           ENOTTY  kernel built without CONFIG_PPP_FILTER
 */
#define PPPIOCSPASS	_IOW('t', 71, struct sock_fprog)
#define PPPIOCSACTIVE	_IOW('t', 70, struct sock_fprog)

/*
 * PPPIOCGDEBUG / PPPIOCSDEBUG - debug level; bit 0 enables the driver's
 * debug messages.
 * Argument: int.
 */
#define PPPIOCGDEBUG	_IOR('t', 65, int)
#define PPPIOCSDEBUG	_IOW('t', 64, int)

/*
 * PPPIOCGIDLE32 / PPPIOCGIDLE64 / PPPIOCGIDLE - idle times of the unit.
 * PPPIOCGIDLE is one of the other two, depending on the ABI (see struct
 * ppp_idle in <linux/ppp_defs.h>).
 * Argument: struct ppp_idle32 / ppp_idle64 / ppp_idle, out.
 */
#define PPPIOCGIDLE	_IOR('t', 63, struct ppp_idle)
#define PPPIOCGIDLE32	_IOR('t', 63, struct ppp_idle32)
#define PPPIOCGIDLE64	_IOR('t', 63, struct ppp_idle64)

/*
 * PPPIOCSMRRU - multilink maximum reconstructed receive unit; 0 turns
 * multilink reception off.
 * Argument: int.
 * Errors:   ENOTTY  kernel built without CONFIG_PPP_MULTILINK
 *           EINVAL  (this stack only) negative or more than 65535
 */
#define PPPIOCSMRRU	_IOW('t', 59, int)

/* ======================================================================
 * Obsolete or foreign requests; /dev/ppp does not implement them.
 */

/* Removed: EINVAL on any attached fd, ENOTTY on an unattached one. */
#define PPPIOCDETACH	_IOW('t', 60, int)

/* Pre-2.4 tty driver only: ENOTTY. */
#define PPPIOCXFERUNIT	_IO('t', 78)

/* PPPoL2TP sockets only (struct pppol2tp_ioc_stats, out). */
#define PPPIOCGL2TPSTATS _IOR('t', 54, struct pppol2tp_ioc_stats)

/* ======================================================================
 * Requests on the "pppN" NETWORK INTERFACE, issued with ioctl() on any
 * socket and a struct ifreq whose ifr_data points at the result.  Their
 * numbers are device-private socket ioctls (SIOCDEVPRIVATE from
 * <linux/sockios.h>, which must be included before they are used).
 *
 * SIOCGPPPSTATS   struct ppp_stats, out
 * SIOCGPPPVER     char[] with the driver's version string ("2.4.2"), out;
 *                 this number must never change
 * SIOCGPPPCSTATS  struct ppp_comp_stats, out
 * Errors: EFAULT; ENODEV no such interface; EOPNOTSUPP not a ppp one.
 */
#define SIOCGPPPSTATS	(SIOCDEVPRIVATE + 0)
#define SIOCGPPPVER	(SIOCDEVPRIVATE + 1)
#define SIOCGPPPCSTATS	(SIOCDEVPRIVATE + 2)

#endif /* _PPPSTACK_UAPI_PPP_IOCTL_H */
