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

/*
 * A cleanup handler receives the address of the variable going out of scope;
 * the free expression sees the variable's value as _T.
 */
#define DEFINE_FREE(_name, _type, _free) \
	static inline void __free_##_name(void *__slot) { _type _T = *(_type *)__slot; _free; }

#define __free(_name)	__cleanup(__free_##_name)

/* Read @p and overwrite it with @nullvalue, yielding the old value. */
#define __get_and_null(p, nullvalue) ({					\
	__auto_type __gan_ptr = &(p);					\
	__auto_type __gan_val = *__gan_ptr;				\
	*__gan_ptr = nullvalue;						\
	__gan_val;							\
})

/* Identity function whose only job is to make an ignored result an error. */
static inline __must_check const volatile void *__must_check_fn(const volatile void *val)
{
	const volatile void *same = val;

	return same;
}

/* Steal @p from its __free() variable: the cleanup then sees NULL. */
#define __steal_ptr(p)		((__force const volatile void *)__get_and_null(p, NULL))
#define no_free_ptr(p)		((typeof(p))__must_check_fn(__steal_ptr(p)))
#define return_ptr(p)		return no_free_ptr(p)
#define retain_and_null_ptr(p)	((void)__get_and_null(p, NULL))

/*
 * Classes: a type with a constructor and a destructor.  CLASS(name, var)(args)
 * declares var, initialised by the constructor, destroyed at end of scope.
 * _exit sees the object as _T; _init may use the names in _init_args.
 */
#define DEFINE_CLASS(_name, _type, _exit, _init, _init_args...)		\
typedef _type class_##_name##_t;					\
static inline _type class_##_name##_constructor(_init_args)		\
{ _type __made = _init; return __made; }				\
static inline void class_##_name##_destructor(_type *__obj)		\
{ _type _T = *__obj; _exit; }

/* A variant of class @_name with another constructor, named @_name@ext. */
#define EXTEND_CLASS(_name, ext, _init, _init_args...)			\
typedef class_##_name##_t class_##_name##ext##_t;			\
static inline class_##_name##_t class_##_name##ext##_constructor(_init_args) \
{ class_##_name##_t __made = _init; return __made; }			\
static inline void class_##_name##ext##_destructor(class_##_name##_t *__obj) \
{ class_##_name##_destructor(__obj); }

#define CLASS(_name, var)						\
	class_##_name##_t var __cleanup(class_##_name##_destructor) =	\
		class_##_name##_constructor

/* The lock pointer a guard holds, NULL when acquisition failed. */
#define __guard_as_ptr(v)	((void *)(__force unsigned long)(v))

#define DEFINE_CLASS_IS_GUARD(_name) \
	static inline void *class_##_name##_lock_ptr(class_##_name##_t *_T) \
	{ return __guard_as_ptr(*_T); }

#define DEFINE_CLASS_IS_COND_GUARD(_name) DEFINE_CLASS_IS_GUARD(_name)

/* Pointer guards: _T is the lock; a NULL lock means "not held". */
#define DEFINE_GUARD(_name, _type, _lock, _unlock) \
	DEFINE_CLASS(_name, _type, do { if (_T) { _unlock; } } while (0),	\
		     ({ _lock; _T; }), _type _T);				\
	DEFINE_CLASS_IS_GUARD(_name)

/* Conditional flavour @_name@_ext: the guard is NULL unless _condlock held. */
#define DEFINE_GUARD_COND(_name, _ext, _condlock) \
	EXTEND_CLASS(_name, _ext, \
		     ({ void *__held = _T; if (__held && !(_condlock)) __held = NULL; __held; }), \
		     class_##_name##_t _T) \
	static inline void *class_##_name##_ext##_lock_ptr(class_##_name##_t *__g) \
	{ return class_##_name##_lock_ptr(__g); }

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

/*
 * Guards for locks whose state is more than a pointer: the class is a struct
 * holding the lock pointer plus any extra members; _lock and _unlock see the
 * struct as _T.
 */
#define __DEFINE_UNLOCK_GUARD(_name, _type, _unlock, ...)		\
typedef struct {							\
	_type *lock;							\
	__VA_ARGS__;							\
} class_##_name##_t;							\
									\
static inline void *class_##_name##_lock_ptr(class_##_name##_t *_T)	\
{									\
	return __guard_as_ptr(_T->lock);				\
}									\
									\
static inline void class_##_name##_destructor(class_##_name##_t *_T)	\
{									\
	if (!_T->lock)							\
		return;							\
	_unlock;							\
}

#define __DEFINE_LOCK_GUARD_1(_name, _type, _lock)			\
static inline class_##_name##_t class_##_name##_constructor(_type *__l)	\
{									\
	class_##_name##_t __g = { .lock = __l };			\
	class_##_name##_t *_T = &__g;					\
									\
	_lock;								\
	return __g;							\
}

/* Lockless-argument guards (e.g. rcu): the lock pointer is a dummy 1. */
#define __DEFINE_LOCK_GUARD_0(_name, _lock)				\
static inline class_##_name##_t class_##_name##_constructor(void)	\
{									\
	class_##_name##_t __g = { .lock = (void *)1 };			\
	class_##_name##_t *_T __maybe_unused = &__g;			\
									\
	_lock;								\
	return __g;							\
}

#define DEFINE_LOCK_GUARD_1(_name, _type, _lock, _unlock, ...)		\
__DEFINE_UNLOCK_GUARD(_name, _type, _unlock, __VA_ARGS__)		\
__DEFINE_LOCK_GUARD_1(_name, _type, _lock)

#define DEFINE_LOCK_GUARD_0(_name, _lock, _unlock, ...)			\
__DEFINE_UNLOCK_GUARD(_name, void, _unlock, __VA_ARGS__)		\
__DEFINE_LOCK_GUARD_0(_name, _lock)

/* Try-lock flavour: the lock pointer is cleared when _condlock fails. */
#define DEFINE_LOCK_GUARD_1_COND(_name, _ext, _condlock)		\
	typedef class_##_name##_t class_##_name##_ext##_t;		\
	static inline class_##_name##_t					\
	class_##_name##_ext##_constructor(typeof(((class_##_name##_t *)0)->lock) __l) \
	{								\
		class_##_name##_t __g = { .lock = __l };		\
		class_##_name##_t *_T = &__g;				\
									\
		if (__l && !(_condlock))				\
			__g.lock = NULL;				\
		return __g;						\
	}								\
	static inline void *class_##_name##_ext##_lock_ptr(class_##_name##_t *__c) \
	{ return class_##_name##_lock_ptr(__c); }			\
	static inline void class_##_name##_ext##_destructor(class_##_name##_t *__c) \
	{ class_##_name##_destructor(__c); }

#endif /* _LINUX_CLEANUP_H */
