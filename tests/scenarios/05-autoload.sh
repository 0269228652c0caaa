# SPDX-License-Identifier: GPL-2.0
#
# harness: nothing preloaded
#
# Autoloading, as on a machine where `make dkms-install` (or the .deb)
# put our modules in place: DKMS's build of them (autoload-tree.sh) goes
# to /lib/modules/<kver>/updates/dkms/, the kernel's own PPP modules to
# kernel/drivers/net/..., depmod runs, and nothing is insmod'ed: each
# alias our modules declare (modinfo -F alias) is triggered from a clean
# slate, and lsmod must then list the module that declares it, with every
# PPP module loaded having the srcversion DKMS built (updates/ wins over
# the kernel's module of the same name).
#
#   alias class          trigger (tests/progs/ppp_autoload)
#   char-major-108-*     open /dev/ppp
#   tty-ldisc-N          TIOCSETD N on a pty (3 N_PPP, 14 N_SYNC_PPP)
#   net-pf-N[-proto-P]   socket(N, SOCK_STREAM, P)  (24: AF_PPPOX)
#   rtnl-link-KIND       ip link add type KIND
#   ppp-compress-N       PPPIOCSCOMPRESS with CCP method N on a unit
#
# A new alias class fails until it has a trigger here.  Then CCP with the
# kernel's deflate: its ppp-compress-26 loads Debian's ppp_deflate, and
# modprobe resolves its ppp_generic dependency to ours.
#
#   ppp_autoload --> kernel: request_module(alias) --> kmod modprobe
#                      --> /lib/modules/<kver>/updates/dkms/<ours>.ko
#
# Runs with our modules only (the "ours" lane); the harness unloads every
# PPP module before it and loads the lane's again after it.
S=autoload
A=/autoload
KVER=$(uname -r)
MODDIR=/lib/modules/$KVER
FAMILY="pppoe pppox bsd_comp ppp_deflate ppp_synctty ppp_async ppp_generic slhc"

al_none() {	# al_none: no PPP module is loaded
	! grep -Eq "^($(echo "$FAMILY" | tr ' ' '|')) " /proc/modules
}

al_rmmod() {	# al_rmmod: rmmod every PPP module, users first
	local m
	for m in $FAMILY; do
		grep -q "^$m " /proc/modules && rmmod "$m" 2>/dev/null
	done
	al_none
}

# al_unload: every PPP module, waiting for units still being freed (a
# closed unit puts its compressor's module from a work item).
al_unload() {
	wait_until 5 al_rmmod
	[ -c /dev/ppp ] || mknod /dev/ppp c 108 0
}

al_loaded() {	# al_loaded MOD: lsmod (kmod's) lists MOD
	$A/sbin/lsmod | grep -q "^$1 "
}

# al_ours: every PPP module loaded is one DKMS built, with its srcversion.
al_ours() {
	local m want got bad=
	for m in $FAMILY; do
		grep -q "^$m " /proc/modules || continue
		want=$(sed -n "s/^$m //p" $A/srcversions)
		got=$(cat "/sys/module/$m/srcversion" 2>/dev/null)
		[ -n "$want" ] && [ "$want" = "$got" ] && continue
		[ -n "$want" ] || continue	# not ours: the kernel's module
		bad="$bad $m:${got:-none}!=$want"
	done
	echo "$bad"
	[ -z "$bad" ]
}

# al_trigger ALIAS: runs its class's trigger; false for an unknown class.
al_trigger() {
	local n
	case "$1" in
	char-major-108*) ppp_autoload chardev ;;
	tty-ldisc-*) ppp_autoload ldisc "${1#tty-ldisc-}" ;;
	net-pf-*-proto-*)
		n=${1#net-pf-}
		ppp_autoload socket "${n%%-proto-*}" "${n##*-proto-}" ;;
	net-pf-*) ppp_autoload socket "${1#net-pf-}" 0 ;;
	rtnl-link-*) $IP link add "al${1#rtnl-link-}0" type "${1#rtnl-link-}" ;;
	ppp-compress-*) ppp_autoload ccp "${1#ppp-compress-}" ;;
	*) return 2 ;;
	esac
	return 0
}

# al_check ALIAS MOD: from nothing loaded, ALIAS's trigger loads MOD.
al_check() {
	local bad
	al_unload
	if ! al_none; then
		result "$S/$1/loaded" FAIL "could not unload: $(cut -d' ' -f1 /proc/modules | tr '\n' ' ')"
		return
	fi
	if ! al_trigger "$1" < /dev/null > /tmp/autoload.out 2>&1; then
		result "$S/$1/loaded" FAIL "no trigger for the alias class of $1 ($2)"
		return
	fi
	al_loaded "$2"
	check "$S/$1/loaded" $? "$2 not loaded: lsmod: $($A/sbin/lsmod | tr '\n' ' ')" \
		/tmp/autoload.out || return
	bad=$(al_ours)
	check "$S/$1/srcversion" $? "not DKMS's build:$bad"
}

if [ "$PPP_GEN" != ours ] || [ "$PPP_ASY" != ours ]; then
	skip "$S/lane" "our modules only (lane generic=$PPP_GEN async=$PPP_ASY)"
elif [ ! -s $A/srcversions ] || [ ! -x $A/sbin/kmod ]; then
	result "$S/image" FAIL "no $A/srcversions or kmod in the image (scripts/qemu/autoload-tree.sh)"
else
	# Install, as DKMS and the kernel's package do, and run depmod.
	mkdir -p "$MODDIR/updates/dkms" "$MODDIR/kernel/drivers/net/ppp" \
		"$MODDIR/kernel/drivers/net/slip"
	cp $A/updates/* "$MODDIR/updates/dkms/"
	for k in /mods/intree/*.ko; do
		case "$(basename "$k")" in
		slhc.ko) cp "$k" "$MODDIR/kernel/drivers/net/slip/" ;;
		veth.ko) cp "$k" "$MODDIR/kernel/drivers/net/" ;;
		*) cp "$k" "$MODDIR/kernel/drivers/net/ppp/" ;;
		esac
	done
	$A/sbin/depmod -a "$KVER"
	check $S/depmod $? "depmod -a $KVER failed"
	old_modprobe=$(cat /proc/sys/kernel/modprobe)
	echo $A/sbin/modprobe > /proc/sys/kernel/modprobe

	while read -r mod sv; do
		f=$($A/sbin/modinfo -F filename "$mod" 2>/dev/null)
		case "$f" in
		"$MODDIR"/updates/*) result "$S/$mod/updates-wins" PASS ;;
		*) result "$S/$mod/updates-wins" FAIL "modprobe would load '$f'" ;;
		esac
		for alias in $($A/sbin/modinfo -F alias "$MODDIR/updates/dkms/$mod".ko*); do
			case "$alias" in devname:*) continue ;; esac	# devtmpfs names
			al_check "$alias" "$mod"
		done
	done < $A/srcversions

	# The kernel's deflate compressor on our ppp_generic, through CCP.
	if intree_module ppp_deflate "$S/ppp-compress-26/intree-deflate"; then
		al_check ppp-compress-26 ppp_deflate
	fi

	al_unload
	echo "$old_modprobe" > /proc/sys/kernel/modprobe
	rm -rf "$MODDIR"
fi
