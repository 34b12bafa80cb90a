/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Unified device properties, and software nodes: firmware nodes built by
 * code, which is how the host environment describes its machines.
 */
#ifndef _LINUX_PROPERTY_H_
#define _LINUX_PROPERTY_H_

#include <linux/types.h>
#include <linux/fwnode.h>
#include <linux/array_size.h>
#include <linux/bits.h>

struct device;

/**
 * enum dev_prop_type - the value type of a property entry
 * @DEV_PROP_U8: u8 values
 * @DEV_PROP_U16: u16 values
 * @DEV_PROP_U32: u32 values
 * @DEV_PROP_U64: u64 values
 * @DEV_PROP_STRING: strings
 * @DEV_PROP_REF: references to other nodes (not supported on the host)
 */
enum dev_prop_type {
	DEV_PROP_U8,
	DEV_PROP_U16,
	DEV_PROP_U32,
	DEV_PROP_U64,
	DEV_PROP_STRING,
	DEV_PROP_REF,
};

/**
 * struct property_entry - one property of a software node
 * @name: the property name; an entry with a NULL name ends an array
 * @length: the size of the value in bytes (0 for a boolean property)
 * @is_inline: the value is stored in @value instead of behind @pointer
 * @type: the element type
 * @pointer: the values, when not inline
 * @value: the value, when inline (at most 8 bytes)
 * @u8_data: inline u8 values
 * @u16_data: inline u16 values
 * @u32_data: inline u32 values
 * @u64_data: inline u64 value
 * @str: inline string pointer
 */
struct property_entry {
	const char *name;
	size_t length;
	bool is_inline;
	enum dev_prop_type type;
	union {
		const void *pointer;
		union {
			u8 u8_data[sizeof(u64) / sizeof(u8)];
			u16 u16_data[sizeof(u64) / sizeof(u16)];
			u32 u32_data[sizeof(u64) / sizeof(u32)];
			u64 u64_data[sizeof(u64) / sizeof(u64)];
			const char *str[sizeof(u64) / sizeof(char *)];
		} value;
	};
};

/*
 * Compound literals for property tables.  Array entries point at their
 * values; entries of one scalar (or one string) carry it inline.
 */
#define __PROPERTY_ENTRY_ARRAY(_name_, _ctype_, _type_, _val_)		\
((struct property_entry) {						\
	.type = DEV_PROP_##_type_,					\
	.name = _name_,							\
	.pointer = _val_,						\
	.length = sizeof(_ctype_) * ARRAY_SIZE(_val_),			\
})

#define PROPERTY_ENTRY_STRING_ARRAY(_name_, _val_)			\
	__PROPERTY_ENTRY_ARRAY(_name_, const char *, STRING, _val_)
#define PROPERTY_ENTRY_U64_ARRAY(_name_, _val_)				\
	__PROPERTY_ENTRY_ARRAY(_name_, u64, U64, _val_)
#define PROPERTY_ENTRY_U32_ARRAY(_name_, _val_)				\
	__PROPERTY_ENTRY_ARRAY(_name_, u32, U32, _val_)
#define PROPERTY_ENTRY_U16_ARRAY(_name_, _val_)				\
	__PROPERTY_ENTRY_ARRAY(_name_, u16, U16, _val_)
#define PROPERTY_ENTRY_U8_ARRAY(_name_, _val_)				\
	__PROPERTY_ENTRY_ARRAY(_name_, u8, U8, _val_)

/* Size of one element of the inline value array @_field_. */
#define __PROPERTY_INLINE_ELEM_SIZE(_field_) \
	sizeof(((struct property_entry *)NULL)->value._field_[0])

#define __PROPERTY_ENTRY_INLINE(_name_, _field_, _type_, _val_)	\
((struct property_entry) {						\
	.type = DEV_PROP_##_type_,					\
	.name = _name_,							\
	.is_inline = true,						\
	.value._field_[0] = _val_,					\
	.length = __PROPERTY_INLINE_ELEM_SIZE(_field_),			\
})

#define PROPERTY_ENTRY_STRING(_name_, _val_)				\
	__PROPERTY_ENTRY_INLINE(_name_, str, STRING, _val_)
#define PROPERTY_ENTRY_U64(_name_, _val_)				\
	__PROPERTY_ENTRY_INLINE(_name_, u64_data, U64, _val_)
#define PROPERTY_ENTRY_U32(_name_, _val_)				\
	__PROPERTY_ENTRY_INLINE(_name_, u32_data, U32, _val_)
#define PROPERTY_ENTRY_U16(_name_, _val_)				\
	__PROPERTY_ENTRY_INLINE(_name_, u16_data, U16, _val_)
#define PROPERTY_ENTRY_U8(_name_, _val_)				\
	__PROPERTY_ENTRY_INLINE(_name_, u8_data, U8, _val_)

/* A boolean is present or absent: no type, no value, no length. */
#define PROPERTY_ENTRY_BOOL(_name_)					\
((struct property_entry) {						\
	.is_inline = true,						\
	.name = _name_,							\
})

/**
 * struct software_node - a firmware node described by code
 * @name: the node name; NULL gives an automatic "nodeN" name
 * @parent: the parent node, which must be registered first
 * @properties: the properties, ended by an entry with a NULL name
 */
struct software_node {
	const char *name;
	const struct software_node *parent;
	const struct property_entry *properties;
};

struct fwnode_handle *dev_fwnode(const struct device *dev);

struct fwnode_handle *fwnode_handle_get(struct fwnode_handle *fwnode);
void fwnode_handle_put(struct fwnode_handle *fwnode);
const char *fwnode_get_name(const struct fwnode_handle *fwnode);
struct fwnode_handle *fwnode_get_parent(const struct fwnode_handle *fwnode);
bool fwnode_device_is_available(const struct fwnode_handle *fwnode);
struct fwnode_handle *fwnode_get_next_child_node(const struct fwnode_handle *fwnode,
						 struct fwnode_handle *child);
