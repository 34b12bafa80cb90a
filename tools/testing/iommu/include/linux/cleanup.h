/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CLEANUP_H
#define _LINUX_CLEANUP_H

#include <linux/compiler.h>

/*
 * Scope-based resource management built on __attribute__((cleanup)).
 *
 *   DEFINE_FREE(name, type, free-expression using _T)
 *   type var __free(name) = ...;        -- freed at end of scope
 *   no_free_ptr(var) / return_ptr(var)  -- hand the pointer on instead
 *
 *   DEFINE_GUARD(name, type, lock-expr, unlock-expr)   -- _T is the lock
 *   guard(name)(lock);                  -- held to end of scope
 *   scoped_guard (name, lock) { ... }   -- held for the block
 *   scoped_cond_guard (name, fail, lock) { ... } -- for trylock flavours
 */

#define DEFINE_FREE(_name, _type, _free) \
	static inline void __free_##_name(void *p) { _type _T = *(_type *)p; _free; }

#define __free(_name)	__cleanup(__free_##_name)

#define __get_and_null(p, nullvalue) ({					\
	__auto_type __gan_ptr = &(p);					\
	__auto_type __gan_val = *__gan_ptr;				\
	*__gan_ptr = nullvalue;						\
	__gan_val;							\
})

static inline __must_check const volatile void *__must_check_fn(const volatile void *val)
{
	return val;
}

#define __get_and_null_ptr(p) __get_and_null(p, NULL)
#define no_free_ptr(p) \
	((typeof(p))__must_check_fn((__force const volatile void *)__get_and_null_ptr(p)))
#define return_ptr(p)	return no_free_ptr(p)
#define retain_and_null_ptr(p) ((void)__get_and_null_ptr(p))

/* Constructor/destructor pairs for a class of scoped objects. */
#define DEFINE_CLASS(_name, _type, _exit, _init, _init_args...)		\
typedef _type class_##_name##_t;					\
static inline void class_##_name##_destructor(_type *p)		\
{ _type _T = *p; _exit; }						\
static inline _type class_##_name##_constructor(_init_args)		\
{ _type t = _init; return t; }

#define EXTEND_CLASS(_name, ext, _init, _init_args...)			\
typedef class_##_name##_t class_##_name##ext##_t;			\
static inline void class_##_name##ext##_destructor(class_##_name##_t *p) \
{ class_##_name##_destructor(p); }					\
static inline class_##_name##_t class_##_name##ext##_constructor(_init_args) \
{ class_##_name##_t t = _init; return t; }

#define CLASS(_name, var)						\
	class_##_name##_t var __cleanup(class_##_name##_destructor) =	\
		class_##_name##_constructor

#define DEFINE_CLASS_IS_GUARD(_name) \
	static inline void *class_##_name##_lock_ptr(class_##_name##_t *_T) \
	{ return (void *)(__force unsigned long)*_T; }

#define DEFINE_CLASS_IS_COND_GUARD(_name) \
	static inline void *class_##_name##_lock_ptr(class_##_name##_t *_T) \
	{ return (void *)(__force unsigned long)*_T; }

#define DEFINE_GUARD(_name, _type, _lock, _unlock) \
	DEFINE_CLASS(_name, _type, if (_T) { _unlock; }, ({ _lock; _T; }), _type _T); \
	DEFINE_CLASS_IS_GUARD(_name)

#define DEFINE_GUARD_COND(_name, _ext, _condlock) \
	EXTEND_CLASS(_name, _ext, \
		     ({ void *_t = _T; if (_T && !(_condlock)) _t = NULL; _t; }), \
		     class_##_name##_t _T) \
	static inline void *class_##_name##_ext##_lock_ptr(class_##_name##_t *_T) \
	{ return class_##_name##_lock_ptr(_T); }

#define guard(_name) \
	CLASS(_name, __UNIQUE_ID(guard))

#define __guard_ptr(_name) class_##_name##_lock_ptr

#define scoped_guard(_name, args...)					\
	for (CLASS(_name, scope)(args), *__sg_done = NULL;		\
	     __guard_ptr(_name)(&scope) && !__sg_done;			\
	     __sg_done = (void *)1)

#define scoped_cond_guard(_name, _fail, args...)			\
	for (CLASS(_name, scope)(args), *__scg_done = NULL;		\
	     !__scg_done; __scg_done = (void *)1)			\
		if (!__guard_ptr(_name)(&scope)) _fail;			\
		else

/* Guards for locks whose state is more than a pointer. */
#define __DEFINE_UNLOCK_GUARD(_name, _type, _unlock, ...)		\
typedef struct {							\
	_type *lock;							\
	__VA_ARGS__;							\
} class_##_name##_t;							\
									\
static inline void class_##_name##_destructor(class_##_name##_t *_T)	\
{									\
	if (_T->lock) { _unlock; }					\
}									\
									\
static inline void *class_##_name##_lock_ptr(class_##_name##_t *_T)	\
{									\
	return (void *)(__force unsigned long)_T->lock;			\
}

#define __DEFINE_LOCK_GUARD_1(_name, _type, _lock)			\
static inline class_##_name##_t class_##_name##_constructor(_type *l)	\
{									\
	class_##_name##_t _t = { .lock = l }, *_T = &_t;		\
	_lock;								\
	return _t;							\
}

#define __DEFINE_LOCK_GUARD_0(_name, _lock)				\
static inline class_##_name##_t class_##_name##_constructor(void)	\
{									\
	class_##_name##_t _t = { .lock = (void *)1 },			\
			 *_T __maybe_unused = &_t;			\
	_lock;								\
	return _t;							\
}

#define DEFINE_LOCK_GUARD_1(_name, _type, _lock, _unlock, ...)		\
__DEFINE_UNLOCK_GUARD(_name, _type, _unlock, __VA_ARGS__)		\
__DEFINE_LOCK_GUARD_1(_name, _type, _lock)

#define DEFINE_LOCK_GUARD_0(_name, _lock, _unlock, ...)			\
__DEFINE_UNLOCK_GUARD(_name, void, _unlock, __VA_ARGS__)		\
__DEFINE_LOCK_GUARD_0(_name, _lock)

#define DEFINE_LOCK_GUARD_1_COND(_name, _ext, _condlock)		\
	typedef class_##_name##_t class_##_name##_ext##_t;		\
	static inline void class_##_name##_ext##_destructor(class_##_name##_t *_T) \
	{ class_##_name##_destructor(_T); }				\
	static inline void *class_##_name##_ext##_lock_ptr(class_##_name##_t *_T) \
	{ return class_##_name##_lock_ptr(_T); }			\
	static inline class_##_name##_t					\
	class_##_name##_ext##_constructor(typeof(((class_##_name##_t *)0)->lock) l) \
	{								\
		class_##_name##_t _t = { .lock = l }, *_T = &_t;	\
		if (_T->lock && !(_condlock))				\
			_T->lock = NULL;				\
		return _t;						\
	}

#endif /* _LINUX_CLEANUP_H */
