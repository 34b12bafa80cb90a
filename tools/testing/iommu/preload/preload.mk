# SPDX-License-Identifier: GPL-2.0
#
# The preload library, $(O)/libiommu-preload.so: every object of the host
# build except the KUnit runner's main(), plus the system-call wrappers in
# this directory.  Included by the top-level Makefile; uses its variables
# (O, OBJS, HCFLAGS, LDFLAGS, CC, HOSTENV).
#
#   make preload        build $(O)/libiommu-preload.so

PRELOAD_DIR	:= $(HOSTENV)/preload
PRELOAD_LIB	:= $(O)/libiommu-preload.so
PRELOAD_OBJS	:= $(O)/obj/$(PRELOAD_DIR)/preload-libc.o
# Kernel flavour, preload only: the machine the kernel instance boots
PRELOAD_MOBJS	:= $(if $(CONFIG_IOMMU_PLATFORM),$(O)/obj/$(PRELOAD_DIR)/preload-machine.o)
PRELOAD_KOBJS	:= $(filter-out %/kunit/main-libc.o,$(OBJS)) $(PRELOAD_MOBJS)

.PHONY: preload
preload: $(PRELOAD_LIB)

$(PRELOAD_LIB): $(PRELOAD_KOBJS) $(PRELOAD_OBJS) $(PRELOAD_DIR)/preload.map
	@echo "  LD      $@"
	@$(CC) -shared $(LDFLAGS) -Wl,--version-script=$(PRELOAD_DIR)/preload.map \
		-Wl,-z,nodelete -Wl,--no-undefined -o $@ $(PRELOAD_KOBJS) $(PRELOAD_OBJS) -ldl $(LDLIBS)

$(PRELOAD_OBJS): $(O)/obj/%.o: %.c include/generated/autoconf.h
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $<"
	@$(CC) $(HCFLAGS) -I$(PRELOAD_DIR) -c -o $@ $<

$(PRELOAD_MOBJS): $(O)/obj/%.o: %.c include/generated/autoconf.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(KCFLAGS) -I$(HOSTENV)/lib -c -o $@ $<

-include $(PRELOAD_OBJS:.o=.d) $(PRELOAD_MOBJS:.o=.d)
