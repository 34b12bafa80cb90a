/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TYPECHECK_H
#define _LINUX_TYPECHECK_H

/* Warn at compile time unless x has the given type; evaluates to 1. */
#define typecheck(type, x) ({			\
	type __tc_dummy;			\
	typeof(x) __tc_dummy2;			\
	(void)(&__tc_dummy == &__tc_dummy2);	\
	1;					\
})

#define typecheck_fn(type, function) ({		\
	typeof(type) __tc_fn = (function);	\
	(void)__tc_fn;				\
})

#define typecheck_pointer(x) ({			\
	typeof(x) __tc_ptr __always_unused;	\
	(void)sizeof(*__tc_ptr);		\
	1;					\
})

#endif /* _LINUX_TYPECHECK_H */