struct fwnode_handle *fwnode_get_named_child_node(const struct fwnode_handle *fwnode,
						  const char *childname);

bool fwnode_property_present(const struct fwnode_handle *fwnode,
			     const char *propname);
int fwnode_property_read_u8_array(const struct fwnode_handle *fwnode,
				  const char *propname, u8 *val, size_t nval);
int fwnode_property_read_u16_array(const struct fwnode_handle *fwnode,
				   const char *propname, u16 *val, size_t nval);
int fwnode_property_read_u32_array(const struct fwnode_handle *fwnode,
				   const char *propname, u32 *val, size_t nval);
int fwnode_property_read_u64_array(const struct fwnode_handle *fwnode,
				   const char *propname, u64 *val, size_t nval);
int fwnode_property_read_string_array(const struct fwnode_handle *fwnode,
				      const char *propname, const char **val,
				      size_t nval);
int fwnode_property_read_string(const struct fwnode_handle *fwnode,
				const char *propname, const char **val);

bool device_property_present(const struct device *dev, const char *propname);
int device_property_read_u8_array(const struct device *dev, const char *propname,
				  u8 *val, size_t nval);
int device_property_read_u16_array(const struct device *dev, const char *propname,
				   u16 *val, size_t nval);
int device_property_read_u32_array(const struct device *dev, const char *propname,
				   u32 *val, size_t nval);
int device_property_read_u64_array(const struct device *dev, const char *propname,
				   u64 *val, size_t nval);
int device_property_read_string_array(const struct device *dev,
				      const char *propname, const char **val,
				      size_t nval);
int device_property_read_string(const struct device *dev, const char *propname,
				const char **val);

/**
 * fwnode_property_read_bool() - whether a boolean property is set
 * @fwnode: the node
 * @propname: the property
 *
 * Return: true if present.
 */
static inline bool fwnode_property_read_bool(const struct fwnode_handle *fwnode,
					     const char *propname)
{
	return fwnode_property_present(fwnode, propname);
}

/**
 * device_property_read_bool() - whether a device's boolean property is set
 * @dev: the device
 * @propname: the property
 *
 * Return: true if present.
 */
static inline bool device_property_read_bool(const struct device *dev,
					     const char *propname)
{
	return device_property_present(dev, propname);
}

/*
 * fwnode_property_read_u8/16/32/64() and device_property_read_u8/16/32/64():
 * read one integer. Return: 0, -EINVAL (no such property), -ENODATA (no
 * value), -EOVERFLOW (value too small), -ENXIO (no property support).
 */
static inline int device_property_read_u64(const struct device *dev,
					   const char *propname, u64 *val)
{
	return device_property_read_u64_array(dev, propname, val, 1);
}

static inline int device_property_read_u32(const struct device *dev,
					   const char *propname, u32 *val)
{
	return device_property_read_u32_array(dev, propname, val, 1);
}

static inline int device_property_read_u16(const struct device *dev,
					   const char *propname, u16 *val)
{
	return device_property_read_u16_array(dev, propname, val, 1);
}

static inline int device_property_read_u8(const struct device *dev,
					  const char *propname, u8 *val)
{
	return device_property_read_u8_array(dev, propname, val, 1);
}

static inline int fwnode_property_read_u64(const struct fwnode_handle *fwnode,
					   const char *propname, u64 *val)
{
	return fwnode_property_read_u64_array(fwnode, propname, val, 1);
}

static inline int fwnode_property_read_u32(const struct fwnode_handle *fwnode,
					   const char *propname, u32 *val)
{
	return fwnode_property_read_u32_array(fwnode, propname, val, 1);
}

static inline int fwnode_property_read_u16(const struct fwnode_handle *fwnode,
					   const char *propname, u16 *val)
{
	return fwnode_property_read_u16_array(fwnode, propname, val, 1);
}

static inline int fwnode_property_read_u8(const struct fwnode_handle *fwnode,
					  const char *propname, u8 *val)
{
	return fwnode_property_read_u8_array(fwnode, propname, val, 1);
}

/**
 * device_property_count_u32() - number of u32 values of a property
 * @dev: the device
 * @propname: the property
 *
 * Return: the count, or a negative errno.
 */
static inline int device_property_count_u32(const struct device *dev,
					    const char *propname)
{
	return device_property_read_u32_array(dev, propname, NULL, 0);
}

/**
 * fwnode_property_count_u32() - number of u32 values of a property
 * @fwnode: the node
 * @propname: the property
 *
 * Return: the count, or a negative errno.
 */
static inline int fwnode_property_count_u32(const struct fwnode_handle *fwnode,
					    const char *propname)
{
	return fwnode_property_read_u32_array(fwnode, propname, NULL, 0);
}

bool is_software_node(const struct fwnode_handle *fwnode);
const struct software_node *to_software_node(const struct fwnode_handle *fwnode);
struct fwnode_handle *software_node_fwnode(const struct software_node *node);
int software_node_register(const struct software_node *node);
void software_node_unregister(const struct software_node *node);
int software_node_register_node_group(const struct software_node **node_group);
void software_node_unregister_node_group(const struct software_node **node_group);

struct fwnode_handle *
fwnode_create_software_node(const struct property_entry *properties,
			    const struct fwnode_handle *parent);
void fwnode_remove_software_node(struct fwnode_handle *fwnode);

int device_add_software_node(struct device *dev, const struct software_node *node);
void device_remove_software_node(struct device *dev);

#endif /* _LINUX_PROPERTY_H_ */
