# SPDX-License-Identifier: GPL-2.0
#
# Host build of the IOMMU subsystem.
#
# The kernel sources are compiled unchanged against the host environment in
# tools/testing/iommu/.  Which objects exist is decided by the Kbuild
# Makefiles (obj-$(CONFIG_...)) and .config, exactly as in a kernel tree.
#
#   make defconfig | olddefconfig | menuconfig   configure
#   make                build build/kunit
#   make check          install what is missing, build, run every test
#   make run            the demo on the default platform
#   make bench          benchmarks
#   make lint           sparse, kernel-doc, checkpatch, coccinelle
#   make similarity     how much of each C file repeats Linux token for token
#   make SAN=asan ...   the same with AddressSanitizer + UBSan

MAKEFLAGS += -r --no-print-directory

PYTHON		?= /usr/bin/python3
CC		:= gcc
SAN		?=
O		:= build$(if $(SAN),/$(SAN))
HOSTENV		:= tools/testing/iommu
SCRIPTS		:= $(HOSTENV)/scripts

export KCONFIG_CONFIG := .config
export srctree := $(CURDIR)

config-targets := defconfig olddefconfig menuconfig savedefconfig allnoconfig \
		  allyesconfig

ifeq ($(filter $(config-targets) clean mrproper,$(MAKECMDGOALS)),)
-include .config
endif

# ---------------------------------------------------------------------------
# Kbuild reader: $(call kbuild-objs,dir/) lists the objects dir/Makefile asks
# for, following subdirectories and composite objects (foo-y := a.o b.o).

kbuild-comp = $(if $(strip $($(2:.o=-y)) $($(2:.o=-objs))),$(addprefix $(1),$($(2:.o=-y)) $($(2:.o=-objs))),$(1)$(2))
kbuild-objs = $(eval obj-y :=)$(eval obj-m :=)$(eval include $(1)Makefile)$(foreach o,$(filter %.o,$(obj-y) $(obj-m)),$(call kbuild-comp,$(1),$(o))) $(foreach d,$(filter %/,$(obj-y) $(obj-m)),$(call kbuild-objs,$(1)$(d)))

ifneq ($(wildcard .config),)
ifeq ($(filter $(config-targets) clean mrproper check run bench lint install-deps similarity,$(MAKECMDGOALS)),)
KBUILD_DIRS	:= drivers/iommu/ drivers/vfio/ $(HOSTENV)/
SRC_OBJS	:= $(sort $(foreach d,$(KBUILD_DIRS),$(if $(wildcard $(d)Makefile),$(call kbuild-objs,$(d)))))
endif
endif

OBJS		:= $(addprefix $(O)/obj/,$(SRC_OBJS))

# build/iommu-demo ('make run'): every object of build/kunit except the
# KUnit main(), plus the objects platform/Makefile lists in iommu-demo-y.
DEMO_OBJS	:= $(addprefix $(O)/obj/$(HOSTENV)/platform/,$(iommu-demo-y))
DEMO_LINK	:= $(filter-out %/kunit/main-libc.o,$(OBJS)) $(DEMO_OBJS)

LIBC_OBJS	:= $(filter %-libc.o,$(OBJS) $(DEMO_OBJS))
KERN_OBJS	:= $(filter-out %-libc.o,$(OBJS) $(DEMO_OBJS))

# ---------------------------------------------------------------------------
# Flags.  Kernel flavour sees no libc at all; libc flavour is the glue.

SAN_FLAGS-asan	:= -fsanitize=address,undefined -fno-omit-frame-pointer \
		   -fno-sanitize-recover=undefined
SAN_FLAGS-tsan	:= -fsanitize=thread
SAN_FLAGS	:= $(SAN_FLAGS-$(SAN))

COMMON_FLAGS	:= -std=gnu11 -g -O1 -fPIC -fno-strict-aliasing -fno-common \
		   -Wall -Werror=implicit-function-declaration \
		   -Werror=incompatible-pointer-types -Werror=int-conversion \
		   -Werror=return-type -MMD -MP $(SAN_FLAGS)

KCFLAGS		:= $(COMMON_FLAGS) -ffreestanding -nostdinc \
		   -isystem $(shell $(CC) -print-file-name=include) \
		   -Iinclude -Iinclude/uapi -I$(HOSTENV)/include \
		   -include $(HOSTENV)/include/linux/kconfig.h -D__KERNEL__ \
		   -fno-delete-null-pointer-checks -Wundef \
		   -Wno-address-of-packed-member

HCFLAGS		:= $(COMMON_FLAGS) -D_GNU_SOURCE -I$(HOSTENV)/lib -pthread

LDFLAGS		:= $(SAN_FLAGS) -pthread
LDLIBS		:=

# ---------------------------------------------------------------------------

.PHONY: all
all: $(O)/kunit $(if $(DEMO_OBJS),$(O)/iommu-demo)

$(O)/kunit: $(OBJS)
	@echo "  LD      $@"
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(O)/iommu-demo: $(DEMO_LINK)
	@echo "  LD      $@"
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(KERN_OBJS): $(O)/obj/%.o: %.c include/generated/autoconf.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(KCFLAGS) -c -o $@ $<

$(LIBC_OBJS): $(O)/obj/%.o: %.c include/generated/autoconf.h
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $<"
	@$(CC) $(HCFLAGS) -c -o $@ $<

-include $(OBJS:.o=.d) $(DEMO_OBJS:.o=.d)

# The preload library (owner: userspace): make preload -> $(O)/libiommu-preload.so
-include $(HOSTENV)/preload/preload.mk

# ---------------------------------------------------------------------------
# Configuration (python3-kconfiglib).

KCONF_RUN	= $(PYTHON) -m $(1)

.config:
	@$(call KCONF_RUN,defconfig) --kconfig Kconfig $(HOSTENV)/configs/defconfig

include/generated/autoconf.h: .config Kconfig $(shell find drivers $(HOSTENV) -name Kconfig 2>/dev/null)
	@mkdir -p $(dir $@)
	@$(call KCONF_RUN,olddefconfig) Kconfig >/dev/null
	@$(call KCONF_RUN,genconfig) --header-path $@ Kconfig

.PHONY: $(config-targets)
defconfig:
	@$(call KCONF_RUN,defconfig) --kconfig Kconfig $(HOSTENV)/configs/defconfig
	@mkdir -p include/generated
	@$(call KCONF_RUN,genconfig) --header-path include/generated/autoconf.h Kconfig

olddefconfig menuconfig allnoconfig allyesconfig:
	@$(call KCONF_RUN,$@) Kconfig
	@mkdir -p include/generated
	@$(call KCONF_RUN,genconfig) --header-path include/generated/autoconf.h Kconfig

savedefconfig:
	@$(call KCONF_RUN,savedefconfig) --kconfig Kconfig --out defconfig

# ---------------------------------------------------------------------------
# The commands the README promises.

.PHONY: check run bench lint install-deps similarity
check:
	@$(SCRIPTS)/check.sh

run:
	@$(SCRIPTS)/run.sh

bench:
	@$(SCRIPTS)/bench.sh

lint:
	@$(SCRIPTS)/lint.sh

similarity:
	@$(SCRIPTS)/similarity.sh

install-deps:
	@$(SCRIPTS)/install-deps.sh

.PHONY: clean mrproper
clean:
	rm -rf build

mrproper: clean
	rm -rf .config .config.old include/generated
