# Don't edit Makefile! Use conf-* for configuration.
#
# GNU make.  Every src/*.c is a program (one main file each) linked with
# src/mail/mail.a, src/auto/auto.a and src/lib/lib.a; every src/lib/*.c and
# src/mail/*.c is a library module; src/*.sh and boot/*.sh are templates
# whose HOME placeholders are filled from conf-home.  A program that needs a
# system library names it on the first line of src/<prog>.lib.

SHELL = /bin/sh
CC1 := $(shell head -n 1 conf-cc)
LD1 := $(shell head -n 1 conf-ld)
HOME1 := $(shell head -n 1 conf-home)
INC = -Isrc/lib -Isrc/mail -Isrc/auto

LIBSRC := $(sort $(wildcard src/lib/*.c))
MAILSRC := $(sort $(wildcard src/mail/*.c))
AUTONAMES = auto_home auto_split auto_spawn auto_patrn auto_break auto_users auto_man
MANSRC := $(sort $(wildcard man/*.[1-8]))
AUTOSRC := $(patsubst %,src/auto/%.c,$(AUTONAMES))
PROGSRC := $(sort $(wildcard src/*.c))
PROGS := $(PROGSRC:.c=)
SCRIPTS := $(patsubst %.sh,%,$(sort $(wildcard src/*.sh)))
BOOT := $(patsubst %.sh,%,$(sort $(wildcard boot/*.sh)))
INSTALLERS = src/install/install src/install/instcheck
UNITSRC := $(sort $(wildcard tests/unit/t_*.c))
UNIT := $(UNITSRC:.c=)
LIBS = src/mail/mail.a src/auto/auto.a src/lib/lib.a

default: it

it: $(PROGS) $(SCRIPTS) $(BOOT) $(INSTALLERS)

%.o: %.c conf-cc
	$(CC1) $(INC) -MMD -MP -c -o $@ $<

src/lib/lib.a: $(LIBSRC:.c=.o)
	rm -f $@ && ar cr $@ $^ && ranlib $@
src/mail/mail.a: $(MAILSRC:.c=.o)
	rm -f $@ && ar cr $@ $^ && ranlib $@
src/auto/auto.a: $(AUTOSRC:.c=.o)
	rm -f $@ && ar cr $@ $^ && ranlib $@

# compiled-in configuration, generated from conf-*; never committed
src/auto/auto_home.c: conf-home src/sys/auto.sh
	@mkdir -p src/auto
	sh src/sys/auto.sh home > $@.tmp && mv $@.tmp $@
src/auto/auto_split.c: conf-split src/sys/auto.sh
	@mkdir -p src/auto
	sh src/sys/auto.sh split > $@.tmp && mv $@.tmp $@
src/auto/auto_spawn.c: conf-spawn src/sys/auto.sh
	@mkdir -p src/auto
	sh src/sys/auto.sh spawn > $@.tmp && mv $@.tmp $@
src/auto/auto_patrn.c: conf-patrn src/sys/auto.sh
	@mkdir -p src/auto
	sh src/sys/auto.sh patrn > $@.tmp && mv $@.tmp $@
src/auto/auto_break.c: conf-break src/sys/auto.sh
	@mkdir -p src/auto
	sh src/sys/auto.sh break > $@.tmp && mv $@.tmp $@
src/auto/auto_users.c: conf-users conf-groups src/sys/auto.sh
	@mkdir -p src/auto
	sh src/sys/auto.sh users > $@.tmp && mv $@.tmp $@
src/auto/auto_man.c: $(MANSRC) src/sys/auto.sh
	@mkdir -p src/auto
	sh src/sys/auto.sh man > $@.tmp && mv $@.tmp $@

$(PROGS): %: %.o $(LIBS) conf-ld
	$(LD1) -o $@ $< $(LIBS) $$(head -n 1 $@.lib 2>/dev/null)

# templates: HOME is conf-home; USER_A ... USER_S and GROUP_Q, GROUP_N are
# the account and group names of conf-users and conf-groups
$(SCRIPTS) $(BOOT): %: %.sh conf-home conf-users conf-groups
	sed -e 's}HOME}$(HOME1)}g' \
	  -e "s}USER_A}$$(sed -n 1p conf-users)}g" -e "s}USER_D}$$(sed -n 2p conf-users)}g" \
	  -e "s}USER_L}$$(sed -n 3p conf-users)}g" -e "s}USER_O}$$(sed -n 4p conf-users)}g" \
	  -e "s}USER_P}$$(sed -n 5p conf-users)}g" -e "s}USER_Q}$$(sed -n 6p conf-users)}g" \
	  -e "s}USER_R}$$(sed -n 7p conf-users)}g" -e "s}USER_S}$$(sed -n 8p conf-users)}g" \
	  -e "s}GROUP_Q}$$(sed -n 1p conf-groups)}g" -e "s}GROUP_N}$$(sed -n 2p conf-groups)}g" \
	  $< > $@.tmp && chmod 755 $@.tmp && mv $@.tmp $@

src/install/install: src/install/install.o src/install/hier.o $(LIBS) conf-ld
	$(LD1) -o $@ src/install/install.o src/install/hier.o $(LIBS)
src/install/instcheck: src/install/instcheck.o src/install/hier.o $(LIBS) conf-ld
	$(LD1) -o $@ src/install/instcheck.o src/install/hier.o $(LIBS)

$(UNIT): %: %.o tests/unit/t.o $(LIBS) conf-ld
	$(LD1) -o $@ $< tests/unit/t.o $(LIBS)

units: $(UNIT)

# as root: create missing accounts, then install into conf-home
setup: it
	sh src/install/accounts.sh
	./src/install/install

check: it
	./src/install/instcheck

# the test suite (unit tests, sanitizer unit tests, end-to-end tests)
test: it units
	sh tests/run

# the one command from a fresh machine to a running mail system, and its undo
start:
	sh src/sys/up.sh

stop:
	sh src/sys/down.sh

# links from Debian's /var/lib/qmail into conf-home, for fastforward and dot-forward
debian-links:
	sh src/sys/debian-links.sh

fuzz:
	sh tests/fuzz/run $${FUZZTIME:-60}

prove: it
	sh tests/prove/run

bench: it
	sh tests/bench/run full

bench-quick: it
	sh tests/bench/run quick

mandoc-lint:
	sh tests/manlint.sh

clean:
	rm -f $(PROGS) $(SCRIPTS) $(BOOT) $(INSTALLERS) $(UNIT) $(LIBS) $(AUTOSRC)
	find src tests/unit \( -name '*.o' -o -name '*.d' \) -type f | xargs rm -f
	rm -rf tests/tmp

.PHONY: default it units setup check test start stop debian-links fuzz prove bench bench-quick clean mandoc-lint

-include $(shell find src tests/unit -name '*.d' -type f 2>/dev/null)
