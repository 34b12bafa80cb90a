// SPDX-License-Identifier: GPL-2.0
/*
 * Firmware tables of the host build: the platform installs tables it
 * built, drivers find them with acpi_get_table().  Installation checks
 * the checksum as ACPICA does when firmware tables are loaded.
 */
#include <linux/acpi.h>
#include <linux/export.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <host/acpi.h>

int acpi_disabled;
EXPORT_SYMBOL(acpi_disabled);

/**
 * struct host_acpi_entry - an installed table
 * @node: in host_acpi_tables, in installation order
 * @table: the table
 * @refs: references handed out by acpi_get_table() and not yet put
 */
struct host_acpi_entry {
	struct list_head node;
	struct acpi_table_header *table;
	int refs;
};

static LIST_HEAD(host_acpi_tables);
static DEFINE_MUTEX(host_acpi_lock);

u8 host_acpi_checksum(const void *table, size_t len)
{
	const u8 *p = table;
	u8 sum = 0;

	while (len--)
		sum += *p++;
	return sum;
}
EXPORT_SYMBOL_GPL(host_acpi_checksum);

void host_acpi_table_set_checksum(struct acpi_table_header *table)
{
	table->checksum = 0;
	table->checksum = -host_acpi_checksum(table, table->length);
}
EXPORT_SYMBOL_GPL(host_acpi_table_set_checksum);

static struct host_acpi_entry *host_acpi_find(struct acpi_table_header *table)
{
	struct host_acpi_entry *e;

	lockdep_assert_held(&host_acpi_lock);
	list_for_each_entry(e, &host_acpi_tables, node) {
		if (e->table == table)
			return e;
	}
	return NULL;
}

int host_acpi_install_table(struct acpi_table_header *table)
{
	struct host_acpi_entry *e;
	int ret = 0;

	if (!table || table->length < sizeof(*table) ||
	    host_acpi_checksum(table, table->length))
		return -EINVAL;

	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	e->table = table;

	mutex_lock(&host_acpi_lock);
	if (host_acpi_find(table)) {
		ret = -EEXIST;
		kfree(e);
	} else {
		list_add_tail(&e->node, &host_acpi_tables);
	}
	mutex_unlock(&host_acpi_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(host_acpi_install_table);

int host_acpi_uninstall_table(struct acpi_table_header *table)
{
	struct host_acpi_entry *e;
	int ret;

	mutex_lock(&host_acpi_lock);
	e = host_acpi_find(table);
	if (e)
		list_del(&e->node);
	mutex_unlock(&host_acpi_lock);
	if (!e)
		return -ENOENT;
	ret = e->refs;
	kfree(e);
	return ret;
}
EXPORT_SYMBOL_GPL(host_acpi_uninstall_table);

int host_acpi_table_refs(struct acpi_table_header *table)
{
	struct host_acpi_entry *e;
	int ret;

	mutex_lock(&host_acpi_lock);
	e = host_acpi_find(table);
	ret = e ? e->refs : -ENOENT;
	mutex_unlock(&host_acpi_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(host_acpi_table_refs);

acpi_status acpi_get_table(char *signature, u32 instance,
			   struct acpi_table_header **out_table)
{
	struct host_acpi_entry *e;
	u32 seen = 0;

	if (!signature || !out_table)
		return AE_BAD_PARAMETER;
	*out_table = NULL;
	if (!instance)
		instance = 1;

	mutex_lock(&host_acpi_lock);
	list_for_each_entry(e, &host_acpi_tables, node) {
		if (memcmp(e->table->signature, signature, ACPI_NAMESEG_SIZE))
			continue;
		if (++seen < instance)
			continue;
		e->refs++;
		*out_table = e->table;
		break;
	}
	mutex_unlock(&host_acpi_lock);
	return *out_table ? AE_OK : AE_NOT_FOUND;
}
EXPORT_SYMBOL_GPL(acpi_get_table);

void acpi_put_table(struct acpi_table_header *table)
{
	struct host_acpi_entry *e;

	if (!table)
		return;
	mutex_lock(&host_acpi_lock);
	e = host_acpi_find(table);
	/* A put without a get, or after the table was withdrawn, is a bug. */
	if (!WARN_ON(!e || e->refs <= 0))
		e->refs--;
	mutex_unlock(&host_acpi_lock);
}
EXPORT_SYMBOL_GPL(acpi_put_table);

const char *acpi_format_exception(acpi_status status)
{
	switch (status) {
	case AE_OK:
		return "AE_OK";
	case AE_ERROR:
		return "AE_ERROR";
	case AE_NO_MEMORY:
		return "AE_NO_MEMORY";
	case AE_NOT_FOUND:
		return "AE_NOT_FOUND";
	case AE_NOT_EXIST:
		return "AE_NOT_EXIST";
	case AE_ALREADY_EXISTS:
		return "AE_ALREADY_EXISTS";
	case AE_SUPPORT:
		return "AE_SUPPORT";
	case AE_LIMIT:
		return "AE_LIMIT";
	case AE_BAD_PARAMETER:
		return "AE_BAD_PARAMETER";
	case AE_BAD_SIGNATURE:
		return "AE_BAD_SIGNATURE";
	case AE_BAD_HEADER:
		return "AE_BAD_HEADER";
	case AE_BAD_CHECKSUM:
		return "AE_BAD_CHECKSUM";
	case AE_BAD_VALUE:
		return "AE_BAD_VALUE";
	case AE_INVALID_TABLE_LENGTH:
		return "AE_INVALID_TABLE_LENGTH";
	default:
		return "AE_UNKNOWN_STATUS";
	}
}
EXPORT_SYMBOL_GPL(acpi_format_exception);
