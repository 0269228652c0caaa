// SPDX-License-Identifier: GPL-2.0
/*
 * Compile-time proof that our copy of the PPP userspace ABI
 * (include/uapi/linux/{ppp_defs,ppp-ioctl,if_ppp}.h) is the kernel's: every
 * macro value, every ioctl number, the NPMODE_* enumerators, and the size,
 * alignment and member offsets of every structure.
 *
 * How: with the structure, enum and typedef names of the ABI renamed to
 * k_* (and the NPMODE_* enumerators to K_NPMODE_*), include the reference
 * headers through <linux/...> and record the value of each of their macros
 * (enumerators K_*); drop the renames, #undef the macros, include our copy
 * by relative path, and static_assert that both agree.
 *
 * The file declares only types and enumerators: it generates no code and
 * exports nothing.  It is built twice:
 *  - in the kernel module build (Kbuild, ppp_generic-y): the reference is
 *    the target kernel's include/uapi;
 *  - on the host (`make -C include/uapi check`): the reference is the C
 *    library's kernel headers, /usr/include/linux (linux-libc-dev) - useful
 *    for cross builds whose KDIR carries no uapi headers.
 * If the reference headers do not exist at all, there is nothing to check
 * and the file is empty.
 */

#if defined(__has_include)
#if __has_include(<linux/ppp-ioctl.h>)
#define PPP_UAPI_HAVE_REFERENCE
#endif
#endif

#ifdef PPP_UAPI_HAVE_REFERENCE

#ifdef __KERNEL__
#include <linux/build_bug.h>
#include <linux/stddef.h>
/* What the kernel's <linux/ppp_defs.h> includes, outside the renames below. */
#include <linux/crc-ccitt.h>
#include <linux/skbuff.h>
#else
#include <assert.h>
#include <stddef.h>
#endif
#include <linux/types.h>
#include <linux/ioctl.h>
#include <linux/sockios.h>	/* SIOCDEVPRIVATE */
#include <linux/filter.h>	/* struct sock_fprog */

/* ---- 1. the reference headers, their types renamed to k_* ------------- */

#define ext_accm		k_ext_accm
#define NPmode			k_NPmode
#define NPMODE_PASS		K_NPMODE_PASS
#define NPMODE_DROP		K_NPMODE_DROP
#define NPMODE_ERROR		K_NPMODE_ERROR
#define NPMODE_QUEUE		K_NPMODE_QUEUE
#define pppstat			k_pppstat
#define vjstat			k_vjstat
#define compstat		k_compstat
#define ppp_stats		k_ppp_stats
#define ppp_comp_stats		k_ppp_comp_stats
#define ppp_idle		k_ppp_idle
#define ppp_idle32		k_ppp_idle32
#define ppp_idle64		k_ppp_idle64
#define npioctl			k_npioctl
#define ppp_option_data		k_ppp_option_data
#define pppol2tp_ioc_stats	k_pppol2tp_ioc_stats

#include <linux/ppp_defs.h>
#include <linux/ppp-ioctl.h>
#include <linux/if_ppp.h>

#if defined(_PPPSTACK_UAPI_PPP_DEFS_H) || defined(_PPPSTACK_UAPI_PPP_IOCTL_H)
#error "<linux/ppp*.h> is our own copy: keep include/uapi off this include path"
#endif

/* Every object-like macro of ppp_defs.h and ppp-ioctl.h. */
#define PPP_UAPI_DEFS(X)						\
	X(PPP_HDRLEN) X(PPP_FCSLEN) X(PPP_MRU)				\
	X(PPP_ALLSTATIONS) X(PPP_UI) X(PPP_FLAG) X(PPP_ESCAPE)		\
	X(PPP_TRANS) X(PPP_INITFCS) X(PPP_GOODFCS)			\
	X(PPP_IP) X(PPP_AT) X(PPP_IPX) X(PPP_VJC_COMP)			\
	X(PPP_VJC_UNCOMP) X(PPP_MP) X(PPP_IPV6) X(PPP_COMPFRAG)		\
	X(PPP_COMP) X(PPP_MPLS_UC) X(PPP_MPLS_MC) X(PPP_IPCP)		\
	X(PPP_ATCP) X(PPP_IPXCP) X(PPP_IPV6CP) X(PPP_CCPFRAG)		\
	X(PPP_CCP) X(PPP_MPLSCP) X(PPP_LCP) X(PPP_PAP) X(PPP_LQR)	\
	X(PPP_CHAP) X(PPP_CBCP)

