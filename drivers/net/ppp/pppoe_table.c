// SPDX-License-Identifier: GPL-2.0
/*
 * pppoe: the per-netns session table.  A session is known by the triple
 * (session id, peer MAC, ifindex of the local device).  The ifindex is
 * part of the key so that two devices may carry the same (sid, MAC) pair
 * (two access concentrators behind two ports), and so that a frame that
 * arrives on another device than the one userspace named cannot be
 * injected into the session.
 *
 * Readers (the receive path) walk a bucket under RCU and take a socket
 * reference with refcount_inc_not_zero(): sockets are freed after a grace
 * period (SOCK_RCU_FREE), so a socket unhashed under a reader is still
 * memory it may look at.  Writers hold pppoe_net.lock.
 */
#include <linux/etherdevice.h>
#include <linux/jhash.h>
#include <linux/unaligned.h>
#include "pppoe.h"

void pppoe_table_init(struct pppoe_net *pn)
{
	int i;

	spin_lock_init(&pn->lock);
	for (i = 0; i < PPPOE_HASH_SIZE; i++)
		INIT_HLIST_HEAD(&pn->hash[i]);
}

bool pppoe_table_empty(struct pppoe_net *pn)
{
	int i;

	for (i = 0; i < PPPOE_HASH_SIZE; i++)
		if (!hlist_empty(&pn->hash[i]))
			return false;
	return true;
}

u32 pppoe_hash(__be16 sid, const u8 *addr, int ifindex)
{
	u32 a = get_unaligned((const u32 *)addr);
	u32 b = get_unaligned((const u16 *)(addr + 4)) |
		((u32)(__force u16)sid << 16);

	return jhash_3words(a, b, (u32)ifindex, 0) & (PPPOE_HASH_SIZE - 1);
}

static bool pppoe_key_equal(const struct pppoe_sock *po, __be16 sid,
			    const u8 *addr, int ifindex)
{
	return po->pa.sid == sid && po->ifindex == ifindex &&
	       ether_addr_equal(po->pa.remote, addr);
}

/**
 * pppoe_table_find_rcu - the session with this key, no reference taken
 * @pn: the netns' table
 * @sid: session id (network order, as on the wire)
 * @addr: the peer's MAC
 * @ifindex: the local device's index
 *
 * Caller holds rcu_read_lock() or pppoe_net.lock.
 *
 * Return: the session or NULL.
 */
struct pppoe_sock *pppoe_table_find_rcu(struct pppoe_net *pn, __be16 sid,
					const u8 *addr, int ifindex)
{
	struct hlist_head *head = &pn->hash[pppoe_hash(sid, addr, ifindex)];
	struct pppoe_sock *po;

	hlist_for_each_entry_rcu(po, head, node, lockdep_is_held(&pn->lock))
		if (pppoe_key_equal(po, sid, addr, ifindex))
			return po;
	return NULL;
}

/* As pppoe_table_find_rcu(), with a socket reference (sock_put() it). */
struct pppoe_sock *pppoe_table_get(struct pppoe_net *pn, __be16 sid,
				   const u8 *addr, int ifindex)
{
	struct pppoe_sock *po;

	rcu_read_lock();
	po = pppoe_table_find_rcu(pn, sid, addr, ifindex);
	if (po && !refcount_inc_not_zero(&pppoe_to_sk(po)->sk_refcnt))
		po = NULL;
	rcu_read_unlock();
	return po;
}

/**
 * pppoe_table_add - hash a session by its key (po->pa, po->ifindex)
 * @pn: the netns' table
 * @po: the socket, not hashed
 *
 * Return: 0, or -EALREADY if a session of the same key exists.
 */
int pppoe_table_add(struct pppoe_net *pn, struct pppoe_sock *po)
{
	u32 h = pppoe_hash(po->pa.sid, po->pa.remote, po->ifindex);

	lockdep_assert_held(&pn->lock);
	if (pppoe_table_find_rcu(pn, po->pa.sid, po->pa.remote, po->ifindex))
		return -EALREADY;
	hlist_add_head_rcu(&po->node, &pn->hash[h]);
	return 0;
}

/* Unhash (no-op if not hashed); readers may still be on it until a grace
 * period has passed.
 */
void pppoe_table_del(struct pppoe_net *pn, struct pppoe_sock *po)
{
	lockdep_assert_held(&pn->lock);
	if (!hlist_unhashed(&po->node))
		hlist_del_init_rcu(&po->node);
}

/**
 * pppoe_table_get_on_dev - a session bound to @dev, with a reference
 * @pn: the netns' table
 * @dev: the device going away
 *
 * The device-event flush calls this until it returns NULL; each session
 * it returns is unbound (and so unhashed) before the next call, which is
 * what makes the loop end.  The in-tree flush instead kept going through
 * the bucket after dropping its lock for each socket, and had to learn
 * to restart the bucket.
 *
 * Return: the session or NULL.
 */
struct pppoe_sock *pppoe_table_get_on_dev(struct pppoe_net *pn,
					  const struct net_device *dev)
{
	struct pppoe_sock *po;
	int i;

	spin_lock_bh(&pn->lock);
	for (i = 0; i < PPPOE_HASH_SIZE; i++) {
		hlist_for_each_entry(po, &pn->hash[i], node) {
			if (rcu_access_pointer(po->dev) != dev)
				continue;
			sock_hold(pppoe_to_sk(po));
			spin_unlock_bh(&pn->lock);
			return po;
		}
	}
	spin_unlock_bh(&pn->lock);
	return NULL;
}
