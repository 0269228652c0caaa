// SPDX-License-Identifier: GPL-2.0
/*
 * pppd's pass-filter and active-filter: classic BPF programs run over each
 * network-protocol frame.  Frames the pass filter rejects are dropped;
 * frames the active filter rejects pass but do not count as activity
 * for the idle timer (PPPIOCGIDLE).  Debian's pppd sets both on every
 * link, empty (length 0) when no filter is configured.
 */
#include "ppp_generic.h"
#include "ioctl32.h"
#include <kunit/static_stub.h>
#include <kunit/visibility.h>

/* What the program sees before the protocol: a direction byte and 0. */
#define PPP_FILTER_TAG_OUT	0x0100
#define PPP_FILTER_TAG_IN	0x0000

static int ppp_filter_fetch(void __user *arg, bool compat,
			    struct sock_fprog *prog)
{
#ifdef CONFIG_COMPAT
	if (compat) {
		struct ppp_sock_fprog32 p32;

		if (copy_from_user(&p32, arg, sizeof(p32)))
			return -EFAULT;
		prog->len = p32.len;
		prog->filter = compat_ptr(p32.filter);
		return 0;
	}
#endif
	return copy_from_user(prog, arg, sizeof(*prog)) ? -EFAULT : 0;
}

static struct bpf_prog *ppp_filter_build(const struct sock_fprog *uprog)
{
	struct sock_fprog_kern fprog;
	struct sock_filter *code;
	struct bpf_prog *prog;
	int err;

	if (uprog->len > BPF_MAXINSNS)
		return ERR_PTR(-EINVAL);
	code = memdup_array_user(uprog->filter, uprog->len, sizeof(*code));
	if (IS_ERR(code))
		return ERR_CAST(code);
	fprog.len = uprog->len;
	fprog.filter = code;
	err = bpf_prog_create(&prog, &fprog);
	kfree(code);
	return err ? ERR_PTR(err) : prog;
}

/* PPPIOCSPASS / PPPIOCSACTIVE; a zero-length program removes the filter. */
int ppp_filter_set(struct ppp_unit *ppp, unsigned int cmd, void __user *arg,
		   bool compat)
{
	struct bpf_prog *prog = NULL, *old, **slot;
	struct sock_fprog uprog;
	int err;

	err = ppp_filter_fetch(arg, compat, &uprog);
	if (err)
		return err;
	if (uprog.len) {
		prog = ppp_filter_build(&uprog);
		if (IS_ERR(prog))
			return PTR_ERR(prog);
	}

	slot = cmd == PPPIOCSPASS ? &ppp->pass_filter : &ppp->active_filter;
	ppp_unit_lock(ppp);
	old = *slot;
	*slot = prog;
	ppp_unit_unlock(ppp);
	if (old)
		bpf_prog_destroy(old);
	return 0;
}

void ppp_filter_free(struct ppp_unit *ppp)
{
	if (ppp->pass_filter)
		bpf_prog_destroy(ppp->pass_filter);
	if (ppp->active_filter)
		bpf_prog_destroy(ppp->active_filter);
	ppp->pass_filter = NULL;
	ppp->active_filter = NULL;
}

/**
 * ppp_filter_own_head - make room for the direction tag in front of a frame
 * @skb: the frame, protocol field first
 *
 * The tag is written in front of the data, so the head must be ours.
 * KUnit tests redirect this function to make it fail.
 *
 * Return: 0, or -ENOMEM when that needs memory there is none of.
 */
int ppp_filter_own_head(struct sk_buff *skb)
{
	KUNIT_STATIC_STUB_REDIRECT(ppp_filter_own_head, skb);
	if (skb_unclone(skb, GFP_ATOMIC) || skb_cow_head(skb, PPP_PROTO_LEN))
		return -ENOMEM;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(ppp_filter_own_head);

/**
 * ppp_filter_pass - run the filters over a network-protocol frame
 * @ppp: the unit (wlock or rlock held, per direction)
 * @skb: the frame, protocol field first
 * @inbound: direction
 * @active: set to whether the frame counts as link activity
 *
 * A configured filter is never bypassed: a frame it cannot be run over
 * is dropped too.
 *
 * Return: 1 if the frame passes, 0 if the pass filter rejects it, or
 * -ENOMEM if the filters could not run.  The caller drops the frame
 * unless it passes, and counts it as an error in the last case.
 */
int ppp_filter_pass(struct ppp_unit *ppp, struct sk_buff *skb, bool inbound,
		    bool *active)
{
	int pass = 1;

	*active = true;
	if (!ppp->pass_filter && !ppp->active_filter)
		return 1;
	if (ppp_filter_own_head(skb))
		return -ENOMEM;

	put_unaligned_be16(inbound ? PPP_FILTER_TAG_IN : PPP_FILTER_TAG_OUT,
			   skb_push(skb, PPP_PROTO_LEN));
	if (ppp->pass_filter && !bpf_prog_run(ppp->pass_filter, skb)) {
		pass = 0;
		if (ppp->debug & 1)
			netdev_printk(KERN_DEBUG, ppp->dev, "%s frame not passed\n",
				      inbound ? "inbound" : "outbound");
	} else if (ppp->active_filter) {
		*active = bpf_prog_run(ppp->active_filter, skb) != 0;
	}
	skb_pull(skb, PPP_PROTO_LEN);
	return pass;
}