#define PPP_UAPI_FLAGS(X)						\
	X(SC_COMP_PROT) X(SC_COMP_AC) X(SC_COMP_TCP) X(SC_NO_TCP_CCID)	\
	X(SC_REJ_COMP_AC) X(SC_REJ_COMP_TCP) X(SC_CCP_OPEN)		\
	X(SC_CCP_UP) X(SC_ENABLE_IP) X(SC_LOOP_TRAFFIC)			\
	X(SC_MULTILINK) X(SC_MP_SHORTSEQ) X(SC_COMP_RUN)		\
	X(SC_DECOMP_RUN) X(SC_MP_XSHORTSEQ) X(SC_DEBUG)			\
	X(SC_LOG_INPKT) X(SC_LOG_OUTPKT) X(SC_LOG_RAWIN)		\
	X(SC_LOG_FLUSH) X(SC_SYNC) X(SC_MUST_COMP) X(SC_MASK)		\
	X(SC_XMIT_BUSY) X(SC_RCV_ODDP) X(SC_RCV_EVNP) X(SC_RCV_B7_1)	\
	X(SC_RCV_B7_0) X(SC_DC_FERROR) X(SC_DC_ERROR)

#define PPP_UAPI_IOCTLS(X)						\
	X(PPPIOCGFLAGS) X(PPPIOCSFLAGS) X(PPPIOCGASYNCMAP)		\
	X(PPPIOCSASYNCMAP) X(PPPIOCGUNIT) X(PPPIOCGRASYNCMAP)		\
	X(PPPIOCSRASYNCMAP) X(PPPIOCGMRU) X(PPPIOCSMRU)			\
	X(PPPIOCSMAXCID) X(PPPIOCGXASYNCMAP) X(PPPIOCSXASYNCMAP)	\
	X(PPPIOCXFERUNIT) X(PPPIOCSCOMPRESS) X(PPPIOCGNPMODE)		\
	X(PPPIOCSNPMODE) X(PPPIOCSPASS) X(PPPIOCSACTIVE)		\
	X(PPPIOCGDEBUG) X(PPPIOCSDEBUG) X(PPPIOCGIDLE)			\
	X(PPPIOCGIDLE32) X(PPPIOCGIDLE64) X(PPPIOCNEWUNIT)		\
	X(PPPIOCATTACH) X(PPPIOCDETACH) X(PPPIOCSMRRU)			\
	X(PPPIOCCONNECT) X(PPPIOCDISCONN) X(PPPIOCATTCHAN)		\
	X(PPPIOCGCHAN) X(PPPIOCGL2TPSTATS) X(PPPIOCBRIDGECHAN)		\
	X(PPPIOCUNBRIDGECHAN)						\
	X(SIOCGPPPSTATS) X(SIOCGPPPVER) X(SIOCGPPPCSTATS)

/*
 * Record each reference value, while the renames are in effect (ioctl
 * numbers mention the structures): K_<name> and KH_<name> hold its low and
 * high 32 bits (an enumerator must fit an int; ioctl numbers are unsigned
 * long), KT_<name> its type as width and signedness.
 */
#define PPP_UAPI_LO(v)		((int)(v))
#define PPP_UAPI_HI(v)		((int)((unsigned long long)(v) >> 32))
#define PPP_UAPI_TYPE(v)						\
	((int)sizeof(v) * 2 + ((__typeof__(v))-1 > (__typeof__(v))0))
#define PPP_UAPI_RECORD(name)						\
	K_##name = PPP_UAPI_LO(name),					\
	KH_##name = PPP_UAPI_HI(name),					\
	KT_##name = PPP_UAPI_TYPE(name),
enum { PPP_UAPI_DEFS(PPP_UAPI_RECORD) };
enum { PPP_UAPI_FLAGS(PPP_UAPI_RECORD) };
enum { PPP_UAPI_IOCTLS(PPP_UAPI_RECORD) };
#undef PPP_UAPI_RECORD

/* ---- 2. make room for ours -------------------------------------------- */

#undef ext_accm
#undef NPmode
#undef NPMODE_PASS
#undef NPMODE_DROP
#undef NPMODE_ERROR
#undef NPMODE_QUEUE
#undef pppstat
#undef vjstat
#undef compstat
#undef ppp_stats
#undef ppp_comp_stats
#undef ppp_idle
#undef ppp_idle32
#undef ppp_idle64
#undef npioctl
#undef ppp_option_data
#undef pppol2tp_ioc_stats

#undef PPP_ADDRESS
#undef PPP_CONTROL
#undef PPP_PROTOCOL

#undef PPP_HDRLEN
#undef PPP_FCSLEN
#undef PPP_MRU
#undef PPP_ALLSTATIONS
#undef PPP_UI
#undef PPP_FLAG
#undef PPP_ESCAPE
#undef PPP_TRANS
#undef PPP_INITFCS
#undef PPP_GOODFCS
#undef PPP_IP
#undef PPP_AT
#undef PPP_IPX
#undef PPP_VJC_COMP
#undef PPP_VJC_UNCOMP
#undef PPP_MP
#undef PPP_IPV6
#undef PPP_COMPFRAG
#undef PPP_COMP
#undef PPP_MPLS_UC
#undef PPP_MPLS_MC
#undef PPP_IPCP
#undef PPP_ATCP
#undef PPP_IPXCP
#undef PPP_IPV6CP
#undef PPP_CCPFRAG
#undef PPP_CCP
#undef PPP_MPLSCP
#undef PPP_LCP
#undef PPP_PAP
#undef PPP_LQR
#undef PPP_CHAP
#undef PPP_CBCP

#undef SC_COMP_PROT
#undef SC_COMP_AC
#undef SC_COMP_TCP
#undef SC_NO_TCP_CCID
#undef SC_REJ_COMP_AC
#undef SC_REJ_COMP_TCP
#undef SC_CCP_OPEN
#undef SC_CCP_UP
#undef SC_ENABLE_IP
#undef SC_LOOP_TRAFFIC
#undef SC_MULTILINK
#undef SC_MP_SHORTSEQ
#undef SC_COMP_RUN
#undef SC_DECOMP_RUN
#undef SC_MP_XSHORTSEQ
#undef SC_DEBUG
#undef SC_LOG_INPKT
#undef SC_LOG_OUTPKT
#undef SC_LOG_RAWIN
#undef SC_LOG_FLUSH
#undef SC_SYNC
#undef SC_MUST_COMP
#undef SC_MASK
#undef SC_XMIT_BUSY
#undef SC_RCV_ODDP
#undef SC_RCV_EVNP
#undef SC_RCV_B7_1
#undef SC_RCV_B7_0
#undef SC_DC_FERROR
#undef SC_DC_ERROR

#undef PPPIOCGFLAGS
#undef PPPIOCSFLAGS
#undef PPPIOCGASYNCMAP
#undef PPPIOCSASYNCMAP
#undef PPPIOCGUNIT
#undef PPPIOCGRASYNCMAP
#undef PPPIOCSRASYNCMAP
#undef PPPIOCGMRU
#undef PPPIOCSMRU
#undef PPPIOCSMAXCID
#undef PPPIOCGXASYNCMAP
#undef PPPIOCSXASYNCMAP
#undef PPPIOCXFERUNIT
#undef PPPIOCSCOMPRESS
#undef PPPIOCGNPMODE
#undef PPPIOCSNPMODE
#undef PPPIOCSPASS
#undef PPPIOCSACTIVE
#undef PPPIOCGDEBUG
#undef PPPIOCSDEBUG
#undef PPPIOCGIDLE
#undef PPPIOCGIDLE32
#undef PPPIOCGIDLE64
#undef PPPIOCNEWUNIT
#undef PPPIOCATTACH
#undef PPPIOCDETACH
#undef PPPIOCSMRRU
#undef PPPIOCCONNECT
#undef PPPIOCDISCONN
#undef PPPIOCATTCHAN
#undef PPPIOCGCHAN
#undef PPPIOCGL2TPSTATS
#undef PPPIOCBRIDGECHAN
#undef PPPIOCUNBRIDGECHAN
#undef SIOCGPPPSTATS
#undef SIOCGPPPVER
#undef SIOCGPPPCSTATS

/*
 * A name left out above would make the comparison below vacuous (the
 * reference compared with itself).  Using every name as a member name
 * fails to compile while any of them is still a macro.
 */
#define PPP_UAPI_AS_MEMBER(name)	int name;
struct ppp_uapi_all_undefined {
	PPP_UAPI_DEFS(PPP_UAPI_AS_MEMBER)
	PPP_UAPI_FLAGS(PPP_UAPI_AS_MEMBER)
	PPP_UAPI_IOCTLS(PPP_UAPI_AS_MEMBER)
};

#undef PPP_UAPI_AS_MEMBER

/* ---- 3. ours ----------------------------------------------------------
 * ppp_defs.h first: the <linux/ppp_defs.h> inside our ppp-ioctl.h finds
 * the reference's include guard and adds nothing.
 */
#include "../../../include/uapi/linux/ppp_defs.h"
#include "../../../include/uapi/linux/ppp-ioctl.h"
#include "../../../include/uapi/linux/if_ppp.h"

#if !defined(_PPPSTACK_UAPI_PPP_DEFS_H) || !defined(_PPPSTACK_UAPI_PPP_IOCTL_H) || \
	!defined(_PPPSTACK_UAPI_IF_PPP_H)
#error "our include/uapi/linux headers were not the ones included"
#endif
#if !defined(PPP_ADDRESS) || !defined(PPP_CONTROL) || !defined(PPP_PROTOCOL)
#error "PPP_ADDRESS/PPP_CONTROL/PPP_PROTOCOL missing from our ppp_defs.h"
#endif

/* ---- 4. compare --------------------------------------------------------- */

#define PPP_UAPI_SAME_VALUE(name)					\
	static_assert(K_##name == PPP_UAPI_LO(name) &&			\
		      KH_##name == PPP_UAPI_HI(name) &&			\
		      KT_##name == PPP_UAPI_TYPE(name),			\
		      #name " differs from the kernel's");
PPP_UAPI_DEFS(PPP_UAPI_SAME_VALUE)
PPP_UAPI_FLAGS(PPP_UAPI_SAME_VALUE)
PPP_UAPI_IOCTLS(PPP_UAPI_SAME_VALUE)
#undef PPP_UAPI_SAME_VALUE

#define PPP_UAPI_SAME_ENUMERATOR(name)					\
	static_assert((int)K_##name == (int)(name), #name " differs from the kernel's")
PPP_UAPI_SAME_ENUMERATOR(NPMODE_PASS);
PPP_UAPI_SAME_ENUMERATOR(NPMODE_DROP);
PPP_UAPI_SAME_ENUMERATOR(NPMODE_ERROR);
PPP_UAPI_SAME_ENUMERATOR(NPMODE_QUEUE);
static_assert(__builtin_types_compatible_p(k_ext_accm, ext_accm),
	      "ext_accm differs from the kernel's");
static_assert(sizeof(enum k_NPmode) == sizeof(enum NPmode) &&
	      _Alignof(enum k_NPmode) == _Alignof(enum NPmode),
	      "enum NPmode differs from the kernel's");

/* Same size and alignment. */
#define PPP_UAPI_SAME_STRUCT(tag)					\
	static_assert(sizeof(struct k_##tag) == sizeof(struct tag) &&	\
		      _Alignof(struct k_##tag) == _Alignof(struct tag),	\
		      "struct " #tag " differs from the kernel's")

/* Member m of kernel type kt and our type ot: same offset and size. */
#define PPP_UAPI_MEMBER_AT(kt, ot, tagname, m)				\
	static_assert(offsetof(kt, m) == offsetof(ot, m) &&		\
		      sizeof(((kt *)0)->m) == sizeof(((ot *)0)->m),	\
		      "struct " tagname "." #m " differs from the kernel's")

/* ... and, for scalars, the same type. */
#define PPP_UAPI_MEMBER_TYPED(kt, ot, tagname, m)			\
	PPP_UAPI_MEMBER_AT(kt, ot, tagname, m);				\
	static_assert(__builtin_types_compatible_p(__typeof__(((kt *)0)->m), \
						   __typeof__(((ot *)0)->m)), \
		      "type of struct " tagname "." #m " differs from the kernel's")

#define PPP_UAPI_SAME_MEMBER(tag, m)					\
	PPP_UAPI_MEMBER_AT(struct k_##tag, struct tag, #tag, m)
#define PPP_UAPI_SAME_SCALAR(tag, m)					\
	PPP_UAPI_MEMBER_TYPED(struct k_##tag, struct tag, #tag, m)

PPP_UAPI_SAME_STRUCT(pppstat);
PPP_UAPI_SAME_SCALAR(pppstat, ppp_discards);
PPP_UAPI_SAME_SCALAR(pppstat, ppp_ibytes);
PPP_UAPI_SAME_SCALAR(pppstat, ppp_ioctects);
PPP_UAPI_SAME_SCALAR(pppstat, ppp_ipackets);
PPP_UAPI_SAME_SCALAR(pppstat, ppp_ierrors);
PPP_UAPI_SAME_SCALAR(pppstat, ppp_ilqrs);
PPP_UAPI_SAME_SCALAR(pppstat, ppp_obytes);
PPP_UAPI_SAME_SCALAR(pppstat, ppp_ooctects);
PPP_UAPI_SAME_SCALAR(pppstat, ppp_opackets);
PPP_UAPI_SAME_SCALAR(pppstat, ppp_oerrors);
PPP_UAPI_SAME_SCALAR(pppstat, ppp_olqrs);

PPP_UAPI_SAME_STRUCT(vjstat);
PPP_UAPI_SAME_SCALAR(vjstat, vjs_packets);
PPP_UAPI_SAME_SCALAR(vjstat, vjs_compressed);
PPP_UAPI_SAME_SCALAR(vjstat, vjs_searches);
PPP_UAPI_SAME_SCALAR(vjstat, vjs_misses);
PPP_UAPI_SAME_SCALAR(vjstat, vjs_uncompressedin);
PPP_UAPI_SAME_SCALAR(vjstat, vjs_compressedin);
PPP_UAPI_SAME_SCALAR(vjstat, vjs_errorin);
PPP_UAPI_SAME_SCALAR(vjstat, vjs_tossed);

PPP_UAPI_SAME_STRUCT(compstat);
PPP_UAPI_SAME_SCALAR(compstat, unc_bytes);
PPP_UAPI_SAME_SCALAR(compstat, unc_packets);
PPP_UAPI_SAME_SCALAR(compstat, comp_bytes);
PPP_UAPI_SAME_SCALAR(compstat, comp_packets);
PPP_UAPI_SAME_SCALAR(compstat, inc_bytes);
PPP_UAPI_SAME_SCALAR(compstat, inc_packets);
PPP_UAPI_SAME_SCALAR(compstat, in_count);
PPP_UAPI_SAME_SCALAR(compstat, bytes_out);
PPP_UAPI_SAME_SCALAR(compstat, ratio);

PPP_UAPI_SAME_STRUCT(ppp_stats);
PPP_UAPI_SAME_MEMBER(ppp_stats, p);
PPP_UAPI_SAME_MEMBER(ppp_stats, vj);

PPP_UAPI_SAME_STRUCT(ppp_comp_stats);
PPP_UAPI_SAME_MEMBER(ppp_comp_stats, c);
PPP_UAPI_SAME_MEMBER(ppp_comp_stats, d);

PPP_UAPI_SAME_STRUCT(ppp_idle);
PPP_UAPI_SAME_SCALAR(ppp_idle, xmit_idle);
PPP_UAPI_SAME_SCALAR(ppp_idle, recv_idle);

PPP_UAPI_SAME_STRUCT(ppp_idle32);
PPP_UAPI_SAME_SCALAR(ppp_idle32, xmit_idle);
PPP_UAPI_SAME_SCALAR(ppp_idle32, recv_idle);

PPP_UAPI_SAME_STRUCT(ppp_idle64);
PPP_UAPI_SAME_SCALAR(ppp_idle64, xmit_idle);
PPP_UAPI_SAME_SCALAR(ppp_idle64, recv_idle);

PPP_UAPI_SAME_STRUCT(npioctl);
PPP_UAPI_SAME_SCALAR(npioctl, protocol);
PPP_UAPI_SAME_MEMBER(npioctl, mode);

/* ptr is "__u8 __user *" in the kernel; __user only means something to sparse. */
PPP_UAPI_SAME_STRUCT(ppp_option_data);
#ifdef __CHECKER__
PPP_UAPI_SAME_MEMBER(ppp_option_data, ptr);
#else
PPP_UAPI_SAME_SCALAR(ppp_option_data, ptr);
#endif
PPP_UAPI_SAME_SCALAR(ppp_option_data, length);
PPP_UAPI_SAME_SCALAR(ppp_option_data, transmit);

/* using_ipsec is a bit-field; the members around it pin its storage. */
PPP_UAPI_SAME_STRUCT(pppol2tp_ioc_stats);
PPP_UAPI_SAME_SCALAR(pppol2tp_ioc_stats, tunnel_id);
PPP_UAPI_SAME_SCALAR(pppol2tp_ioc_stats, session_id);
PPP_UAPI_SAME_SCALAR(pppol2tp_ioc_stats, tx_packets);
PPP_UAPI_SAME_SCALAR(pppol2tp_ioc_stats, tx_bytes);
PPP_UAPI_SAME_SCALAR(pppol2tp_ioc_stats, tx_errors);
PPP_UAPI_SAME_SCALAR(pppol2tp_ioc_stats, rx_packets);
PPP_UAPI_SAME_SCALAR(pppol2tp_ioc_stats, rx_bytes);
PPP_UAPI_SAME_SCALAR(pppol2tp_ioc_stats, rx_seq_discards);
PPP_UAPI_SAME_SCALAR(pppol2tp_ioc_stats, rx_oos_packets);
PPP_UAPI_SAME_SCALAR(pppol2tp_ioc_stats, rx_errors);

#else /* !PPP_UAPI_HAVE_REFERENCE */

/* No reference headers in this tree: nothing to compare. */
enum { PPP_UAPI_NO_REFERENCE };

#endif /* PPP_UAPI_HAVE_REFERENCE */
